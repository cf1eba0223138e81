import { createHash, randomBytes } from 'node:crypto';

/** Tokens handed to clients are random; only their SHA-256 is stored. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export const API_TOKEN_PREFIX = 'ogh_pat_';
