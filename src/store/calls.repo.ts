// Calls and the items (source copies) that are their provenance. All SQL for both lives here.
import type { Call, CallDraft, RawItem } from '../calls/schema.ts';
import type { Queryable } from './db.ts';

export interface StoredItem {
  id: number;
  callId: string | null;
  rawSha256: string;
  title: string;
  publishedAt: string | null;
}

export async function findItem(db: Queryable, sourceId: string, urlKey: string): Promise<StoredItem | null> {
  const { rows } = await db.query<StoredItem>(
    `select id, call_id as "callId", raw_sha256 as "rawSha256", title, raw->>'publishedAt' as "publishedAt"
     from items where source_id = $1 and url_key = $2`,
    [sourceId, urlKey],
  );
  return rows[0] ?? null;
}

/** Marks an unchanged copy as seen again: its provenance's last_seen moves, nothing else. */
export async function touchItem(db: Queryable, id: number): Promise<void> {
  await db.query('update items set last_seen = now() where id = $1', [id]);
}

export interface ItemWrite {
  sourceId: string;
  urlKey: string;
  raw: RawItem;
  rawSha256: string;
  callId: string | null;
  isCall: boolean;
}

export async function upsertItem(db: Queryable, item: ItemWrite): Promise<void> {
  await db.query(
    `insert into items (source_id, url, url_key, external_id, title, raw, raw_sha256, call_id, is_call)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (source_id, url_key) do update set url = excluded.url, external_id = excluded.external_id,
       title = excluded.title, raw = excluded.raw, raw_sha256 = excluded.raw_sha256,
       call_id = excluded.call_id, is_call = excluded.is_call, last_seen = now()`,
    [
      item.sourceId,
      item.raw.url,
      item.urlKey,
      item.raw.externalId,
      item.raw.title,
      JSON.stringify(item.raw),
      item.rawSha256,
      item.callId,
      item.isCall,
    ],
  );
}

const CALL_COLUMNS = `id, cluster_id as "clusterId", fingerprint, is_call as "isCall", title, summary, url, donor,
  programme, deadline, deadline_time as "deadlineTime", deadline_tz as "deadlineTz",
  deadline_kind as "deadlineKind", stages, opens_at as "opensAt", amount_min as "amountMin",
  amount_max as "amountMax", currency, budget_total as "budgetTotal", cofinancing_pct as "cofinancingPct",
  applicants, regions, topics, lang, evidence, published_at as "publishedAt", first_seen as "firstSeen",
  updated_at as "updatedAt"`;

export async function getCall(db: Queryable, id: string): Promise<Call | null> {
  const { rows } = await db.query<Call>(`select ${CALL_COLUMNS} from calls where id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findCallByFingerprint(db: Queryable, fingerprint: string): Promise<Call | null> {
  const { rows } = await db.query<Call>(`select ${CALL_COLUMNS} from calls where fingerprint = $1`, [
    fingerprint,
  ]);
  return rows[0] ?? null;
}

/** Calls that may go into a catalogue: real calls, not closed before `today` (checked again in select). */
export async function listCatalogueCandidates(db: Queryable, today: string): Promise<Call[]> {
  const { rows } = await db.query<Call>(
    `select ${CALL_COLUMNS} from calls
     where is_call and (deadline is null or deadline >= $1::date
       or exists (select 1 from jsonb_array_elements(stages) s where (s->>'date')::date >= $1::date))`,
    [today],
  );
  return rows;
}

export async function countCalls(db: Queryable): Promise<{ calls: number; items: number }> {
  const { rows } = await db.query<{ calls: number; items: number }>(
    'select (select count(*) from calls)::int as calls, (select count(*) from items)::int as items',
  );
  return rows[0]!;
}

const WRITE_COLUMNS = [
  'fingerprint',
  'is_call',
  'title',
  'summary',
  'url',
  'donor',
  'programme',
  'deadline',
  'deadline_time',
  'deadline_tz',
  'deadline_kind',
  'stages',
  'opens_at',
  'amount_min',
  'amount_max',
  'currency',
  'budget_total',
  'cofinancing_pct',
  'applicants',
  'regions',
  'topics',
  'lang',
  'evidence',
  'published_at',
] as const;

function writeValues(d: CallDraft): unknown[] {
  return [
    d.fingerprint,
    d.isCall,
    d.title,
    d.summary,
    d.url,
    d.donor,
    d.programme,
    d.deadline,
    d.deadlineTime,
    d.deadlineTz,
    d.deadlineKind,
    JSON.stringify(d.stages),
    d.opensAt,
    d.amountMin,
    d.amountMax,
    d.currency,
    d.budgetTotal,
    d.cofinancingPct,
    d.applicants,
    d.regions,
    d.topics,
    d.lang,
    JSON.stringify(d.evidence),
    d.publishedAt,
  ];
}

export async function insertCall(
  db: Queryable,
  id: string,
  clusterId: string,
  draft: CallDraft,
): Promise<void> {
  const cols = ['id', 'cluster_id', ...WRITE_COLUMNS];
  await db.query(
    `insert into calls (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
    [id, clusterId, ...writeValues(draft)],
  );
}

export async function updateCall(db: Queryable, id: string, draft: CallDraft): Promise<void> {
  const sets = WRITE_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ');
  await db.query(`update calls set ${sets}, updated_at = now() where id = $1`, [id, ...writeValues(draft)]);
}
