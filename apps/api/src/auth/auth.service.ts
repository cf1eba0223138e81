import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { Role } from '@ogh/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { DomainException, unauthenticated, forbidden } from '../common/errors/domain.exception';
import { ErrorCode } from '../common/errors/error-codes';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { PasswordService } from './password.service';
import { newSecret, sha256 } from './token-secrets';

export interface AccessTokenPayload {
  sub: string;
  role: Role;
  opd: number | null;
  sid: string;
}

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  mustChangePassword: boolean;
  user: { id: string; email: string; name: string; role: Role; opdId: number | null };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  private get users() {
    return this.dataSource.getRepository(UserEntity);
  }

  private get refreshTokens() {
    return this.dataSource.getRepository(RefreshTokenEntity);
  }

  async login(email: string, password: string): Promise<TokenPair> {
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    const now = new Date();
    if (user?.lockedUntil && user.lockedUntil > now) {
      const seconds = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new DomainException(HttpStatus.LOCKED, ErrorCode.AccountLocked,
        `Too many failed sign-ins: this account is locked for ${Math.ceil(seconds / 60)} more minute(s)`, undefined, { 'Retry-After': String(seconds) });
    }
    const ok = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      if (user) await this.recordFailure(user);
      throw unauthenticated('Wrong e-mail or password', ErrorCode.InvalidCredentials);
    }
    if (!user.isActive) throw forbidden('This account has been deactivated', ErrorCode.AccountInactive);

    await this.users.update(user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    await this.audit.record({ actor: user, action: 'auth.login', entityType: 'user', entityId: user.id });
    return this.issue(user, randomUUID());
  }

  private async recordFailure(user: UserEntity): Promise<void> {
    // One atomic update so concurrent guesses cannot slip past the limit.
    const [row]: { failed_login_count: number; locked_until: Date | null }[] = await this.dataSource.query(
      `UPDATE app_user SET
         failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
         locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1 RETURNING failed_login_count, locked_until`,
      [user.id, this.config.auth.loginMaxFailures, this.config.auth.loginLockMinutes],
    ).then(([rows]: [{ failed_login_count: number; locked_until: Date | null }[], number]) => rows);
    await this.audit.record({ actor: null, action: row?.locked_until ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user.id });
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const token = await this.refreshTokens.findOne({ where: { tokenHash: sha256(refreshToken) } });
    if (!token || token.revokedAt) throw unauthenticated('Refresh token is not valid: sign in again');
    if (token.expiresAt <= new Date()) throw unauthenticated('Refresh token expired: sign in again', ErrorCode.TokenExpired);

    // Mark spent atomically: of two concurrent uses, exactly one wins.
    const spent = await this.refreshTokens.update({ id: token.id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: new Date() });
    if (!spent.affected) {
      await this.revokeFamily(token.familyId, 'reuse');
      await this.audit.record({ actor: { id: token.userId, role: 'citizen' }, action: 'auth.refresh_reuse', entityType: 'user', entityId: token.userId, details: { session: token.familyId } });
      throw unauthenticated('This refresh token was already used; the session has been revoked for safety', ErrorCode.RefreshTokenReused);
    }
    const user = await this.users.findOne({ where: { id: token.userId } });
    if (!user || !user.isActive) {
      await this.revokeFamily(token.familyId, 'inactive');
      throw forbidden('This account has been deactivated', ErrorCode.AccountInactive);
    }
    const pair = await this.issue(user, token.familyId);
    // A concurrent reuse of the same token may have revoked the session while
    // this rotation ran. Checked after the new token exists: either that
    // revocation already covered it, or we see it here and revoke again.
    if (await this.familyRevoked(token.familyId)) {
      await this.revokeFamily(token.familyId, 'reuse');
      throw unauthenticated('This refresh token was already used; the session has been revoked for safety', ErrorCode.RefreshTokenReused);
    }
    return pair;
  }

  private async familyRevoked(familyId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM refresh_token WHERE family_id = $1 AND revoked_at IS NOT NULL) AS revoked`, [familyId]);
    return row.revoked;
  }

  async logout(user: AuthUser, refreshToken?: string): Promise<void> {
    let family = user.sessionId;
    if (refreshToken) {
      const token = await this.refreshTokens.findOne({ where: { tokenHash: sha256(refreshToken), userId: user.id } });
      family = token?.familyId ?? family;
    }
    if (family) await this.revokeFamily(family, 'logout');
    await this.audit.record({ actor: user, action: 'auth.logout', entityType: 'user', entityId: user.id });
  }

  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const row = await this.users.findOneOrFail({ where: { id: user.id } });
    if (!(await this.passwords.verify(row.passwordHash, currentPassword))) {
      throw new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'currentPassword: is wrong', [{ field: 'currentPassword', problem: 'is wrong' }]);
    }
    if (currentPassword === newPassword) {
      throw new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'newPassword: must differ from the current one', [{ field: 'newPassword', problem: 'must differ from the current one' }]);
    }
    await this.users.update(user.id, { passwordHash: await this.passwords.hash(newPassword), mustChangePassword: false });
    // Other sessions end; the current one stays usable.
    await this.dataSource.query(
      `UPDATE refresh_token SET revoked_at = now(), revoked_reason = 'password_change'
       WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2`,
      [user.id, user.sessionId ?? null],
    );
    await this.audit.record({ actor: user, action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  }

  async revokeFamily(familyId: string, reason: string): Promise<void> {
    await this.refreshTokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  async revokeAllSessions(userId: string, reason: string): Promise<void> {
    await this.refreshTokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  /** Turns a verified JWT payload into the caller, or null when the session or user is no longer valid. */
  async resolveAccessToken(payload: AccessTokenPayload): Promise<AuthUser | null> {
    const rows: { id: string; email: string; name: string; role: Role; opd_id: number | null; must_change_password: boolean; revoked: boolean }[] =
      await this.dataSource.query(
        `SELECT u.id, u.email, u.name, u.role, u.opd_id, u.must_change_password,
                EXISTS (SELECT 1 FROM refresh_token r WHERE r.family_id = $2 AND r.revoked_at IS NOT NULL) AS revoked
         FROM app_user u WHERE u.id = $1 AND u.is_active`,
        [payload.sub, payload.sid],
      );
    const u = rows[0];
    if (!u || u.revoked) return null;
    return { id: u.id, email: u.email, name: u.name, role: u.role, opdId: u.opd_id, mustChangePassword: u.must_change_password, via: 'jwt', sessionId: payload.sid };
  }

  private async issue(user: UserEntity, familyId: string): Promise<TokenPair> {
    const payload: AccessTokenPayload = { sub: user.id, role: user.role, opd: user.opdId, sid: familyId };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.auth.accessTtlSeconds });
    const refreshToken = newSecret();
    const refreshExpiresAt = new Date(Date.now() + this.config.auth.refreshTtlDays * 86_400_000);
    await this.refreshTokens.insert({ userId: user.id, familyId, tokenHash: sha256(refreshToken), expiresAt: refreshExpiresAt });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.auth.accessTtlSeconds,
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
      mustChangePassword: user.mustChangePassword,
      user: { id: user.id, email: user.email, name: user.name, role: user.role, opdId: user.opdId },
    };
  }
}
