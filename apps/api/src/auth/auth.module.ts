import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ApiTokenService } from './api-token.service';
import { ApiTokensController } from './api-tokens.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenCleanupJob } from './jobs/token-cleanup.job';
import { PasswordService } from './password.service';
import { ApiTokenStrategy } from './strategies/api-token.strategy';
import { JwtStrategy } from './strategies/jwt.strategy';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController, ApiTokensController],
  providers: [AuthService, PasswordService, ApiTokenService, JwtStrategy, ApiTokenStrategy, TokenCleanupJob],
  exports: [AuthService, PasswordService, ApiTokenService],
})
export class AuthModule {}
