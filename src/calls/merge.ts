// Merge policy: one call from the copies dedupe put in one cluster. Pure. Each field comes from
// the copy that knows it best, and the reason is written down for editors.
import { APPLICANTS, type CallDraft, TOPICS } from './schema.ts';

/** What a source is to the calls it lists: the donor itself, an aggregator, or a news site. */
export type SourceRole = 'donor' | 'aggregator' | 'news';
export const SOURCE_ROLES = ['donor', 'aggregator', 'news'] as const;

export interface Copy {
  itemId: number;
  sourceId: string;
  role: SourceRole;
  /** When this copy was first seen (ms); older copies rank first among equals. */
  firstSeen: number;
  /** The copy announces an extension of the deadline («термін продовжено»). */
  extended: boolean;
  draft: CallDraft;
}

export interface Merged {
  draft: CallDraft;
  primaryItemId: number;
  /** Human-readable reasons, one per decision that was not simply "the primary copy says so". */
  evidence: string[];
}

const ROLE_RANK: Record<SourceRole, number> = { donor: 0, aggregator: 1, news: 2 };
const ROLE_LABEL: Record<SourceRole, string> = {
  donor: "the donor's own page",
  aggregator: 'an aggregator',
  news: 'a news repost',
};

/**
 * Primary first: the donor's page, then aggregators, then news; among equals the announcement
 * itself before an extension notice about it (its title names the call, not the change), then
 * older copies first.
 */
export function rankCopies(copies: readonly Copy[]): Copy[] {
  return [...copies].sort(
    (a, b) =>
      ROLE_RANK[a.role] - ROLE_RANK[b.role] ||
      Number(a.extended) - Number(b.extended) ||
      a.firstSeen - b.firstSeen ||
      a.itemId - b.itemId,
  );
}

const label = (c: Copy) => `${c.sourceId} #${c.itemId}`;

export function mergeCopies(copies: readonly Copy[]): Merged {
  if (copies.length === 0) throw new Error('mergeCopies needs at least one copy');
  const ranked = rankCopies(copies);
  const primary = ranked[0]!;
  const p = primary.draft;
  const evidence: string[] = [`primary: ${label(primary)} (${ROLE_LABEL[primary.role]}) ${p.url}`];
  if (ranked.length === 1) return { draft: p, primaryItemId: primary.itemId, evidence };

  const fieldEvidence: Record<string, string> = { ...p.evidence };
  const from = (field: string, c: Copy, why: string) => {
    if (c === primary) return;
    fieldEvidence[field] = `${c.draft.evidence[field] ?? 'stated'} (from ${label(c)})`;
    evidence.push(`${field} from ${label(c)}: ${why}`);
  };
  const firstWith = <T>(get: (d: CallDraft) => T | null): Copy | undefined =>
    ranked.find((c) => get(c.draft) !== null);

  // Deadline: an extension notice's later date wins over every original announcement; otherwise
  // the best-ranked copy that states a deadline at all.
  const extension = ranked
    .filter((c) => c.extended && c.draft.deadline)
    .sort((a, b) => (b.draft.deadline! > a.draft.deadline! ? 1 : -1))[0];
  const stated = ranked.find((c) => c.draft.deadlineKind !== 'unknown');
  let dl = stated ?? primary;
  if (extension && (!stated?.draft.deadline || extension.draft.deadline! > stated.draft.deadline)) {
    dl = extension;
    from('deadline', dl, `extension notice moves the deadline to ${dl.draft.deadline}`);
  } else if (dl !== primary) from('deadline', dl, 'the primary copy states no deadline');
  const withStages = dl.draft.stages.length ? dl : ranked.find((c) => c.draft.stages.length);

  // Amount: the most specific statement (min, max and currency beat a bare "up to").
  const specificity = (d: CallDraft) =>
    (d.amountMax !== null ? 2 : 0) + (d.amountMin !== null ? 1 : 0) + (d.currency ? 1 : 0);
  const amount = ranked.reduce((best, c) => (specificity(c.draft) > specificity(best.draft) ? c : best));
  if (specificity(amount.draft) > specificity(p)) from('amount', amount, 'the most specific amount');

  // Regions: the union, unless one copy says all Ukraine and another names oblasts.
  const withRegions = ranked.filter((c) => c.draft.regions.length);
  const nationwide = withRegions.some((c) => c.draft.regions.includes('UA'));
  const oblasts = withRegions.some((c) => c.draft.regions.some((r) => r !== 'UA'));
  let regions: string[];
  if (nationwide && oblasts) {
    regions = withRegions[0]!.draft.regions;
    evidence.push(
      `regions conflict (all Ukraine vs named oblasts): kept ${label(withRegions[0]!)}'s ${regions.join(', ')}`,
    );
  } else {
    regions = [...new Set(withRegions.flatMap((c) => c.draft.regions))].sort();
    if (withRegions.some((c) => c.draft.regions.length !== regions.length))
      evidence.push(`regions: union of ${withRegions.length} copies`);
  }

  const union = <T extends string>(vocab: readonly T[], get: (d: CallDraft) => T[]) => {
    const have = new Set(ranked.flatMap((c) => get(c.draft)));
    return vocab.filter((v) => have.has(v));
  };
  const donorCopy = firstWith((d) => d.donor);
  const programmeCopy = firstWith((d) => d.programme);
  if (donorCopy) from('donor', donorCopy, 'the primary copy names no donor');
  if (programmeCopy) from('programme', programmeCopy, 'the primary copy names no programme');
  const pick = <K extends keyof CallDraft>(k: K): CallDraft[K] => firstWith((d) => d[k])?.draft[k] ?? p[k];
  const published = ranked
    .map((c) => c.draft.publishedAt)
    .filter((d): d is string => d !== null)
    .sort()[0];

  return {
    primaryItemId: primary.itemId,
    evidence,
    draft: {
      ...p,
      isCall: true,
      donor: donorCopy?.draft.donor ?? null,
      programme: programmeCopy?.draft.programme ?? null,
      deadline: dl.draft.deadline,
      deadlineTime: dl.draft.deadlineTime,
      deadlineTz: dl.draft.deadlineTz,
      deadlineKind: dl.draft.deadlineKind,
      stages: withStages?.draft.stages ?? [],
      opensAt: pick('opensAt'),
      amountMin: amount.draft.amountMin,
      amountMax: amount.draft.amountMax,
      currency: amount.draft.currency,
      budgetTotal: pick('budgetTotal'),
      cofinancingPct: pick('cofinancingPct'),
      applicants: union(APPLICANTS, (d) => d.applicants),
      regions,
      topics: union(TOPICS, (d) => d.topics),
      evidence: fieldEvidence,
      publishedAt: published ?? null,
    },
  };
}
