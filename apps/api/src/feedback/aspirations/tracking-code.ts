import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from '../../auth/token-secrets';

/** No 0/O, 1/I/L, U/V: codes are read aloud and typed from paper. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/** Random bytes drawn from a pooled buffer: one getrandom call per 8 KiB instead of several per request. */
const POOL_SIZE = 8192;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function nextRandomByte(): number {
  if (offset >= POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  return pool[offset++];
}

function randomChars(n: number): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % ALPHABET.length);
  let out = '';
  while (out.length < n) {
    const b = nextRandomByte();
    if (b < limit) out += ALPHABET[b % ALPHABET.length];
  }
  return out;
}

/** e.g. "MDN-7K3Q-9XWA": 8 random characters, about 39 bits, not derivable from the previous code. */
export function newTrackingCode(): string {
  const c = randomChars(8);
  return `MDN-${c.slice(0, 4)}-${c.slice(4)}`;
}

/** Codes of the demo city ("DEMO-0001234", see demo/demo-marker.ts): followed like real ones, so the demo can be tried end to end. */
const DEMO_CODE = /^DEMO(\d{7})$/;

/** Accepts the code as people type it: lower case, spaces, missing dashes. */
export function normalizeTrackingCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  const demo = DEMO_CODE.exec(raw);
  if (demo) return `DEMO-${demo[1]}`;
  const body = raw.startsWith('MDN') ? raw.slice(3) : raw;
  if (body.length !== 8 || [...body].some((ch) => !ALPHABET.includes(ch))) return null;
  return `MDN-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** The secret that lets the citizen act on their aspiration: shown once, stored as a hash. */
export function newFollowUpKey(): string {
  const c = randomChars(20);
  return c.match(/.{5}/g)!.join('-');
}

export function hashFollowUpKey(key: string): string {
  return sha256(key.toUpperCase().replace(/[\s-]/g, ''));
}

export function followUpKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashFollowUpKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
