import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '@ogh/domain';
import { AuditService } from '../audit/audit.service';
import { ApiTokenService } from '../auth/api-token.service';
import { AuthService } from '../auth/auth.service';
import { UserEntity } from '../auth/entities/user.entity';
import { PasswordService } from '../auth/password.service';
import type { AuthUser } from '../common/auth/auth-user';
import { conflict, fieldError, notFound } from '../common/errors/domain.exception';
import { OpdService } from '../opd/opd.service';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  opd: { id: number; code: string; name: string } | null;
  isActive: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  opdCode?: string;
  password?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly opd: OpdService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly apiTokens: ApiTokenService,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(UserEntity);
  }

  /** Creates a user; without a password a one-time password is generated and returned once. */
  async create(input: NewUser, actor: AuthUser | null): Promise<{ user: UserView; oneTimePassword?: string }> {
    const email = input.email.trim().toLowerCase();
    let opdId: number | null = null;
    if (input.opdCode) {
      const opd = await this.opd.findByCode(input.opdCode);
      if (!opd) throw fieldError('opdCode', `unknown OPD code "${input.opdCode}"`);
      opdId = opd.id;
    }
    if (input.role === 'asn' && opdId === null) throw fieldError('opdCode', 'is required for role asn');
    if (await this.repo.exist({ where: { email } })) throw conflict(`A user with e-mail ${email} already exists`);

    const oneTimePassword = input.password ? undefined : generatePassword();
    const saved = await this.repo.save(
      this.repo.create({
        email,
        name: input.name.trim(),
        role: input.role,
        opdId,
        passwordHash: await this.passwords.hash(input.password ?? oneTimePassword!),
        mustChangePassword: !input.password,
      }),
    );
    await this.audit.record({ actor, action: 'user.created', entityType: 'user', entityId: saved.id, details: { role: saved.role, opdId } });
    return { user: await this.get(saved.id), oneTimePassword };
  }

  async list(filter: { role?: Role; active?: boolean }): Promise<UserView[]> {
    const rows = await this.repo.find({
      where: { role: filter.role, isActive: filter.active },
      relations: { opd: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map(toView);
  }

  async get(id: string): Promise<UserView> {
    const u = await this.repo.findOne({ where: { id }, relations: { opd: true } });
    if (!u) throw notFound('User');
    return toView(u);
  }

  /** Deactivation ends every session and token of the user at once. */
  async setActive(id: string, active: boolean, actor: AuthUser): Promise<UserView> {
    const u = await this.repo.findOne({ where: { id } });
    if (!u) throw notFound('User');
    if (!active && u.id === actor.id) throw conflict('You cannot deactivate your own account');
    await this.repo.update(id, { isActive: active, deactivatedAt: active ? null : new Date() });
    if (!active) {
      await this.auth.revokeAllSessions(id, 'deactivated');
      await this.apiTokens.revokeAllOf(id);
    }
    await this.audit.record({ actor, action: active ? 'user.activated' : 'user.deactivated', entityType: 'user', entityId: id });
    return this.get(id);
  }

  async hasActiveAdmin(): Promise<boolean> {
    return this.repo.exist({ where: { role: 'admin', isActive: true } });
  }
}

function toView(u: UserEntity): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    opd: u.opd ? { id: u.opd.id, code: u.opd.code, name: u.opd.name } : null,
    isActive: u.isActive,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** 18 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
export function generatePassword(length = 18): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
