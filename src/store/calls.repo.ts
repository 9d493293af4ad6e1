// Calls and the items (source copies) that are their provenance. All SQL for both lives here.
import type { SourceRole } from '../calls/merge.ts';
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
  /** The copy's own normalized record. */
  draft: CallDraft;
}

/**
 * Stores a copy. Its call stays as dedupe last decided (reconcile moves it); a copy that is no
 * longer a call leaves its call at once.
 */
export async function upsertItem(db: Queryable, item: ItemWrite): Promise<void> {
  await db.query(
    `insert into items (source_id, url, url_key, external_id, title, raw, raw_sha256, is_call, draft)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (source_id, url_key) do update set url = excluded.url, external_id = excluded.external_id,
       title = excluded.title, raw = excluded.raw, raw_sha256 = excluded.raw_sha256,
       is_call = excluded.is_call, draft = excluded.draft, last_seen = now(),
       call_id = case when excluded.is_call then items.call_id end`,
    [
      item.sourceId,
      item.raw.url,
      item.urlKey,
      item.raw.externalId,
      item.raw.title,
      JSON.stringify(item.raw),
      item.rawSha256,
      item.draft.isCall,
      JSON.stringify(item.draft),
    ],
  );
}

/** One stored copy that is a call, with what dedupe and the merge policy need. */
export interface CopyRow {
  itemId: number;
  sourceId: string;
  role: SourceRole;
  sourceDonor: string | null;
  raw: RawItem;
  /** null for copies stored before drafts were kept: reconcile normalizes them again. */
  draft: CallDraft | null;
  callId: string | null;
  firstSeen: Date;
}

export async function listCallCopies(db: Queryable): Promise<CopyRow[]> {
  const { rows } = await db.query<CopyRow>(
    `select i.id as "itemId", i.source_id as "sourceId", s.role, s.donor as "sourceDonor", i.raw,
       i.draft, i.call_id as "callId", i.first_seen as "firstSeen"
     from items i join sources s on s.id = i.source_id
     where i.is_call order by i.id`,
  );
  return rows;
}

export async function setItemDraft(db: Queryable, itemId: number, draft: CallDraft): Promise<void> {
  await db.query('update items set draft = $2, is_call = $3 where id = $1', [
    itemId,
    JSON.stringify(draft),
    draft.isCall,
  ]);
}

/** Points copies at their calls; rows already right are not touched. */
export async function setItemCalls(
  db: Queryable,
  links: { itemId: number; callId: string }[],
): Promise<number> {
  if (!links.length) return 0;
  const { rows } = await db.query<{ id: number }>(
    `update items set call_id = v.call_id
     from (select unnest($1::bigint[]) as id, unnest($2::uuid[]) as call_id) v
     where items.id = v.id and items.call_id is distinct from v.call_id
     returning items.id`,
    [links.map((l) => l.itemId), links.map((l) => l.callId)],
  );
  return rows.length;
}

/** A copy as editors see it under its call: provenance. */
export interface CallCopy {
  itemId: number;
  sourceId: string;
  role: SourceRole;
  url: string;
  title: string;
  firstSeen: Date;
  lastSeen: Date;
  rawSha256: string;
}

export async function callCopies(db: Queryable, callId: string): Promise<CallCopy[]> {
  const { rows } = await db.query<CallCopy>(
    `select i.id as "itemId", i.source_id as "sourceId", s.role, i.url, i.title,
       i.first_seen as "firstSeen", i.last_seen as "lastSeen", i.raw_sha256 as "rawSha256"
     from items i join sources s on s.id = i.source_id where i.call_id = $1 order by i.id`,
    [callId],
  );
  return rows;
}

const CALL_COLUMNS = `id, cluster_id as "clusterId", fingerprint, is_call as "isCall", title, summary, url, donor,
  programme, deadline, deadline_time as "deadlineTime", deadline_tz as "deadlineTz",
  deadline_kind as "deadlineKind", stages, opens_at as "opensAt", amount_min as "amountMin",
  amount_max as "amountMax", currency, budget_total as "budgetTotal", cofinancing_pct as "cofinancingPct",
  applicants, regions, topics, lang, evidence, published_at as "publishedAt", first_seen as "firstSeen",
  updated_at as "updatedAt"`;

/** Why a call is what it is: the merge policy's field decisions and dedupe's links between copies. */
export interface MergeEvidence {
  fields: string[];
  links: string[];
}

/** A stored call with its cluster bookkeeping. */
export interface StoredCall extends Call {
  primaryItemId: number | null;
  mergeEvidence: MergeEvidence;
  mergedInto: string | null;
}
const STORED_COLUMNS = `${CALL_COLUMNS}, primary_item_id as "primaryItemId", merge_evidence as "mergeEvidence",
  merged_into as "mergedInto"`;

export async function getStoredCall(db: Queryable, id: string): Promise<StoredCall | null> {
  const { rows } = await db.query<StoredCall>(`select ${STORED_COLUMNS} from calls where id = $1`, [id]);
  return rows[0] ?? null;
}

export async function callsByIdPrefix(db: Queryable, prefix: string): Promise<StoredCall[]> {
  const { rows } = await db.query<StoredCall>(
    `select ${STORED_COLUMNS} from calls where id::text like $1 || '%' order by id limit 5`,
    [prefix],
  );
  return rows;
}

/** How many copies each call has. */
export async function copyCounts(db: Queryable): Promise<Map<string, number>> {
  const { rows } = await db.query<{ callId: string; n: number }>(
    'select call_id as "callId", count(*)::int as n from items where call_id is not null group by call_id',
  );
  return new Map(rows.map((r) => [r.callId, r.n]));
}

export async function findItemCall(db: Queryable, itemId: number): Promise<string | null> {
  const { rows } = await db.query<{ callId: string | null }>(
    'select call_id as "callId" from items where id = $1',
    [itemId],
  );
  return rows[0]?.callId ?? null;
}

/** Calls that still stand (not merged into another), whether or not they are open. */
export async function listStandingCalls(db: Queryable): Promise<StoredCall[]> {
  const { rows } = await db.query<StoredCall>(
    `select ${STORED_COLUMNS} from calls where merged_into is null and is_call order by first_seen, id`,
  );
  return rows;
}

/** Finds calls by id prefix or words of the title (editors type what they see). */
export async function searchCalls(db: Queryable, query: string, limit = 20): Promise<StoredCall[]> {
  const { rows } = await db.query<StoredCall>(
    `select ${STORED_COLUMNS} from calls
     where merged_into is null and is_call and (id::text like $1 || '%' or title ilike '%' || $1 || '%')
     order by deadline nulls last, title limit $2`,
    [query, limit],
  );
  return rows;
}

export async function getCall(db: Queryable, id: string): Promise<Call | null> {
  const { rows } = await db.query<Call>(`select ${CALL_COLUMNS} from calls where id = $1`, [id]);
  return rows[0] ?? null;
}

/** Calls that may go into a catalogue: real calls, not closed before `today` (checked again in select). */
export async function listCatalogueCandidates(db: Queryable, today: string): Promise<Call[]> {
  const { rows } = await db.query<Call>(
    `select ${CALL_COLUMNS} from calls
     where is_call and merged_into is null and (deadline is null or deadline >= $1::date
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

export interface ClusterWrite {
  primaryItemId: number;
  mergeEvidence: MergeEvidence;
}

export async function insertCall(
  db: Queryable,
  id: string,
  draft: CallDraft,
  cluster: ClusterWrite | null = null,
): Promise<void> {
  const cols = ['id', 'cluster_id', 'primary_item_id', 'merge_evidence', ...WRITE_COLUMNS];
  await db.query(
    `insert into calls (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
    [
      id,
      id,
      cluster?.primaryItemId ?? null,
      JSON.stringify(cluster?.mergeEvidence ?? { fields: [], links: [] }),
      ...writeValues(draft),
    ],
  );
}

/** Rewrites a call's merged record; a call that had been merged away stands again. */
export async function updateCall(
  db: Queryable,
  id: string,
  draft: CallDraft,
  cluster: ClusterWrite | null = null,
): Promise<void> {
  const sets = WRITE_COLUMNS.map((c, i) => `${c} = $${i + 4}`).join(', ');
  await db.query(
    `update calls set ${sets}, primary_item_id = coalesce($2, primary_item_id),
       merge_evidence = coalesce($3, merge_evidence), merged_into = null, updated_at = now()
     where id = $1`,
    [
      id,
      cluster?.primaryItemId ?? null,
      cluster ? JSON.stringify(cluster.mergeEvidence) : null,
      ...writeValues(draft),
    ],
  );
}

/** All of a call's copies joined `into`: it no longer stands on its own. */
export async function markMerged(db: Queryable, id: string, into: string): Promise<void> {
  await db.query('update calls set merged_into = $2, updated_at = now() where id = $1', [id, into]);
}

/** No copy of the call is a call any more (e.g. the page now announces results). */
export async function retireCall(db: Queryable, id: string): Promise<void> {
  await db.query('update calls set is_call = false, updated_at = now() where id = $1', [id]);
}
