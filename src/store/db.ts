// One pg-style query interface over embedded PGlite (default) or PostgreSQL (DATABASE_URL), so
// repositories and transactions behave the same on either backend.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export interface QueryResult<R> {
  rows: R[];
}

export interface Queryable {
  /** One statement with $n parameters; without parameters several statements may be sent at once. */
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly backend: 'pglite' | 'postgres';
}

export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

// Numeric columns (amounts) come back as numbers on both backends; bigint counts too (PGlite
// already returns numbers, pg would return strings).
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// DATE stays a plain YYYY-MM-DD string: a JS Date would shift it by the machine's timezone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; 'memory://' for an in-memory database (tests). */
  dataDir: string;
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseError(
      `Cannot reach PostgreSQL at ${redact(url)}: ${(err as Error).message}. Check DATABASE_URL and that the server is running (docker compose up -d postgres), or unset DATABASE_URL to use the embedded database.`,
    );
  }
  return wrap(pool, 'postgres');
}

// PGlite is driven through its own API, not its node-postgres bridge: the bridge loses the
// connection after any SQL error (a unique violation included), and errors are routine here.
async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const dir = dataDir === 'memory://' ? undefined : path.resolve(dataDir, 'pglite');
  const parsers = { [types.DATE]: (v: string) => v, [types.NUMERIC]: Number, [types.INT8]: Number };
  let lite: InstanceType<typeof PGlite>;
  try {
    if (dir) mkdirSync(dir, { recursive: true });
    lite = await PGlite.create(dir, { extensions: { pg_trgm }, parsers });
    await lite.query('select 1');
  } catch (err) {
    throw new DatabaseError(
      `The embedded database in ${dir} cannot be opened (${(err as Error).message || String(err)}). It may be corrupt or from another version: move the folder aside (or set DATA_DIR to an empty folder) and run again; calls are collected anew from the sources.`,
    );
  }
  type Runner = Pick<InstanceType<typeof PGlite>, 'query' | 'exec'>;
  const run = async (on: Runner, sql: string, params?: unknown[]) => {
    if (params && params.length > 0) return { rows: (await on.query(sql, params)).rows };
    const results = await on.exec(sql);
    return { rows: results.at(-1)?.rows ?? [] };
  };
  return {
    backend: 'pglite',
    query: (sql, params) => run(lite, sql, params) as never,
    transaction: (fn) =>
      lite.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) as never })),
    close: () => lite.close(),
  };
}

function wrap(pool: pg.Pool, backend: Db['backend']): Db {
  return {
    backend,
    query: (sql, params) => pool.query(sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({ query: (sql, params) => client.query(sql, params) as never });
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
