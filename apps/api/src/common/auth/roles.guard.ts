import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-codes';
import { ACCESS_KEY, ALLOW_PENDING_PASSWORD_KEY, AccessRule } from './access.decorator';
import type { AuthUser } from './auth-user';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Deny by default: a route must declare its access rule. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
    if (!rule) throw forbidden('This route declares no access rule and is closed');
    if (rule.kind === 'public') return true;

    const req = context.switchToHttp().getRequest<{ user?: AuthUser; method: string }>();
    const user = req.user;
    if (!user) throw forbidden();
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_KEY, targets)) {
      throw forbidden('Change your one-time password first (POST /api/auth/password)', ErrorCode.PasswordChangeRequired);
    }
    if (user.via === 'api_token' && !SAFE_METHODS.has(req.method) && !user.scopes?.includes('write')) {
      throw forbidden('This API token has read scope only', ErrorCode.InsufficientScope);
    }
    if (rule.kind === 'roles' && !rule.roles.includes(user.role)) {
      throw forbidden(`This route is for: ${rule.roles.join(', ')}`);
    }
    return true;
  }
}
