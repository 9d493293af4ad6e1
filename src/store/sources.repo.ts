// Sources, their health after each run, and conditional-GET validators per URL.

import type { SourceRole } from '../calls/merge.ts';
import type { Validators } from '../fetch/client.ts';
import type { SourceDefinition } from '../sources/types.ts';
import type { Queryable } from './db.ts';

export type RunStatus = 'ok' | 'unchanged' | 'empty' | 'failed';

export interface SourceRun {
  sourceId: string;
  startedAt: Date;
  finishedAt: Date;
  status: RunStatus;
  itemsSeen: number;
  newCalls: number;
  errorClass: string | null;
  errorMessage: string | null;
}

export interface SourceHealth {
  id: string;
  name: string;
  health: 'ok' | 'failing' | 'empty' | 'never';
  lastRunAt: Date | null;
  lastOkAt: Date | null;
  lastErrorClass: string | null;
  lastError: string | null;
  lastItemsSeen: number | null;
  consecutiveFailures: number;
}

export function sourceRole(def: SourceDefinition): SourceRole {
  return def.role ?? (def.donor ? 'donor' : 'aggregator');
}

/** Registers or refreshes a source's metadata; keeps its health and the enabled flag editors set. */
export async function upsertSource(db: Queryable, def: SourceDefinition): Promise<void> {
  await db.query(
    `insert into sources (id, name, kind, homepage, verified, enabled, role, donor)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (id) do update set name = excluded.name, kind = excluded.kind,
       homepage = excluded.homepage, verified = excluded.verified, role = excluded.role,
       donor = excluded.donor`,
    [
      def.id,
      def.name,
      def.kind,
      def.homepage,
      def.verified,
      def.enabled ?? true,
      sourceRole(def),
      def.donor ?? null,
    ],
  );
}

/**
 * Stores a run and the health it implies. A 200 with zero items where the last good run had
 * some is 'empty': the layout may have changed.
 */
export async function recordRun(db: Queryable, run: SourceRun): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `insert into source_runs (source_id, started_at, finished_at, status, items_seen, new_calls, error_class, error_message)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      run.sourceId,
      run.startedAt,
      run.finishedAt,
      run.status,
      run.itemsSeen,
      run.newCalls,
      run.errorClass,
      run.errorMessage,
    ],
  );
  const ok = run.status === 'ok' || run.status === 'unchanged';
  await db.query(
    `update sources set
       health = $2,
       last_run_at = $3,
       last_ok_at = case when $4 then $3 else last_ok_at end,
       last_error_class = $5,
       last_error = $6,
       last_items_seen = case when $7::integer is null then last_items_seen else $7 end,
       consecutive_failures = case when $4 then 0 else consecutive_failures + 1 end
     where id = $1`,
    [
      run.sourceId,
      ok ? 'ok' : run.status === 'empty' ? 'empty' : 'failing',
      run.finishedAt,
      ok,
      run.errorClass,
      run.errorMessage,
      run.status === 'unchanged' ? null : run.itemsSeen,
    ],
  );
  return rows[0]!.id;
}

export async function lastItemsSeen(db: Queryable, sourceId: string): Promise<number | null> {
  const { rows } = await db.query<{ n: number | null }>(
    'select last_items_seen as n from sources where id = $1',
    [sourceId],
  );
  return rows[0]?.n ?? null;
}

export async function sourceHealth(db: Queryable): Promise<SourceHealth[]> {
  const { rows } = await db.query<SourceHealth>(
    `select id, name, health, last_run_at as "lastRunAt", last_ok_at as "lastOkAt",
       last_error_class as "lastErrorClass", last_error as "lastError",
       last_items_seen as "lastItemsSeen", consecutive_failures as "consecutiveFailures"
     from sources order by id`,
  );
  return rows;
}

export async function getValidators(db: Queryable, url: string): Promise<Validators | null> {
  const { rows } = await db.query<Validators>(
    `select etag, last_modified as "lastModified", body_sha256 as "bodySha256"
     from fetch_validators where url = $1`,
    [url],
  );
  return rows[0] ?? null;
}

export async function saveValidators(
  db: Queryable,
  sourceId: string,
  url: string,
  v: Validators,
): Promise<void> {
  await db.query(
    `insert into fetch_validators (url, source_id, etag, last_modified, body_sha256, fetched_at)
     values ($1, $2, $3, $4, $5, now())
     on conflict (url) do update set etag = excluded.etag, last_modified = excluded.last_modified,
       body_sha256 = excluded.body_sha256, fetched_at = now()`,
    [url, sourceId, v.etag, v.lastModified, v.bodySha256],
  );
}

/** New calls are known only after reconcile, which runs once every source of the pass is in. */
export async function setRunNewCalls(db: Queryable, runId: number, newCalls: number): Promise<void> {
  await db.query('update source_runs set new_calls = $2 where id = $1', [runId, newCalls]);
}
