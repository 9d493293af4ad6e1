// The line contracts of `hromada-grants extract` and `hromada-grants dedupe` (ARCHITECTURE.md):
// JSON Lines in, one JSON line out per input, offline, no database. Shared by the CLI and `npm run eval`.
import { z } from 'zod';
import { type ClusterOptions, clusterAnnouncements, type DedupeDoc, dedupeFeatures } from './dedupe.ts';
import { extract } from './extract/index.ts';
import { IsoDate } from './schema.ts';
import { canonicalUrl } from './url.ts';

export const AnnouncementLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  published_at: IsoDate.optional(),
});
export type AnnouncementLine = z.infer<typeof AnnouncementLine>;

/** Parses one input line; the error says what is wrong with it in one sentence. */
export function parseLine(
  line: string,
): { ok: true; value: AnnouncementLine } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { ok: false, error: `not valid JSON (${(err as Error).message})` };
  }
  const parsed = AnnouncementLine.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `field "${issue.path.join('.') || '(line)'}": ${issue.message}` };
}

export function extractLine(a: AnnouncementLine, explain = false) {
  const x = extract({
    text: a.text,
    title: a.title ?? null,
    url: a.url ?? null,
    publishedAt: a.published_at ?? null,
  });
  return {
    id: a.id,
    is_call: x.isCall,
    title: x.title,
    donor: x.donor,
    deadline: x.deadline,
    deadline_kind: x.deadlineKind,
    ...(x.stages.length > 0 ? { stages: x.stages.map((s) => ({ label: s.label, date: s.date })) } : {}),
    amount_min: x.amountMin,
    amount_max: x.amountMax,
    currency: x.currency,
    applicants: x.applicants,
    regions: x.regions,
    topics: x.topics,
    lang: x.lang === 'other' ? 'en' : x.lang,
    ...(explain ? { evidence: x.evidence } : {}),
  };
}

/**
 * Offline dedupe: extracts each line once, computes its comparison features and clusters them
 * (src/calls/dedupe.ts `clusterAnnouncements`, editors' merges and splits as line index pairs);
 * the cluster id is the smallest id in the cluster.
 */
export function dedupeLines(
  lines: AnnouncementLine[],
  opts: { explain?: boolean } & Pick<ClusterOptions, 'mustLink' | 'cannotLink'> = {},
): { id: string; cluster: string; evidence?: string[] }[] {
  const docs = lines.map((a) => dedupeDocOf(a));
  return clusterAnnouncements(docs, {
    mustLink: opts.mustLink,
    cannotLink: opts.cannotLink,
    evidence: !!opts.explain,
  }).map((c) => ({
    id: c.id,
    cluster: c.cluster,
    ...(opts.explain ? { evidence: c.evidence } : {}),
  }));
}

/** One line's dedupe features (runs the extractor once). */
export function dedupeDocOf(a: AnnouncementLine): DedupeDoc {
  let x: Pick<
    ReturnType<typeof extract>,
    | 'title'
    | 'donor'
    | 'programme'
    | 'parties'
    | 'apart'
    | 'stages'
    | 'deadlineStage'
    | 'deadlineMonth'
    | 'deadline'
    | 'amountMax'
    | 'currency'
    | 'regions'
    | 'lang'
    | 'topics'
    | 'applicants'
  >;
  try {
    x = extract({
      text: a.text,
      title: a.title ?? null,
      url: a.url ?? null,
      publishedAt: a.published_at ?? null,
    });
  } catch (err) {
    // one bad line must not stop the run: compare it on its text alone
    process.stderr.write(`dedupe: extract failed for ${a.id}: ${(err as Error).message}\n`);
    x = {
      title: null,
      donor: null,
      programme: null,
      parties: [],
      apart: [],
      stages: [],
      deadlineStage: null,
      deadlineMonth: null,
      deadline: null,
      amountMax: null,
      currency: null,
      regions: [],
      lang: 'other',
      topics: [],
      applicants: [],
    };
  }
  return dedupeFeatures(
    {
      id: a.id,
      title: a.title ?? x.title ?? '',
      text: a.text,
      url: a.url ?? null,
      donor: x.donor,
      programme: x.programme,
      deadline: x.deadline,
      amountMax: x.amountMax,
      currency: x.currency,
      regions: x.regions,
      lang: x.lang,
      topics: x.topics,
      applicants: x.applicants,
      publishedAt: a.published_at ?? null,
      parties: x.parties,
      apart: x.apart,
      stages: x.stages.map((s) => s.date),
      deadlineStage: x.deadlineStage,
      deadlineMonth: x.deadlineMonth,
    },
    canonicalUrl,
  );
}
