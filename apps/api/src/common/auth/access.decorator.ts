import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@ogh/domain';

/**
 * Every route declares who may call it. A route without a declaration is
 * refused by the roles guard (deny by default) and flagged by the route test.
 */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

export const ACCESS_KEY = 'ogh:access';
export const ALLOW_PENDING_PASSWORD_KEY = 'ogh:allow-pending-password';

/** Open to anyone, including anonymous citizens. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user, whatever the role. */
export const Authenticated = () =>
  applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule), ApiBearerAuth());

/** Only the listed roles. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule), ApiBearerAuth());

/** Reachable while the user still has to replace a one-time password. */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD_KEY, true);
