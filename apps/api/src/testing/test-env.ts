/** Names of the variables global setup hands to test files. */
export const TEST_ENV = {
  adminUrl: 'OGH_TEST_ADMIN_URL',
  template: 'OGH_TEST_TEMPLATE',
} as const;

export function adminUrlFrom(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** Redis for tests that exercise the bull path; they fail with a message when it is unreachable. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379';
}
