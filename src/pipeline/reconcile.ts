// Reconcile: turns the stored copies into calls. Every copy that is a call is clustered with the
// others (src/calls/dedupe.ts), each cluster becomes one call merged from its copies
// (src/calls/merge.ts), and the result is written back so that
// - a call keeps its id while it keeps most of its copies (ids are stable across runs),
// - copies dedupe put together stay together unless a hard blocker or an editor says otherwise,
// - editors' merge/split overrides always win,
// - running it again on the same data writes nothing.
import { randomUUID } from 'node:crypto';
import { blocker, clusterAnnouncements, type DedupeDoc, dedupeFeatures } from '../calls/dedupe.ts';
import { donorParties } from '../calls/extract/donors.ts';
import { type Copy, mergeCopies } from '../calls/merge.ts';
import { normalize } from '../calls/normalize.ts';
import type { CallDraft } from '../calls/schema.ts';
import { canonicalUrl } from '../calls/url.ts';
import * as callsRepo from '../store/calls.repo.ts';
import type { Db, Queryable } from '../store/db.ts';
import * as overridesRepo from '../store/overrides.repo.ts';

export interface ReconcileResult {
  /** Calls standing after reconcile. */
  calls: number;
  /** New calls, each with the source of its primary copy. */
  created: { callId: string; sourceId: string }[];
  updated: number;
  /** Calls whose copies all joined another call. */
  mergedAway: number;
  /** Calls none of whose copies is a call any more. */
  retired: number;
  /** Copies that moved to another call. */
  moved: number;
}

// Any fixed number: one lock for "someone is reconciling", so two workers never race to create
// the same call.
const RECONCILE_LOCK = 4_877_311;

export async function reconcileCalls(db: Db): Promise<ReconcileResult> {
  return db.transaction(async (tx) => {
    await lockReconcile(tx);
    return reconcileIn(tx);
  });
}

/** Held until the transaction ends. */
export async function lockReconcile(tx: Queryable): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [RECONCILE_LOCK]);
}

/** Reconcile inside a transaction the caller holds (with `lockReconcile` taken). */
export async function reconcileIn(tx: Queryable): Promise<ReconcileResult> {
  const rows = await callsRepo.listCallCopies(tx);
  // Copies stored before drafts were kept are read once more and remembered.
  const copies: (callsRepo.CopyRow & { draft: CallDraft })[] = [];
  for (const r of rows) {
    let draft = r.draft;
    if (!draft) {
      draft = normalize(r.raw, r.sourceDonor);
      await callsRepo.setItemDraft(tx, r.itemId, draft);
      if (!draft.isCall) continue;
    }
    copies.push({ ...r, draft });
  }

  const docs = copies.map((c) => featuresOf(c));
  const index = new Map(copies.map((c, i) => [c.itemId, i]));
  const overrides = await overridesRepo.listOverrides(tx);
  const pairsOf = (kind: overridesRepo.OverrideKind) =>
    overrides
      .filter((o) => o.kind === kind && index.has(o.itemA) && index.has(o.itemB))
      .map((o): [number, number] => [index.get(o.itemA)!, index.get(o.itemB)!]);
  const cannotLink = pairsOf('split');
  const editorMerges = pairsOf('merge');
  const sticky = stickyLinks(copies, docs, cannotLink);
  const clustered = clusterAnnouncements(docs, { mustLink: [...editorMerges, ...sticky], cannotLink });
  // Links kept from an earlier run are forced like an editor's merge; say which they are.
  const stickyKeys = new Set(sticky.map(([a, b]) => pairKey(docs[a]!.id, docs[b]!.id)));
  const explain = (line: string) => {
    const m = /^merged (\S+)~(\S+) \(editor merge\)/.exec(line);
    return m && stickyKeys.has(pairKey(m[1]!, m[2]!))
      ? `kept ${m[1]}~${m[2]} together (one call since an earlier run)`
      : line;
  };

  const clusters = new Map<string, number[]>();
  clustered.forEach((c, i) => {
    const list = clusters.get(c.cluster);
    if (list) list.push(i);
    else clusters.set(c.cluster, [i]);
  });
  const standing = new Map((await callsRepo.listStandingCalls(tx)).map((c) => [c.id, c]));
  const assigned = assignIds([...clusters.values()], copies, standing);

  const result: ReconcileResult = { calls: 0, created: [], updated: 0, mergedAway: 0, retired: 0, moved: 0 };
  const links: { itemId: number; callId: string }[] = [];
  const copiesOf = new Map<string, number>();
  for (const c of copies) if (c.callId) copiesOf.set(c.callId, (copiesOf.get(c.callId) ?? 0) + 1);
  const kept = new Set<string>();
  for (const { members, callId } of assigned) {
    const merged = mergeCopies(
      members.map(
        (i): Copy => ({
          itemId: copies[i]!.itemId,
          sourceId: copies[i]!.sourceId,
          role: copies[i]!.role,
          firstSeen: new Date(copies[i]!.firstSeen).getTime(),
          extended: docs[i]!.extended,
          draft: copies[i]!.draft,
        }),
      ),
    );
    const previous = callId ? standing.get(callId) : undefined;
    // The clustering's reasons are kept while the call keeps the same copies: re-running then
    // only finds links "kept from an earlier run", which explain nothing new.
    const sameCopies =
      previous !== undefined &&
      members.every((i) => copies[i]!.callId === callId) &&
      copiesOf.get(callId!) === members.length;
    const evidence: callsRepo.MergeEvidence = {
      fields: merged.evidence,
      links:
        sameCopies && previous.mergeEvidence.links
          ? previous.mergeEvidence.links
          : [...new Set(members.flatMap((i) => clustered[i]!.evidence))].map(explain),
    };
    const cluster = { primaryItemId: merged.primaryItemId, mergeEvidence: evidence };
    const id = callId ?? randomUUID();
    if (!previous) {
      await callsRepo.insertCall(tx, id, merged.draft, cluster);
      const primary = copies[index.get(merged.primaryItemId)!]!;
      result.created.push({ callId: id, sourceId: primary.sourceId });
    } else if (!sameCall(previous, merged.draft, cluster)) {
      await callsRepo.updateCall(tx, id, merged.draft, cluster);
      result.updated++;
    }
    kept.add(id);
    for (const i of members) links.push({ itemId: copies[i]!.itemId, callId: id });
  }
  result.moved = await callsRepo.setItemCalls(tx, links);
  result.calls = kept.size;

  // Calls that lost every copy: merged into where most of their copies went, or retired.
  const newCallOf = new Map(links.map((l) => [l.itemId, l.callId]));
  const successor = new Map<string, Map<string, number>>();
  for (const c of copies) {
    if (!c.callId || kept.has(c.callId)) continue;
    const to = newCallOf.get(c.itemId)!;
    const counts = successor.get(c.callId) ?? new Map<string, number>();
    counts.set(to, (counts.get(to) ?? 0) + 1);
    successor.set(c.callId, counts);
  }
  for (const id of standing.keys()) {
    if (kept.has(id)) continue;
    const counts = successor.get(id);
    if (counts) {
      const into = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      await callsRepo.markMerged(tx, id, into);
      result.mergedAway++;
    } else {
      await callsRepo.retireCall(tx, id);
      result.retired++;
    }
  }
  return result;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function featuresOf(c: callsRepo.CopyRow & { draft: CallDraft }): DedupeDoc {
  const d = c.draft;
  const { parties, apart } = donorParties(c.raw.text);
  return dedupeFeatures(
    {
      id: `#${c.itemId}`,
      title: d.title,
      text: c.raw.text,
      url: d.url,
      donor: d.donor,
      programme: d.programme,
      deadline: d.deadline,
      amountMax: d.amountMax,
      currency: d.currency,
      regions: d.regions,
      lang: d.lang,
      topics: d.topics,
      applicants: d.applicants,
      publishedAt: d.publishedAt,
      parties,
      apart,
      stages: d.stages.map((s) => s.date),
    },
    canonicalUrl,
  );
}

/**
 * Copies that already share a call stay together (so a call does not fall apart because new
 * copies shifted word weights), except where a hard blocker or an editor's split stands between
 * them: those start their own group inside the old call.
 */
function stickyLinks(
  copies: { callId: string | null }[],
  docs: DedupeDoc[],
  cannotLink: [number, number][],
): [number, number][] {
  const split = new Set(cannotLink.map(([a, b]) => `${Math.min(a, b)}:${Math.max(a, b)}`));
  const apart = (a: number, b: number) =>
    split.has(`${Math.min(a, b)}:${Math.max(a, b)}`) || blocker(docs[a]!, docs[b]!) !== null;
  const byCall = new Map<string, number[]>();
  copies.forEach((c, i) => {
    if (c.callId) byCall.set(c.callId, [...(byCall.get(c.callId) ?? []), i]);
  });
  const links: [number, number][] = [];
  for (const members of byCall.values()) {
    const groups: number[][] = [];
    for (const m of members) {
      const home = groups.find((g) => g.every((x) => !apart(x, m)));
      if (home) {
        links.push([home[0]!, m]);
        home.push(m);
      } else groups.push([m]);
    }
  }
  return links;
}

/**
 * Each cluster keeps the id of the call most of its copies had; bigger clusters choose first, and
 * an older call wins a tie. A cluster whose candidates are all taken (a split) gets a new id.
 */
function assignIds(
  clusters: number[][],
  copies: { callId: string | null; itemId: number }[],
  standing: Map<string, callsRepo.StoredCall>,
): { members: number[]; callId: string | null }[] {
  const order = [...clusters].sort(
    (a, b) => b.length - a.length || copies[a[0]!]!.itemId - copies[b[0]!]!.itemId,
  );
  const taken = new Set<string>();
  return order.map((members) => {
    const counts = new Map<string, number>();
    for (const i of members) {
      const id = copies[i]!.callId;
      if (id && standing.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const candidates = [...counts].sort(
      (a, b) =>
        b[1] - a[1] ||
        standing.get(a[0])!.firstSeen.getTime() - standing.get(b[0])!.firstSeen.getTime() ||
        (a[0] < b[0] ? -1 : 1),
    );
    const pick = candidates.find(([id]) => !taken.has(id))?.[0] ?? null;
    if (pick) taken.add(pick);
    return { members, callId: pick };
  });
}

/** The stored call already says exactly this: nothing to write. */
function sameCall(c: callsRepo.StoredCall, d: CallDraft, cluster: callsRepo.ClusterWrite): boolean {
  const keys = Object.keys(d) as (keyof CallDraft)[];
  return (
    c.primaryItemId === cluster.primaryItemId &&
    stable(c.mergeEvidence) === stable(cluster.mergeEvidence) &&
    keys.every((k) => stable(c[k]) === stable(d[k]))
  );
}

/** JSON with sorted object keys (jsonb does not keep key order). */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}
