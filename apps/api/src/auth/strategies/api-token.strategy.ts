import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiTokenService } from '../api-token.service';

@Injectable()
export class ApiTokenStrategy extends PassportStrategy(Strategy, 'api-token') {
  constructor(private readonly tokens: ApiTokenService) {
    super();
  }

  async validate(token: string): Promise<AuthUser | false> {
    return (await this.tokens.resolve(token)) ?? false;
  }
}
