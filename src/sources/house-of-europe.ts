// House of Europe (houseofeurope.org.ua): the opportunities list. Each card gives the title,
// category, status and deadline («16 листопада 2026 · 23:59 за Києвом»); the full conditions are read
// from the opportunity's own page (/opportunity/<id>).
//
// verified: false. Only the URL patterns are known (/opportunities, /opportunity/<numeric id>); no
// real page was available. Assumed: cards are links to /opportunity/<id> holding a heading, and
// elements whose class names say category, status and deadline; the opportunity page has an <h1>,
// a deadline element and the conditions in a content block (`.opportunity__content`, else
// <article>/<main> without the site chrome).
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine, isoDate } from '../calls/text.ts';
import { absoluteUrl, htmlToText, loadHtml } from './html.ts';
import {
  type DetailLink,
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
} from './types.ts';

const SITE = 'https://houseofeurope.org.ua';
const LIST_URL = `${SITE}/opportunities`;
const DONOR = 'House of Europe';
/** The one hook known from real links: every opportunity lives at /opportunity/<numeric id>. */
const CARD = 'a[href*="/opportunity/"]';
const HEADING = 'h2, h3, h4, [class*="title"]';
const CATEGORY = '[class*="category"], [class*="tag"]';
/** Candidates for the opportunity's conditions, most specific first. */
const BODY = [
  '.opportunity__content',
  '.opportunity-content',
  '[class*="opportunity__body"]',
  'article',
  'main',
];
/** Site chrome and page furniture that must not reach the text (other cards carry other deadlines). */
const CHROME =
  'script, style, noscript, template, iframe, svg, form, button, header, footer, nav, aside, .breadcrumbs, [class*="related"], [class*="share"], [class*="subscribe"]';

/** Where other opportunities' deadlines live. */
const NOT_OWN = '[class*="card"], [class*="related"], aside, footer';

type Nodes = ReturnType<cheerio.CheerioAPI>;

const MONTHS = new Map(
  'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня'
    .split(' ')
    .map((m, i) => [m, i + 1] as const),
);

export interface Deadline {
  date: string | null;
  time: string | null;
}

/** «16 листопада 2026 · 23:59 за Києвом» → 2026-11-16 and 23:59 (Kyiv time, the default zone). */
export function parseDeadline(text: string): Deadline {
  const t = cleanLine(text).toLowerCase();
  const m = /(\d{1,2})\s+([а-яіїєґ]+)\s+(\d{4})/u.exec(t);
  const month = m ? MONTHS.get(m[2]!) : undefined;
  const date = m && month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  const clock = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/.exec(t.slice(m ? m.index + m[0].length : 0));
  const time = date && clock ? `${clock[1]!.padStart(2, '0')}:${clock[2]}` : null;
  return { date, time };
}

/** /opportunity/<id> on any host variant or language prefix → https://houseofeurope.org.ua/opportunity/<id>. */
export function canonicalOpportunityUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^(?:www\.)?houseofeurope\.org\.ua$/i.test(u.hostname)) return null;
  const m = /^(?:\/(?:uk|en))?\/opportunity\/(\d+)\/?$/i.exec(u.pathname);
  return m ? `${SITE}/opportunity/${m[1]}` : null;
}

function idOf(url: string): string | null {
  return /\/opportunity\/(\d+)$/.exec(url)?.[1] ?? null;
}

function firstText(scope: Nodes, selector: string): string {
  return cleanLine(scope.find(selector).first().text());
}

function toLink($: cheerio.CheerioAPI, card: Nodes, base: string): DetailLink | null {
  const href = absoluteUrl(card.attr('href'), base);
  const url = href ? canonicalOpportunityUrl(href) : null;
  const title = firstText(card, HEADING);
  // "More" buttons and banners link to an opportunity without being its card.
  if (!url || !title) return null;
  const deadline = parseDeadline(firstText(card, '[class*="deadline"]'));
  // Innermost matches only: a "tags" wrapper would glue its tags into one.
  const labels = card.find(CATEGORY);
  const category = labels
    .filter((_, el) => $(el).find(CATEGORY).length === 0)
    .toArray()
    .map((el) => cleanLine($(el).text()))
    .filter(Boolean);
  return {
    url,
    hint: {
      title,
      externalId: idOf(url),
      deadline: deadline.date,
      deadlineTime: deadline.time,
      statusHint: firstText(card, '[class*="status"]') || null,
      tags: [...new Set(category)],
    },
  };
}

/** How much a card told: its filled hint fields. */
function richness(link: DetailLink): number {
  return Object.values(link.hint).filter(
    (v) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length),
  ).length;
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  const cards = $(CARD).toArray();
  if (cards.length === 0) {
    throw new SourceFormatError(
      `house-of-europe: ${doc.url} has no ${CARD} links; the list layout changed or this is not the opportunities page`,
    );
  }
  const details = new Map<string, DetailLink>();
  for (const el of cards) {
    const link = toLink($, $(el), doc.url);
    // A banner may link to the same opportunity with less on it: the fuller card wins.
    const seen = link && details.get(link.url);
    if (link && (!seen || richness(link) > richness(seen))) details.set(link.url, link);
  }
  if (details.size === 0) {
    throw new SourceFormatError(
      `house-of-europe: ${doc.url} links to opportunities but no card has a title (${HEADING})`,
    );
  }
  return { items: [], details: [...details.values()], next: [] };
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  const title = cleanLine($('h1').first().text()) || link.hint.title;
  if (!title) throw new SourceFormatError(`house-of-europe: ${doc.url} has no <h1> title`);
  // The page's own deadline, not one from an "other opportunities" card further down.
  const own = $('[class*="deadline"]').filter((_, el) => $(el).closest(NOT_OWN).length === 0);
  const pageDeadline = parseDeadline(cleanLine(own.first().text()));
  $(CHROME).remove();
  // Candidates in order of preference (document order would pick <main> before its content block).
  const body = BODY.map((sel) => $(sel).first()).find((b) => b.length > 0);
  if (!body) {
    throw new SourceFormatError(
      `house-of-europe: ${doc.url} has no content block (${BODY.join(', ')}); the page layout changed`,
    );
  }
  body.find('h1').remove();
  const url = canonicalOpportunityUrl(link.url) ?? canonicalOpportunityUrl(doc.url) ?? link.url;
  // The opportunity's own page is read after the list and is the fuller statement: it wins.
  const deadline = pageDeadline.date
    ? pageDeadline
    : { date: link.hint.deadline ?? null, time: link.hint.deadlineTime ?? null };
  return {
    url,
    title,
    text: htmlToText(body),
    externalId: link.hint.externalId ?? idOf(url),
    lang: 'uk',
    donor: DONOR,
    deadline: deadline.date,
    deadlineTime: deadline.time,
    statusHint: link.hint.statusHint ?? null,
    tags: link.hint.tags ?? [],
  };
}

const houseOfEurope: SourceDefinition = {
  id: 'house-of-europe',
  name: 'House of Europe',
  donor: DONOR,
  kind: 'html',
  homepage: LIST_URL,
  verified: false,
  minDelayMs: 3000,
  maxItems: 30,
  maxPages: 1,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
  parseDetail,
};

export default houseOfEurope;
