import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ErrorCode } from '../errors/error-codes';
import { unauthenticated } from '../errors/domain.exception';
import { ACCESS_KEY, AccessRule } from './access.decorator';

/**
 * Global authentication: a JWT access token or a personal API token.
 * Public routes pass, but still learn who the caller is when a valid token
 * is sent (so a signed-in citizen's actions are attributed).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(['jwt', 'api-token']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (rule?.kind === 'public') {
      const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
      if (req.headers.authorization) {
        try {
          await super.canActivate(context);
        } catch {
          // An invalid token on a public route is ignored: the caller is anonymous.
        }
      }
      return true;
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown, context: ExecutionContext): T {
    if (err) throw err;
    if (!user) {
      const infos = Array.isArray(info) ? info : [info];
      const expired = infos.some((i) => (i as { name?: string } | undefined)?.name === 'TokenExpiredError');
      const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
      if (rule?.kind === 'public') return undefined as T;
      throw expired
        ? unauthenticated('Access token expired: refresh it or sign in again', ErrorCode.TokenExpired)
        : unauthenticated('Authentication required: send a valid bearer token');
    }
    return user;
  }
}
