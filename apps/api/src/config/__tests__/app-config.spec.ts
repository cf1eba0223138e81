import { ConfigError, loadConfig } from '../app-config';

const valid = {
  JWT_SECRET: 'j'.repeat(40),
  DATA_ENCRYPTION_KEY: 'ab'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const c = loadConfig({ ...valid, API_PORT: '4000' });
    expect(c.http.port).toBe(4000);
    expect(c.database.url).toBeUndefined();
    expect(c.redis.url).toBeUndefined();
    expect(c.encryption.key).toHaveLength(32);
    expect(c.auth.loginMaxFailures).toBe(5);
    expect(c.redis.prefix).toBe('ogh');
  });

  it('takes trusted proxies as addresses, ranges or names', () => {
    expect(loadConfig(valid).http.trustProxy).toBe('loopback');
    expect(loadConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'true; *' })).toThrow(/TRUST_PROXY: must be a comma-separated list/);
  });

  it('takes a queue prefix of safe characters only', () => {
    expect(loadConfig({ ...valid, QUEUE_PREFIX: 'ogh-staging' }).redis.prefix).toBe('ogh-staging');
    expect(() => loadConfig({ ...valid, QUEUE_PREFIX: 'a b:*' })).toThrow(/QUEUE_PREFIX: must be 1-64 letters/);
  });

  it('names a missing secret', () => {
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: valid.DATA_ENCRYPTION_KEY })).toThrow(/JWT_SECRET: is required/);
  });

  it('names every malformed variable at once', () => {
    try {
      loadConfig({ ...valid, DATABASE_URL: 'mysql://x', REDIS_URL: 'http://r', API_PORT: '99999', DATA_ENCRYPTION_KEY: 'short' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const vars = (err as ConfigError).problems.map((p) => p.variable).sort();
      expect(vars).toEqual(['API_PORT', 'DATABASE_URL', 'DATA_ENCRYPTION_KEY', 'REDIS_URL']);
      expect((err as Error).message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    }
  });

  it('accepts a base64 encryption key and treats empty optional values as absent', () => {
    const c = loadConfig({ ...valid, DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), REDIS_URL: '', DATABASE_URL: '' });
    expect(c.encryption.key.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(c.redis.url).toBeUndefined();
  });
});
