import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { Role } from '@ogh/domain';
import { AuditService } from '../audit/audit.service';
import type { ApiTokenScope, AuthUser } from '../common/auth/auth-user';
import { forbidden, notFound } from '../common/errors/domain.exception';
import { ApiTokenEntity } from './entities/api-token.entity';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './token-secrets';

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

const view = (t: ApiTokenEntity): ApiTokenView => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});

/** Personal API tokens: shown once at creation, stored as a hash, revocable. */
@Injectable()
export class ApiTokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(ApiTokenEntity);
  }

  async create(owner: AuthUser, name: string, scopes: ApiTokenScope[], expiresInDays?: number): Promise<ApiTokenView & { token: string }> {
    if (owner.via === 'api_token') throw forbidden('API tokens cannot create further tokens');
    const token = newSecret(API_TOKEN_PREFIX);
    const saved = await this.repo.save(
      this.repo.create({
        userId: owner.id,
        name,
        prefix: token.slice(0, 12),
        tokenHash: sha256(token),
        scopes,
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      }),
    );
    await this.audit.record({ actor: owner, action: 'api_token.created', entityType: 'api_token', entityId: saved.id, details: { name, scopes } });
    return { ...view(saved), token };
  }

  async listOwn(owner: AuthUser): Promise<ApiTokenView[]> {
    return (await this.repo.find({ where: { userId: owner.id }, order: { createdAt: 'DESC' } })).map(view);
  }

  async revoke(actor: AuthUser, id: string): Promise<void> {
    const token = await this.repo.findOne({ where: { id } });
    if (!token || (token.userId !== actor.id && actor.role !== 'admin')) throw notFound('API token');
    if (!token.revokedAt) await this.repo.update(id, { revokedAt: new Date() });
    await this.audit.record({ actor, action: 'api_token.revoked', entityType: 'api_token', entityId: id });
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** The caller behind a presented token, or null when it is unknown, revoked, expired or its owner inactive. */
  async resolve(token: string): Promise<AuthUser | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const rows: { token_id: string; scopes: string[]; last_used_at: Date | null; id: string; email: string; name: string; role: Role; opd_id: number | null }[] =
      await this.dataSource.query(
        `SELECT t.id AS token_id, t.scopes, t.last_used_at, u.id, u.email, u.name, u.role, u.opd_id
         FROM api_token t JOIN app_user u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.is_active`,
        [sha256(token)],
      );
    const r = rows[0];
    if (!r) return null;
    // Last use is informative only: write it at most once a minute per token.
    if (!r.last_used_at || Date.now() - r.last_used_at.getTime() > 60_000) {
      await this.repo.update(r.token_id, { lastUsedAt: new Date() });
    }
    return { id: r.id, email: r.email, name: r.name, role: r.role, opdId: r.opd_id, mustChangePassword: false, via: 'api_token', scopes: r.scopes };
  }
}
