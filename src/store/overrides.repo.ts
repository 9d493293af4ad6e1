// Editors' dedupe decisions: pairs of copies that are one call (merge) or never one call (split).
// Automatic dedupe reads them on every reconcile and always obeys them.
import type { Queryable } from './db.ts';

export type OverrideKind = 'merge' | 'split';

export interface Override {
  itemA: number;
  itemB: number;
  kind: OverrideKind;
}

export async function listOverrides(db: Queryable): Promise<Override[]> {
  const { rows } = await db.query<Override>(
    'select item_a as "itemA", item_b as "itemB", kind from dedupe_overrides order by item_a, item_b',
  );
  return rows;
}

/** Records decisions; a later decision on the same pair replaces the earlier one. */
export async function setOverrides(
  db: Queryable,
  pairs: [number, number][],
  kind: OverrideKind,
  decidedBy = 'editor',
): Promise<void> {
  if (!pairs.length) return;
  // One row per pair: PostgreSQL refuses to update the same row twice in one statement.
  const keyed = new Map<string, [number, number]>();
  for (const [a, b] of pairs)
    if (a !== b) keyed.set(a < b ? `${a}:${b}` : `${b}:${a}`, a < b ? [a, b] : [b, a]);
  const ordered = [...keyed.values()];
  if (!ordered.length) return;
  await db.query(
    `insert into dedupe_overrides (item_a, item_b, kind, decided_by)
     select a, b, $3, $4 from unnest($1::bigint[], $2::bigint[]) as p(a, b)
     on conflict (item_a, item_b) do update set kind = excluded.kind,
       decided_by = excluded.decided_by, decided_at = now()`,
    [ordered.map((p) => p[0]), ordered.map((p) => p[1]), kind, decidedBy],
  );
}
