// Monthly editions (catalogue drafts) and their ordered entries.
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';

export type EditionState = 'draft' | 'approved' | 'sending' | 'sent';

export interface EditionEntry {
  callId: string;
  section: string;
  position: number;
}

export interface Edition {
  id: string;
  month: string;
  audience: string;
  state: EditionState;
  compiledOn: string;
}

export async function getEdition(db: Queryable, month: string, audience = 'all'): Promise<Edition | null> {
  const { rows } = await db.query<Edition>(
    `select id, month, audience, state, compiled_on as "compiledOn" from editions where month = $1 and audience = $2`,
    [month, audience],
  );
  return rows[0] ?? null;
}

export async function editionEntries(db: Queryable, editionId: string): Promise<EditionEntry[]> {
  const { rows } = await db.query<EditionEntry>(
    `select call_id as "callId", section, position from edition_entries
     where edition_id = $1 and included order by position`,
    [editionId],
  );
  return rows;
}

export type SaveDraftResult = 'created' | 'updated' | 'unchanged' | 'locked';

/**
 * Writes the compiled entries into the month's draft. An edition editors already approved (or
 * that is sending or sent) is never rewritten by a compile: that would change what they signed off.
 */
export async function saveDraft(
  db: Queryable,
  month: string,
  compiledOn: string,
  entries: EditionEntry[],
  audience = 'all',
): Promise<{ edition: Edition; result: SaveDraftResult }> {
  let edition = await getEdition(db, month, audience);
  if (edition && edition.state !== 'draft') return { edition, result: 'locked' };
  let result: SaveDraftResult = 'updated';
  if (!edition) {
    const { rows } = await db.query<Edition>(
      `insert into editions (id, month, audience, compiled_on) values ($1, $2, $3, $4)
       on conflict (month, audience) do nothing
       returning id, month, audience, state, compiled_on as "compiledOn"`,
      [randomUUID(), month, audience, compiledOn],
    );
    // Lost a race with another compile: use the row it made.
    edition = rows[0] ?? (await getEdition(db, month, audience))!;
    result = 'created';
  } else if (
    sameEntries(await editionEntries(db, edition.id), entries) &&
    edition.compiledOn === compiledOn
  ) {
    return { edition, result: 'unchanged' };
  }
  await db.query('delete from edition_entries where edition_id = $1', [edition.id]);
  if (entries.length > 0) {
    await db.query(
      `insert into edition_entries (edition_id, call_id, section, position)
       select $1, e.call_id::uuid, e.section, e.position
       from jsonb_to_recordset($2::jsonb) as e(call_id text, section text, position int)`,
      [
        edition.id,
        JSON.stringify(entries.map((e) => ({ call_id: e.callId, section: e.section, position: e.position }))),
      ],
    );
  }
  await db.query('update editions set compiled_on = $2, updated_at = now() where id = $1', [
    edition.id,
    compiledOn,
  ]);
  return { edition: { ...edition, compiledOn }, result };
}

function sameEntries(a: EditionEntry[], b: EditionEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (e, i) => e.callId === b[i]!.callId && e.section === b[i]!.section && e.position === b[i]!.position,
    )
  );
}
