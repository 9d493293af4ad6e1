// Every setting comes from the environment (optionally a .env file), validated once with zod.
// A bad value stops start-up with one line naming the variable and what it expects.
import { existsSync } from 'node:fs';
import { z } from 'zod';

/** Schedules are written in Kyiv time whatever the machine's TZ is. */
export const KYIV_TZ = 'Europe/Kyiv';

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATA_DIR: z.string().min(1).default('./data'),
  OUT_DIR: z.string().min(1).default('./out'),
  OUTBOX_DIR: z.string().min(1).default('./outbox'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('hromada-grants <catalogue@localhost>'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: url(['http:', 'https:']).default('http://127.0.0.1:3000'),
  SECRET_KEY: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  USER_AGENT_CONTACT: url(['http:', 'https:', 'mailto:']).default(
    'https://github.com/hromada-grants/hromada-grants',
  ),
  /** Editors' own config-defined sources (JSON, same format as src/sources/generic/sources.json). */
  SOURCES_FILE: z.string().min(1).optional(),
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Monthly compile time, Kyiv time, as "day HH:MM" (day of month 1–28). */
  DIGEST_SCHEDULE: z
    .string()
    .regex(/^([1-9]|1\d|2[0-8]) ([01]\d|2[0-3]):[0-5]\d$/, 'day-of-month (1–28) and HH:MM, e.g. "1 09:00"')
    .default('1 09:00'),
});

export type Config = Readonly<z.infer<typeof EnvSchema>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates `env` (default: process.env plus .env if present) and returns a frozen config. */
export function loadConfig(env: NodeJS.ProcessEnv = readEnv()): Config {
  // Empty strings in .env files mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? '?');
    throw new ConfigError(
      `Configuration error: ${name}=${JSON.stringify(env[name] ?? '')} is invalid: expected ${issue.message}. Fix it in the environment or .env (see .env.example).`,
    );
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.SECRET_KEY) {
    throw new ConfigError(
      'Configuration error: SECRET_KEY is required in production (at least 32 characters, e.g. `openssl rand -hex 32`).',
    );
  }
  return Object.freeze(config);
}

function readEnv(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}
