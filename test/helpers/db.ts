// Real databases for tests: PGlite always, PostgreSQL too when one is reachable (CI sets
// TEST_DATABASE_URL and then it must be). Each test file gets its own schema on PostgreSQL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDb } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/hromada_test';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A migrated, empty database; close() removes what it made. */
  open(): Promise<Db>;
}

let pgReachable: Promise<string | null> | undefined;

/** The PostgreSQL URL to test against, or null when none is reachable and none was demanded. */
export function postgresUrl(): Promise<string | null> {
  pgReachable ??= (async () => {
    const url = process.env.TEST_DATABASE_URL ?? DEFAULT_PG;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      // Installed once in public: a per-schema copy would vanish with the schema under other files.
      await client.query('create extension if not exists pg_trgm schema public');
      return url;
    } catch (err) {
      if (process.env.TEST_DATABASE_URL)
        throw new Error(`TEST_DATABASE_URL is set but unusable: ${(err as Error).message}`);
      return null;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgReachable;
}

export async function backends(): Promise<Backend[]> {
  const list: Backend[] = [{ name: 'pglite', open: openPglite }];
  const url = await postgresUrl();
  if (url) list.push({ name: 'postgres', open: () => openPostgresSchema(url) });
  else
    console.warn(
      'PostgreSQL not reachable: storage tests run on PGlite only (set TEST_DATABASE_URL to require it).',
    );
  return list;
}

async function openPglite(): Promise<Db> {
  const db = await openDb({ dataDir: 'memory://' });
  await migrate(db);
  return db;
}

async function openPostgresSchema(url: string): Promise<Db> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  const db = await openDb({ databaseUrl: u.toString(), dataDir: '' });
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** Empties every table but the migration log, so tests in one file share one instance. */
export async function resetDb(db: Db): Promise<void> {
  await db.query(
    'truncate sources, fetch_validators, source_runs, calls, items, dedupe_overrides, editions, edition_entries restart identity cascade',
  );
}
