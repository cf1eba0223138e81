import { Global, Module } from '@nestjs/common';
import { FieldEncryptionService } from './field-encryption.service';
import { KeyRotationService } from './key-rotation.service';

@Global()
@Module({ providers: [FieldEncryptionService, KeyRotationService], exports: [FieldEncryptionService, KeyRotationService] })
export class CryptoModule {}
