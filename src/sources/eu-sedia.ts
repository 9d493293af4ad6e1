// EU Funding & Tenders Portal, read through its SEDIA search API: one POST returns open and
// forthcoming topics as JSON. Every metadata value is an array of strings; two hold JSON in a string.
import { z } from 'zod';
import type { RawItemInput, Stage } from '../calls/schema.ts';
import { cleanLine, isoDate } from '../calls/text.ts';
import { htmlToText } from './html.ts';
import { type FetchedDocument, type ListResult, type SourceDefinition, SourceFormatError } from './types.ts';

const SEARCH_URL =
  'https://api.tech.ec.europa.eu/search-api/prod/rest/search?apiKey=SEDIA&text=***&pageSize=100&pageNumber=1';
const TOPIC_PAGE =
  'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/';
const DONOR = 'European Commission';
/** Topic descriptions run to tens of KB; the opening (outcome, scope, eligibility) is what extraction needs. */
const MAX_TEXT = 4000;

/** Status ids as the same records decode them inside `actions`. */
const STATUS_BY_ID: Record<string, string> = {
  '31094501': 'Forthcoming',
  '31094502': 'Open',
  '31094503': 'Closed',
};

// The portal's own UI sends this as multipart parts (query, languages, sort); the API also takes it
// as JSON. Another project found the filter ignored at times, so parseList filters again itself.
const SEARCH_BODY = {
  query: {
    bool: {
      must: [{ terms: { type: ['1', '2'] } }, { terms: { status: ['31094501', '31094502'] } }],
    },
  },
  languages: ['en'],
  sort: { field: 'sortStatus', order: 'ASC' },
};

const SearchResponse = z.object({
  results: z.array(
    z.object({
      url: z.string(),
      language: z.string().optional(),
      summary: z.string().optional(),
      metadata: z.record(z.string(), z.unknown()).default({}),
    }),
  ),
});
type SearchResult = z.infer<typeof SearchResponse>['results'][number];
type Metadata = SearchResult['metadata'];

const Actions = z.array(
  z.object({ status: z.object({ abbreviation: z.string().optional() }).nullish() }).passthrough(),
);

const BudgetOverview = z.object({
  budgetTopicActionMap: z.record(
    z.string(),
    z.array(
      z.object({
        action: z.string(),
        minContribution: z.number().nullish(),
        maxContribution: z.number().nullish(),
        budgetYearMap: z.record(z.string(), z.union([z.string(), z.number()])).nullish(),
      }),
    ),
  ),
});
type BudgetAction = z.infer<typeof BudgetOverview>['budgetTopicActionMap'][string][number];

function parseResponse(doc: FetchedDocument): SearchResult[] {
  let json: unknown;
  try {
    json = JSON.parse(doc.text);
  } catch {
    const start = doc.text.trimStart().slice(0, 40).replace(/\s+/g, ' ');
    throw new SourceFormatError(`eu-sedia: ${doc.url} did not return JSON (body starts "${start}")`);
  }
  const parsed = SearchResponse.safeParse(json);
  if (!parsed.success) {
    throw new SourceFormatError(`eu-sedia: ${doc.url} returned JSON without a results[] list of search hits`);
  }
  return parsed.data.results;
}

/** Metadata values are arrays of strings; tolerate a bare string too. */
function values(md: Metadata, key: string): string[] {
  const v = md[key];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function first(md: Metadata, key: string): string | null {
  const v = values(md, key)[0]?.trim();
  return v ? v : null;
}

/** `actions` and `budgetOverview` are JSON inside a string; real responses cut them short at times. */
function embeddedJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The topic id in either URL flavour: portal `topic-details/<ID>` or `data/topicDetails/<ID>.json`. */
function topicId(url: string): string | null {
  const m = /\/topic-?details\/([^/?#]+)/i.exec(url);
  return m ? decodeURIComponent(m[1]!).replace(/\.json$/i, '') : null;
}

/** Only topics are calls for proposals; tenders, news and FAQ entries share the index. */
function keepTopics(results: SearchResult[]): SearchResult[] {
  const byId = new Map<string, SearchResult>();
  for (const r of results) {
    const id = first(r.metadata, 'identifier') ?? topicId(r.url);
    if (!id || !topicId(r.url)) continue;
    const seen = byId.get(id);
    // The same topic can come back twice in one page, or once per language: keep the English one.
    if (!seen || (languageOf(seen) !== 'en' && languageOf(r) === 'en')) byId.set(id, r);
  }
  return [...byId.values()];
}

function languageOf(r: SearchResult): string | null {
  return (first(r.metadata, 'language') ?? r.language ?? null)?.toLowerCase() ?? null;
}

function lang(r: SearchResult): RawItemInput['lang'] {
  const code = languageOf(r);
  if (!code) return null;
  return code === 'uk' || code === 'en' || code === 'ru' || code === 'pl' ? code : 'other';
}

interface Instant {
  date: string;
  time: string | null;
  tz: string | null;
}

/**
 * "2027-04-08T00:00:00.000+0000" → the date as written and the time only when it is not midnight
 * (midnight means "no time given"). The zone is whatever offset the string states.
 */
function instant(text: string): Instant | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/.exec(
    text.trim(),
  );
  if (!m) return null;
  const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!date) return null;
  const time = m[4] && `${m[4]}:${m[5]}` !== '00:00' ? `${m[4]}:${m[5]}` : null;
  return { date, time, tz: time ? zoneOf(m[6]) : null };
}

/** An ISO offset as an IANA zone: +0000 → UTC, +0100 → Etc/GMT-1 (IANA inverts the sign). */
function zoneOf(offset: string | undefined): string | null {
  if (!offset) return null;
  if (offset === 'Z') return 'UTC';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (m?.[3] !== '00') return null;
  const hours = Number(m[2]);
  if (hours === 0) return 'UTC';
  return `Etc/GMT${m[1] === '+' ? '-' : '+'}${hours}`;
}

interface Deadlines {
  deadline: Instant | null;
  stages: Stage[];
}

/** Earliest deadline first; several dates (two-stage, cut-offs) also become labelled stages. */
function deadlines(md: Metadata): Deadlines {
  const all = values(md, 'deadlineDate')
    .map(instant)
    .filter((d): d is Instant => d !== null)
    .sort((a, b) => `${a.date}${a.time ?? ''}`.localeCompare(`${b.date}${b.time ?? ''}`));
  const unique = all.filter((d, i) => i === 0 || d.date !== all[i - 1]!.date || d.time !== all[i - 1]!.time);
  if (unique.length < 2) return { deadline: unique[0] ?? null, stages: [] };
  const label = first(md, 'deadlineModel') === 'two-stage' ? 'stage' : 'cut-off';
  return {
    deadline: unique[0]!,
    stages: unique.map((d, i) => ({ label: `${label} ${i + 1}`, date: d.date, time: d.time })),
  };
}

function statusHint(md: Metadata): string | null {
  const actions = Actions.safeParse(embeddedJson(first(md, 'actions')));
  const fromActions = actions.success ? actions.data[0]?.status?.abbreviation : undefined;
  if (fromActions) return fromActions;
  const id = first(md, 'status');
  return id ? (STATUS_BY_ID[id] ?? null) : null;
}

/** The budget map lists every action of the call; only the entries of this topic count. */
function topicBudget(md: Metadata, id: string): BudgetAction[] {
  const parsed = BudgetOverview.safeParse(embeddedJson(first(md, 'budgetOverview')));
  if (!parsed.success) return [];
  return Object.values(parsed.data.budgetTopicActionMap)
    .flat()
    .filter((a) => a.action === id || a.action.startsWith(`${id} - `));
}

interface Amounts {
  amountMin: number | null;
  amountMax: number | null;
  budgetTotal: number | null;
  currency: string | null;
}

/** Contributions per grant and the yearly budget, in EUR (the API gives no currency; the portal is EUR-only). */
function amounts(actions: BudgetAction[]): Amounts {
  const mins = actions.map((a) => a.minContribution).filter((n): n is number => typeof n === 'number');
  const maxes = actions.map((a) => a.maxContribution).filter((n): n is number => typeof n === 'number');
  const years = actions
    .flatMap((a) => Object.values(a.budgetYearMap ?? {}))
    .map(Number)
    .filter(Number.isFinite);
  const amountMin = mins.length ? Math.min(...mins) : null;
  const amountMax = maxes.length ? Math.max(...maxes) : null;
  const budgetTotal = years.length ? years.reduce((s, n) => s + n, 0) : null;
  const any = amountMin !== null || amountMax !== null || budgetTotal !== null;
  return { amountMin, amountMax, budgetTotal, currency: any ? 'EUR' : null };
}

/** Keywords and tags, once each; `keywords` is sometimes one string holding a JSON array. */
function tags(md: Metadata, ids: string[]): string[] {
  const raw = [...values(md, 'keywords'), ...values(md, 'tags')].flatMap((v) => {
    const inner = v.trimStart().startsWith('[') ? embeddedJson(v) : null;
    return Array.isArray(inner) ? inner.filter((x): x is string => typeof x === 'string') : [v];
  });
  const skip = new Set(ids.map((s) => s.toLowerCase()));
  const out: string[] = [];
  for (const t of raw.map(cleanLine)) {
    if (!t || skip.has(t.toLowerCase())) continue;
    skip.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

function toItem(r: SearchResult): RawItemInput | null {
  const md = r.metadata;
  const id = first(md, 'identifier') ?? topicId(r.url);
  const title = cleanLine(first(md, 'title') ?? r.summary ?? '');
  if (!id || !title) return null;
  const { deadline, stages } = deadlines(md);
  const callId = first(md, 'callIdentifier');
  const description = first(md, 'descriptionByte');
  return {
    url: TOPIC_PAGE + encodeURIComponent(topicId(r.url) ?? id),
    title,
    text: description ? truncate(htmlToText(description), MAX_TEXT) : '',
    // The portal states no publication date; startDate is when submission opens.
    publishedAt: null,
    externalId: id,
    lang: lang(r),
    donor: DONOR,
    programme: cleanLine(first(md, 'callTitle') ?? callId ?? '') || null,
    deadline: deadline?.date ?? null,
    deadlineTime: deadline?.time ?? null,
    deadlineTz: deadline?.tz ?? null,
    stages,
    opensAt: instant(first(md, 'startDate') ?? '')?.date ?? null,
    ...amounts(topicBudget(md, id)),
    statusHint: statusHint(md),
    tags: tags(md, callId ? [id, callId] : [id]),
  };
}

function parseList(doc: FetchedDocument): ListResult {
  const items = keepTopics(parseResponse(doc))
    .map(toItem)
    .filter((i): i is RawItemInput => i !== null);
  return { items, details: [] };
}

const euSedia: SourceDefinition = {
  id: 'eu-sedia',
  name: 'EU Funding & Tenders Portal',
  donor: DONOR,
  kind: 'json',
  homepage:
    'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/calls-for-proposals',
  // Written against a real search response (apiVersion 2.151).
  verified: true,
  minDelayMs: 2000,
  start: [
    {
      url: SEARCH_URL,
      method: 'POST',
      body: JSON.stringify(SEARCH_BODY),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
    },
  ],
  parseList,
};

export default euSedia;
