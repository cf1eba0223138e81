import type { Role } from '@ogh/domain';

/** The caller, as the guards resolved it. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  opdId: number | null;
  mustChangePassword: boolean;
  via: 'jwt' | 'api_token';
  /** Login session (refresh-token family) for JWT callers. */
  sessionId?: string;
  /** Scopes of an API token; JWT callers have every scope of their role. */
  scopes?: string[];
}

export const API_TOKEN_SCOPES = ['read', 'write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
