// Editors' dedupe decisions, as the CLI (and later the editor UI) makes them: record the override
// on the copies, then reconcile at once so the calls reflect it. Both run in one transaction.
import * as callsRepo from '../store/calls.repo.ts';
import type { Db, Queryable } from '../store/db.ts';
import * as overridesRepo from '../store/overrides.repo.ts';
import { lockReconcile, type ReconcileResult, reconcileIn } from './reconcile.ts';

/** An editor asked for something that cannot be done; the message says why and what to do. */
export class OverrideError extends Error {
  override name = 'OverrideError';
}

/** Finds a standing call by full id or unique id prefix (8+ characters, as `calls list` shows). */
export async function resolveCall(db: Queryable, ref: string): Promise<callsRepo.StoredCall> {
  const id = ref.trim().toLowerCase();
  if (!/^[0-9a-f-]{8,36}$/.test(id))
    throw new OverrideError(
      `"${ref}" is not a call id: give at least 8 characters of one (hromada-grants calls list).`,
    );
  const found = await callsRepo.callsByIdPrefix(db, id);
  if (found.length === 0)
    throw new OverrideError(`No call with id ${ref}. Find ids with: hromada-grants calls list`);
  if (found.length > 1)
    throw new OverrideError(`${ref} matches ${found.length} calls; give more characters of the id.`);
  const call = found[0]!;
  if (call.mergedInto)
    throw new OverrideError(`Call ${call.id} was merged into ${call.mergedInto}; use that id instead.`);
  if (!call.isCall) throw new OverrideError(`Call ${call.id} is no longer a call (no copy announces it).`);
  return call;
}

/** The calls become one: every copy of each is recorded as the same call as the first's. */
export async function mergeCalls(
  db: Db,
  refs: string[],
): Promise<{ callId: string; copies: number; result: ReconcileResult }> {
  if (refs.length < 2) throw new OverrideError('Give at least two call ids to merge.');
  return lockedTransaction(db, async (tx) => {
    const calls = [];
    for (const ref of refs) calls.push(await resolveCall(tx, ref));
    const ids = new Set(calls.map((c) => c.id));
    if (ids.size < calls.length) throw new OverrideError('The same call was given twice.');
    const items: number[] = [];
    for (const c of calls) items.push(...(await callsRepo.callCopies(tx, c.id)).map((x) => x.itemId));
    // Every pair, so earlier splits between any of these copies are replaced: the later decision wins.
    await overridesRepo.setOverrides(tx, pairsWithin(items), 'merge');
    const result = await reconcileIn(tx);
    const callId = (await callsRepo.findItemCall(tx, items[0]!))!;
    return { callId, copies: items.length, result };
  });
}

/**
 * Splits a call. With copy ids, those copies leave together as one call; without, every copy
 * becomes its own call. Either way they are recorded as never the same call as the rest.
 */
export async function splitCall(
  db: Db,
  ref: string,
  copyIds: number[] = [],
): Promise<{ callIds: string[]; result: ReconcileResult }> {
  return lockedTransaction(db, async (tx) => {
    const call = await resolveCall(tx, ref);
    const copies = (await callsRepo.callCopies(tx, call.id)).map((c) => c.itemId);
    if (copies.length < 2) throw new OverrideError(`Call ${call.id} has only one copy: nothing to split.`);
    const unknown = copyIds.filter((i) => !copies.includes(i));
    if (unknown.length)
      throw new OverrideError(
        `Copy ${unknown.join(', ')} is not a copy of call ${call.id}; its copies are ${copies.join(', ')} (hromada-grants calls show ${call.id.slice(0, 8)}).`,
      );
    const leaving = new Set(copyIds);
    if (leaving.size === copies.length)
      throw new OverrideError('Name only the copies that leave, not all of them.');
    let apart: [number, number][];
    if (leaving.size === 0) apart = pairsWithin(copies);
    else {
      const staying = copies.filter((c) => !leaving.has(c));
      apart = [...leaving].flatMap((a) => staying.map((b): [number, number] => [a, b]));
      // the leaving copies stay one call: the editor said they belong together
      const [first, ...rest] = [...leaving];
      await overridesRepo.setOverrides(
        tx,
        rest.map((r): [number, number] => [first!, r]),
        'merge',
      );
    }
    await overridesRepo.setOverrides(tx, apart, 'split');
    const result = await reconcileIn(tx);
    const callIds = new Set<string>();
    for (const c of copies) {
      const id = await callsRepo.findItemCall(tx, c);
      if (id) callIds.add(id);
    }
    return { callIds: [...callIds], result };
  });
}

function pairsWithin(items: number[]): [number, number][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): [number, number] => [a, b]));
}

async function lockedTransaction<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockReconcile(tx);
    return fn(tx);
  });
}
