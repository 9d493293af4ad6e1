// RawItem → CallDraft. Structured fields a source states as data win over what extraction reads
// from free text; every value keeps its evidence. Pure.
import { callFingerprint } from './dedupe.ts';
import { extract } from './extract/index.ts';
import { type CallDraft, type RawItem, type RawItemInput, RawItem as RawItemSchema } from './schema.ts';
import { cleanLine } from './text.ts';

const OPEN_STATUS = /^(open|forthcoming|відкрит|триває|незабаром|скоро)/i;

export function normalize(input: RawItem | RawItemInput, sourceDonor: string | null = null): CallDraft {
  const raw = RawItemSchema.parse(input);
  const x = extract({ text: raw.text, title: raw.title, url: raw.url, publishedAt: raw.publishedAt });
  const evidence: Record<string, string> = { ...x.evidence };
  const fromSource = (field: string) => {
    evidence[field] = 'source data';
  };

  const hasAmount = raw.amountMin !== null || raw.amountMax !== null;
  if (hasAmount) fromSource('amount');
  if (raw.deadline) fromSource('deadline');
  if (raw.donor) fromSource('donor');

  const title = x.title ?? cleanLine(raw.title);
  const deadline = raw.deadline ?? x.deadline;
  const deadlineKind = raw.deadline ? 'fixed' : x.deadlineKind;
  return {
    fingerprint: callFingerprint({ title, deadline, deadlineKind }),
    // A source that lists only calls and says so in a status field is trusted; otherwise the
    // text decides.
    isCall: (raw.statusHint !== null && OPEN_STATUS.test(raw.statusHint)) || x.isCall,
    title,
    summary: x.summary,
    url: raw.url,
    // A single-donor source knows its donor better than a name spotted in the text.
    donor: raw.donor ?? sourceDonor ?? x.donor,
    programme: raw.programme ?? x.programme,
    deadline,
    deadlineTime: raw.deadline ? raw.deadlineTime : x.deadlineTime,
    deadlineTz: (raw.deadline ? raw.deadlineTz : x.deadlineTz) ?? 'Europe/Kyiv',
    deadlineKind,
    stages: raw.stages.length > 0 ? raw.stages : x.stages,
    opensAt: raw.opensAt,
    amountMin: hasAmount ? raw.amountMin : x.amountMin,
    amountMax: hasAmount ? raw.amountMax : x.amountMax,
    currency: hasAmount ? raw.currency : x.currency,
    budgetTotal: raw.budgetTotal ?? x.budgetTotal,
    cofinancingPct: x.cofinancingPct,
    applicants: x.applicants,
    regions: x.regions,
    topics: x.topics,
    lang: raw.lang ?? x.lang,
    evidence,
    publishedAt: raw.publishedAt,
  };
}
