import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      DATA_DIR: './data',
      REDIS_URL: 'redis://127.0.0.1:6379',
      HOST: '127.0.0.1',
      PORT: 3000,
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SMTP_URL).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('treats empty values (as in a copied .env.example) as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', SMTP_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /^Configuration error: PORT="eighty" is invalid: expected/],
    [
      { DATABASE_URL: 'mysql://x' },
      /DATABASE_URL="mysql:\/\/x" is invalid: expected a URL starting with postgres:/,
    ],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL=.* expected a URL starting with redis:/],
    [{ DIGEST_SCHEDULE: '31 25:00' }, /DIGEST_SCHEDULE=.* day-of-month/],
    [{ SECRET_KEY: 'short' }, /SECRET_KEY=.* at least 32 characters/],
    [{ NODE_ENV: 'production' }, /SECRET_KEY is required in production/],
  ])('stops with one line naming the variable: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
