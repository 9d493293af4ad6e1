// The shapes at the heart of the product: a RawItem (what a source yielded) and a Call (one
// normalized opportunity to apply). One zod schema per shape drives DB row types, validation,
// the CLI contracts and, later, the API.
import { z } from 'zod';

export const APPLICANTS = [
  'local_government',
  'communal_enterprise',
  'ngo',
  'business',
  'education',
  'health',
  'culture',
  'youth',
  'individual',
  'other',
] as const;

/** Stable topic ids; the order is the catalogue's section order. */
export const TOPICS = [
  'recovery',
  'energy',
  'infrastructure',
  'water',
  'housing',
  'transport',
  'environment',
  'economy',
  'agriculture',
  'digital',
  'governance',
  'security',
  'social',
  'veterans',
  'idp',
  'health',
  'education',
  'science',
  'culture',
  'tourism',
  'youth',
  'sport',
  'human_rights',
  'media',
] as const;

export const Applicant = z.enum(APPLICANTS);
export const Topic = z.enum(TOPICS);
export type Applicant = z.infer<typeof Applicant>;
export type Topic = z.infer<typeof Topic>;
/** ISO 3166-2:UA subdivision code, or `UA` for explicitly nationwide calls. */
export const RegionCode = z.string().regex(/^UA(-\d{2})?$/);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
export const Currency = z.string().regex(/^[A-Z]{3}$/);
export const Lang = z.enum(['uk', 'en', 'ru', 'pl', 'other']);
export const DeadlineKind = z.enum(['fixed', 'rolling', 'unknown']);
export const CallStatus = z.enum(['open', 'forthcoming', 'closed']);

export const Stage = z.object({
  label: z.string(),
  date: IsoDate,
  time: ClockTime.nullable().default(null),
});
export type Stage = z.infer<typeof Stage>;

/**
 * One entry a source yielded, before extraction. Structured fields are filled only when the source
 * states them as data (an API field, a list page's deadline column); free text goes to `text`.
 */
export const RawItem = z.object({
  url: z.url(),
  title: z.string().min(1),
  /** Plain text of the announcement (no markup), as much as the source gives. */
  text: z.string(),
  /** YYYY-MM-DD as the source states it; never guessed. */
  publishedAt: IsoDate.nullable().default(null),
  /** Source's own stable id for the entry (API id, post id), when it has one. */
  externalId: z.string().nullable().default(null),
  lang: Lang.nullable().default(null),
  donor: z.string().nullable().default(null),
  programme: z.string().nullable().default(null),
  deadline: IsoDate.nullable().default(null),
  deadlineTime: ClockTime.nullable().default(null),
  /** IANA zone of `deadlineTime` when the source states one other than Kyiv. */
  deadlineTz: z.string().nullable().default(null),
  stages: z.array(Stage).default([]),
  opensAt: IsoDate.nullable().default(null),
  amountMin: z.number().nonnegative().nullable().default(null),
  amountMax: z.number().nonnegative().nullable().default(null),
  currency: Currency.nullable().default(null),
  budgetTotal: z.number().nonnegative().nullable().default(null),
  /** What the source's own status field says (e.g. SEDIA "Forthcoming"); a hint, never trusted alone. */
  statusHint: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
});
export type RawItem = z.infer<typeof RawItem>;
export type RawItemInput = z.input<typeof RawItem>;

/** The evidence for one extracted field: the text span it was read from, or where it came from. */
export const Evidence = z.record(z.string(), z.string());

export const Call = z.object({
  id: z.string(),
  clusterId: z.string(),
  /** Dedupe key: calls with the same fingerprint are one call. */
  fingerprint: z.string(),
  isCall: z.boolean(),
  title: z.string(),
  summary: z.string(),
  url: z.url(),
  donor: z.string().nullable(),
  programme: z.string().nullable(),
  deadline: IsoDate.nullable(),
  deadlineTime: ClockTime.nullable(),
  deadlineTz: z.string(),
  deadlineKind: DeadlineKind,
  stages: z.array(Stage),
  opensAt: IsoDate.nullable(),
  amountMin: z.number().nullable(),
  amountMax: z.number().nullable(),
  currency: Currency.nullable(),
  budgetTotal: z.number().nullable(),
  cofinancingPct: z.number().min(0).max(100).nullable(),
  applicants: z.array(Applicant),
  regions: z.array(RegionCode),
  topics: z.array(Topic),
  lang: Lang,
  evidence: Evidence,
  publishedAt: IsoDate.nullable(),
  firstSeen: z.date(),
  updatedAt: z.date(),
});
export type Call = z.infer<typeof Call>;

/** A Call before storage gives it ids and timestamps. */
export const CallDraft = Call.omit({ id: true, clusterId: true, firstSeen: true, updatedAt: true });
export type CallDraft = z.infer<typeof CallDraft>;

/**
 * Open / forthcoming / closed, derived from the dates and "today" (Kyiv calendar day), never
 * stored: a stored status would go stale as days pass.
 */
export function callStatus(
  call: Pick<Call, 'deadline' | 'deadlineKind' | 'opensAt' | 'stages'>,
  today: string,
): z.infer<typeof CallStatus> {
  if (call.opensAt && call.opensAt > today) return 'forthcoming';
  const last = [call.deadline, ...call.stages.map((s) => s.date)]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  if (call.deadlineKind === 'fixed' && last && last < today) return 'closed';
  return 'open';
}
