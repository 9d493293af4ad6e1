// Picks a month's calls for the catalogue and puts them in order: one section per topic (TOPICS
// order), soonest cut-off first, plus a "closing soon" list. Pure: the same calls and dates give the
// same draft.
import { type Call, callStatus, TOPICS } from '../calls/schema.ts';

export type SectionId = (typeof TOPICS)[number] | 'other';

export interface EditionDraft {
  month: string;
  audience: 'all';
  sections: { topic: SectionId; callIds: string[] }[];
  /** Calls whose next fixed cut-off is within CLOSING_SOON_DAYS of today, soonest first. */
  closingSoon: string[];
}

export interface EditionEntry {
  callId: string;
  section: SectionId;
  /** 1-based position in the whole edition (sections in order, then calls in order). */
  position: number;
}

export interface CompileOptions {
  /** YYYY-MM: the edition's month, shown in its title. */
  month: string;
  /** YYYY-MM-DD, the Kyiv calendar day the edition is compiled on. */
  today: string;
}

/** Inclusive: a cut-off exactly this many days after today is still "closing soon". */
export const CLOSING_SOON_DAYS = 14;

type Cutoff = { date: string; time: string | null };

const collator = new Intl.Collator('uk');

/**
 * The next fixed date an applicant must meet: the earliest of the deadline and stage dates that is
 * today or later. Null for rolling or unknown deadlines, and for fixed ones with no date left.
 */
export function nextCutoff(
  call: Pick<Call, 'deadline' | 'deadlineTime' | 'deadlineKind' | 'stages'>,
  today: string,
): Cutoff | null {
  if (call.deadlineKind !== 'fixed') return null;
  const cutoffs: Cutoff[] = call.stages.map((s) => ({ date: s.date, time: s.time }));
  if (call.deadline) cutoffs.push({ date: call.deadline, time: call.deadlineTime });
  const upcoming = cutoffs.filter((c) => c.date >= today).sort(compareCutoffs);
  return upcoming[0] ?? null;
}

// A cut-off without a time lasts the whole day, so it sorts after a timed one on the same date.
function compareCutoffs(a: Cutoff, b: Cutoff): number {
  return a.date.localeCompare(b.date) || (a.time ?? '24:00').localeCompare(b.time ?? '24:00');
}

/** Rolling and unknown deadlines go last; ties are broken by title the Ukrainian way, then id. */
function compareCalls(today: string): (a: Call, b: Call) => number {
  return (a, b) => {
    const ca = nextCutoff(a, today);
    const cb = nextCutoff(b, today);
    if (ca && cb) {
      const byCutoff = compareCutoffs(ca, cb);
      if (byCutoff !== 0) return byCutoff;
    } else if (ca || cb) {
      return ca ? -1 : 1;
    }
    return collator.compare(a.title, b.title) || a.id.localeCompare(b.id);
  };
}

/** A call's section is its first topic in TOPICS order, so each call appears exactly once. */
export function sectionOf(call: Pick<Call, 'topics'>): SectionId {
  return TOPICS.find((topic) => call.topics.includes(topic)) ?? 'other';
}

/** Calls an edition may list on `today`: real calls that have not closed (forthcoming ones too). */
export function isListable(call: Call, today: string): boolean {
  return call.isCall && callStatus(call, today) !== 'closed';
}

/** YYYY-MM-DD plus n days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function assertOptions({ month, today }: CompileOptions): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`month must be YYYY-MM, got "${month}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new Error(`today must be a date as YYYY-MM-DD, got "${today}"`);
  }
}

export function compileEdition(calls: Call[], opts: CompileOptions): EditionDraft {
  assertOptions(opts);
  const { today } = opts;
  // The same id twice (e.g. an overlapping query) must not list one call twice.
  const unique = [...new Map(calls.map((c) => [c.id, c] as const)).values()];
  const listed = unique.filter((call) => isListable(call, today)).sort(compareCalls(today));

  const bySection = new Map<SectionId, string[]>();
  for (const call of listed) {
    const section = sectionOf(call);
    bySection.set(section, [...(bySection.get(section) ?? []), call.id]);
  }
  const sections = [...TOPICS, 'other' as const]
    .filter((topic) => bySection.has(topic))
    .map((topic) => ({ topic, callIds: bySection.get(topic)! }));

  const horizon = addDays(today, CLOSING_SOON_DAYS);
  // `listed` is already in cut-off order, and rolling/unknown calls have no cut-off.
  const closingSoon = listed
    .filter((call) => {
      const cutoff = nextCutoff(call, today);
      return cutoff !== null && cutoff.date <= horizon;
    })
    .map((call) => call.id);

  return { month: opts.month, audience: 'all', sections, closingSoon };
}

/** The draft flattened for storage: one row per call, in reading order. */
export function editionEntries(draft: EditionDraft): EditionEntry[] {
  return draft.sections
    .flatMap((section) => section.callIds.map((callId) => ({ callId, section: section.topic })))
    .map((entry, i) => ({ ...entry, position: i + 1 }));
}
