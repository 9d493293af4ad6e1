// EU NEIGHBOURS east (euneighbourseast.eu): the Opportunities section. Every card carries title,
// closing date and teaser, so items are complete from the list pages; the section mixes grants with
// vacancies, contests and internships, and extraction decides which are calls.
//
// verified: false. No real page was available. Assumed, after another project's regexes: WordPress +
// YOOtheme grid cards `a.el-item` holding `.el-meta` ("CLOSING DATE: …"), `h3.el-title` and
// `.el-content`; the card's category as YOOtheme filter tags in the `data-tag` of the grid cell;
// pagination `/opportunities/page/N/` with a `uk-pagination` "next" link.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine, isoDate, parseNumericDate } from '../calls/text.ts';
import { absoluteUrl, htmlToText, loadHtml } from './html.ts';
import { type FetchedDocument, type ListResult, type SourceDefinition, SourceFormatError } from './types.ts';

const SITE = 'https://euneighbourseast.eu';
const LIST_URL = `${SITE}/opportunities/`;
/** The card; its absence means the layout changed or this is not the Opportunities list. */
const CARD = 'a.el-item';
const CLOSING = /^closing\s+date\s*:?\s*/i;

type Nodes = ReturnType<cheerio.CheerioAPI>;

const MONTHS = new Map(
  'january february march april may june july august september october november december'
    .split(' ')
    .map((m, i) => [m, i + 1] as const),
);

/** "15 December 2026", "December 15, 2026", "15/12/2026" or "15.12.2026" → "2026-12-15"; "Ongoing" → null. */
export function parseClosingDate(text: string): string | null {
  const t = cleanLine(text).replace(CLOSING, '').toLowerCase();
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s*,?\s+(\d{4})\b/.exec(t);
  if (dmy && MONTHS.has(dmy[2]!)) return isoDate(Number(dmy[3]), MONTHS.get(dmy[2]!)!, Number(dmy[1]));
  const mdy = /\b([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})\b/.exec(t);
  if (mdy && MONTHS.has(mdy[1]!)) return isoDate(Number(mdy[3]), MONTHS.get(mdy[1]!)!, Number(mdy[2]));
  return parseNumericDate(t);
}

/**
 * The site's own address of an opportunity: https, no www, trailing slash, no query or fragment.
 * Cards that point off-site keep their address without tracking parameters.
 */
export function canonicalOpportunityUrl(href: string): string {
  const u = new URL(href);
  u.hash = '';
  if (/^(?:www\.)?euneighbourseast\.eu$/i.test(u.hostname)) {
    const path = u.pathname.replace(/\/(?:amp\/?)?$/, '');
    return `${SITE}${path}/`;
  }
  for (const key of [...u.searchParams.keys()]) {
    if (/^(utm_\w+|fbclid|gclid)$/i.test(key)) u.searchParams.delete(key);
  }
  return u.toString();
}

function slugOf(url: string): string | null {
  const u = new URL(url);
  if (u.origin !== SITE) return null;
  return /\/opportunities\/([^/]+)\/$/.exec(u.pathname)?.[1] ?? null;
}

/** YOOtheme filter tags: space-separated on the grid cell (or the card itself). */
function tagsOf(card: Nodes): string[] {
  const raw = card.attr('data-tag') ?? card.closest('[data-tag]').attr('data-tag') ?? '';
  return [...new Set(raw.split(/\s+/).filter(Boolean))];
}

function toItem(card: Nodes, base: string): RawItemInput | null {
  const href = absoluteUrl(card.attr('href'), base);
  const title = cleanLine(card.find('.el-title').first().text());
  if (!href || !title) return null;
  const url = canonicalOpportunityUrl(href);
  const meta = cleanLine(card.find('.el-meta').first().text());
  const teaser = htmlToText(card.find('.el-content').first());
  return {
    url,
    title,
    // The closing-date line stays in the text too: "Ongoing" or "Open until filled" is evidence.
    text: [meta, teaser].filter(Boolean).join('\n\n'),
    externalId: slugOf(url),
    lang: 'en',
    deadline: CLOSING.test(meta) ? parseClosingDate(meta) : null,
    tags: tagsOf(card),
  };
}

/** The pager's "next" link, else the link to page N+1. */
function nextPage($: cheerio.CheerioAPI, doc: FetchedDocument): ListResult['next'] {
  const current = Number(/\/page\/(\d+)\/?$/.exec(new URL(doc.url).pathname)?.[1] ?? '1');
  const wanted = `${LIST_URL}page/${current + 1}/`;
  const hrefs = $('.uk-pagination a, a.next')
    .toArray()
    .map((a) => absoluteUrl($(a).attr('href'), doc.url))
    .filter((h): h is string => h !== null)
    .map((h) => canonicalOpportunityUrl(h));
  return hrefs.includes(wanted) ? [{ url: wanted }] : [];
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  const cards = $(CARD).toArray();
  if (cards.length === 0) {
    throw new SourceFormatError(
      `euneighbourseast: ${doc.url} has no ${CARD} cards; the list layout changed or this is not the Opportunities page`,
    );
  }
  const items = new Map<string, RawItemInput>();
  for (const el of cards) {
    const item = toItem($(el), doc.url);
    if (item && !items.has(item.url)) items.set(item.url, item);
  }
  return { items: [...items.values()], details: [], next: nextPage($, doc) };
}

const euneighbourseast: SourceDefinition = {
  id: 'euneighbourseast',
  name: 'EU NEIGHBOURS east',
  kind: 'html',
  homepage: LIST_URL,
  verified: false,
  minDelayMs: 3000,
  maxItems: 40,
  maxPages: 2,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
};

export default euneighbourseast;
