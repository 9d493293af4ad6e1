// The line contracts of `hromada-grants extract` and `hromada-grants dedupe` (ARCHITECTURE.md):
// JSON Lines in, one JSON line out per input, offline, no database. Shared by the CLI and `npm run eval`.
import { z } from 'zod';
import { callFingerprint } from './dedupe.ts';
import { extract } from './extract/index.ts';
import { IsoDate } from './schema.ts';

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
 * First version of offline dedupe: announcements with the same fingerprint (normalized title and
 * deadline) are one call; the cluster id is the first such announcement's id.
 */
export function dedupeLines(lines: AnnouncementLine[]): { id: string; cluster: string }[] {
  const first = new Map<string, string>();
  return lines.map((a) => {
    const x = extract({
      text: a.text,
      title: a.title ?? null,
      url: a.url ?? null,
      publishedAt: a.published_at ?? null,
    });
    const key = callFingerprint({
      title: x.title ?? a.title ?? '',
      deadline: x.deadline,
      deadlineKind: x.deadlineKind,
    });
    if (!first.has(key)) first.set(key, a.id);
    return { id: a.id, cluster: first.get(key)! };
  });
}
