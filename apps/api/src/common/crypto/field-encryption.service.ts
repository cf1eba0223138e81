import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 4;

/**
 * AES-256-GCM for personal data at rest. Each value carries the id of the
 * key that sealed it, so after a rotation (DATA_ENCRYPTION_KEY_PREVIOUS) old
 * values stay readable and can be re-sealed with the new key.
 * Layout: key id (4) | IV (12) | tag (16) | ciphertext.
 */
@Injectable()
export class FieldEncryptionService {
  private readonly keys: { id: Buffer; key: Buffer }[];
  private readonly hashKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keys = [config.encryption.key, config.encryption.previousKey]
      .filter((k): k is Buffer => !!k)
      .map((key) => ({ key, id: createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES) }));
    // A separate derived key for look-up hashes, so they reveal nothing about the encryption key.
    this.hashKey = Buffer.from(hkdfSync('sha256', config.encryption.key, Buffer.alloc(0), 'ogh-contact-hash', 32));
  }

  encrypt(plain: string | null | undefined): Buffer | null {
    if (plain == null || plain === '') return null;
    const { key, id } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([id, iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer | null | undefined): string | null {
    if (!sealed) return null;
    const id = sealed.subarray(0, KEY_ID_BYTES);
    const entry = this.keys.find((k) => k.id.equals(id));
    if (!entry) throw new Error('Encrypted value was sealed with a key that is not configured');
    const iv = sealed.subarray(KEY_ID_BYTES, KEY_ID_BYTES + IV_BYTES);
    const tag = sealed.subarray(KEY_ID_BYTES + IV_BYTES, KEY_ID_BYTES + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', entry.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(KEY_ID_BYTES + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** True when the value was sealed with an older key and should be re-encrypted. */
  needsRotation(sealed: Buffer | null | undefined): boolean {
    return !!sealed && !sealed.subarray(0, KEY_ID_BYTES).equals(this.keys[0].id);
  }

  /** Keyed hash for de-duplication without decrypting. */
  lookupHash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('hex');
  }
}
