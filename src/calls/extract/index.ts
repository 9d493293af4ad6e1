// Extraction: reads one free-text announcement (uk/en/ru/pl) into the fields of a call, each with
// the text span it came from. Pure: no I/O, no clock; the publication date is the only "now".
import type { Stage } from '../schema.ts';
import { extractAmount } from './amount.ts';
import { type Applicant, extractApplicants } from './applicants.ts';
import { type DeadlineKind, extractDeadline } from './deadline.ts';
import { extractDonor } from './donors.ts';
import { judgeIsCall } from './is-call.ts';
import { detectLang, type Lang } from './lang.ts';
import { prepare } from './prepare.ts';
import { extractRegions } from './regions.ts';
import { cleanTitle, summarize } from './summary.ts';
import { extractTopics, type Topic } from './topics.ts';

export type { Applicant, DeadlineKind, Lang, Topic };

export interface ExtractInput {
  text: string;
  title?: string | null;
  url?: string | null;
  /** YYYY-MM-DD */
  publishedAt?: string | null;
}

export interface Extraction {
  isCall: boolean;
  title: string | null;
  summary: string;
  donor: string | null;
  programme: string | null;
  /** Every known donor the text names (funders, operators, partners), for telling copies apart. */
  parties: string[];
  /** Programmes the text names only to set its call apart from them («не «Кусаноне»»). */
  apart: string[];
  deadline: string | null;
  deadlineTime: string | null;
  /** IANA zone only when the text states a non-Kyiv zone, e.g. CET → 'Europe/Brussels'. */
  deadlineTz: string | null;
  deadlineKind: DeadlineKind;
  stages: Stage[];
  /** The stage the deadline is named as (`DeadlineResult.stage`): a full-application date implies an earlier one. */
  deadlineStage: string | null;
  /** The month a vague deadline («до кінця вересня») ends in, YYYY-MM (`DeadlineResult.month`). */
  deadlineMonth: string | null;
  amountMin: number | null;
  amountMax: number | null;
  currency: string | null;
  budgetTotal: number | null;
  /** The applicant's own share, percent. */
  cofinancingPct: number | null;
  applicants: Applicant[];
  regions: string[];
  topics: Topic[];
  lang: Lang;
  /** Field name → the text span it was read from. */
  evidence: Record<string, string>;
}

export function extract(input: ExtractInput): Extraction {
  const doc = prepare(input);
  const deadline = extractDeadline(doc);
  const amount = extractAmount(doc);
  const applicants = extractApplicants(doc);
  const regions = extractRegions(doc);
  const topics = extractTopics(doc);
  const donor = extractDonor(doc, input.url);
  const lang = detectLang(doc.text);
  const lastDate = deadline.stages.at(-1)?.date ?? deadline.deadline;
  const call = judgeIsCall(doc, {
    deadlineKind: deadline.kind,
    lastDate,
    hasAmount: amount.amountMax !== null || amount.amountMin !== null,
    hasApplicants: applicants.applicants.length > 0,
  });
  const title = cleanTitle(input.title) ?? cleanTitle(doc.headline);

  const evidence: Record<string, string> = { isCall: call.evidence };
  const put = (key: string, value: string | null | undefined) => {
    if (value) evidence[key] = value;
  };
  put('deadline', deadline.evidence);
  put('amount', amount.evidence.amount);
  put('budgetTotal', amount.evidence.budgetTotal);
  put('cofinancingPct', amount.evidence.cofinancingPct);
  put('applicants', applicants.evidence);
  put('regions', regions.evidence);
  put('topics', topics.evidence);
  put('donor', donor.evidence.donor);
  put('programme', donor.evidence.programme);

  return {
    isCall: call.isCall,
    title,
    summary: summarize(doc, title),
    donor: donor.donor,
    programme: donor.programme,
    parties: donor.parties,
    apart: donor.apart,
    deadline: deadline.deadline,
    deadlineTime: deadline.time,
    deadlineTz: deadline.tz,
    deadlineKind: deadline.kind,
    stages: deadline.stages,
    deadlineStage: deadline.stage,
    deadlineMonth: deadline.month,
    amountMin: amount.amountMin,
    amountMax: amount.amountMax,
    currency: amount.currency,
    budgetTotal: amount.budgetTotal,
    cofinancingPct: amount.cofinancingPct,
    applicants: applicants.applicants,
    regions: regions.regions,
    topics: topics.topics,
    lang,
    evidence,
  };
}
