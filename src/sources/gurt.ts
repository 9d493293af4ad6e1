// Ресурсний центр ГУРТ (gurt.org.ua): the «Гроші» news feed. The list mixes grants with vacancies,
// tenders and GURT's own digests, each badged; only «ГРАНТ» items are read, from their own pages.
//
// verified: false. No real page was available (the site answers automated clients with a Cloudflare
// check). Assumed, after another project's regexes: the old table-layout theme without semantic
// classes; an item is `<h2><a href="/news/grants/ID/"><span title="…">BADGE</span> TITLE</a></h2>`
// with the date (DD.MM.YYYY) in a following <span> and the teaser in `div.newstxt`; the article page
// repeats that shape with an <h1> and the full text in `div.newstxt`; pages are windows-1251;
// pagination is `?page=N` links.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine, parseNumericDate } from '../calls/text.ts';
import { absoluteUrl, htmlToText, loadHtml } from './html.ts';
import {
  type DetailLink,
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
  type SourceRequest,
} from './types.ts';

const SITE = 'https://gurt.org.ua';
const LIST_URL = `${SITE}/news/grants/`;
/** Every item's headline; its absence means the layout changed or this is not the feed. */
const ITEM = 'h2 > a[href*="/news/grants/"]';
const BODY = 'div.newstxt';
/** The only badge kept: the others mark vacancies, tenders and GURT's digests. */
const GRANT_BADGE = 'грант';
const DATE = /\b\d{2}\.\d{2}\.\d{4}\b/;

type Nodes = ReturnType<cheerio.CheerioAPI>;

/**
 * Every address of one announcement (http, www., the mobile host, the `/bull` print variant)
 * → https://gurt.org.ua/news/grants/<id>/; null for anything that is not an announcement.
 */
export function canonicalGurtUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^(?:(?:www|m)\.)?gurt\.org\.ua$/i.test(u.hostname)) return null;
  const m = /^\/news\/grants\/(\d+)(?:\/bull)?\/?$/i.exec(u.pathname);
  return m ? `${LIST_URL}${m[1]}/` : null;
}

function itemId(url: string): string | null {
  return /\/news\/grants\/(\d+)\/$/.exec(url)?.[1] ?? null;
}

/** Cloudflare's "Just a moment..." check can come back with status 200; it is not the feed. */
function assertNotChallenge($: cheerio.CheerioAPI, doc: FetchedDocument): void {
  const title = cleanLine($('title').first().text());
  const challenge =
    /^(just a moment|attention required|checking your browser|один момент)/i.test(title) ||
    $(
      '#challenge-form, #challenge-running, .cf-browser-verification, script[src*="/cdn-cgi/challenge-platform/"]',
    ).length > 0;
  if (challenge) {
    throw new SourceFormatError(
      `gurt: ${doc.url} is a Cloudflare challenge page ("${title || 'no title'}"), not GURT's content; automated access is being refused`,
    );
  }
}

/** The headline without its badge span. */
function titleOf($: cheerio.CheerioAPI, el: Nodes): string {
  const copy = $(el).clone();
  copy.find('span[title]').remove();
  return cleanLine(copy.text());
}

function badgeOf(heading: Nodes): string {
  return cleanLine(heading.find('span[title]').first().text());
}

function toLink($: cheerio.CheerioAPI, anchor: Nodes, base: string): DetailLink | null {
  const heading = anchor.parent();
  if (badgeOf(heading).toLowerCase() !== GRANT_BADGE) return null;
  const href = absoluteUrl(anchor.attr('href'), base);
  const url = href ? canonicalGurtUrl(href) : null;
  const title = titleOf($, anchor);
  if (!url || !title) return null;
  // The date sits in a <span> between this headline and the next one.
  const after = heading.nextUntil('h2');
  const spans = after.filter('span').add(after.find('span')).toArray();
  const date = spans.map((s) => DATE.exec($(s).text())?.[0]).find(Boolean);
  return {
    url,
    hint: { title, publishedAt: date ? parseNumericDate(date) : null, externalId: itemId(url) },
  };
}

/** The list page this document is: `?page=N`, 1 when absent. */
function pageNumber(url: string): number {
  const n = Number(new URL(url).searchParams.get('page') ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** The next list page, only when the pager links to it. */
function nextPage($: cheerio.CheerioAPI, doc: FetchedDocument): SourceRequest[] {
  const wanted = String(pageNumber(doc.url) + 1);
  const linked = $('a[href*="page="]')
    .toArray()
    .some((a) => {
      const href = absoluteUrl($(a).attr('href'), doc.url);
      if (!href) return false;
      const u = new URL(href);
      return u.pathname === '/news/grants/' && u.searchParams.get('page') === wanted;
    });
  return linked ? [{ url: `${LIST_URL}?page=${wanted}` }] : [];
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  assertNotChallenge($, doc);
  const anchors = $(ITEM).toArray();
  if (anchors.length === 0) {
    throw new SourceFormatError(
      `gurt: ${doc.url} has no ${ITEM} headlines; the list layout changed or this is not the grants feed`,
    );
  }
  const details = new Map<string, DetailLink>();
  for (const a of anchors) {
    const link = toLink($, $(a), doc.url);
    if (link && !details.has(link.url)) details.set(link.url, link);
  }
  return { items: [], details: [...details.values()], next: nextPage($, doc) };
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  assertNotChallenge($, doc);
  const heading = $('h1').first();
  const body = heading.length ? heading.nextAll(BODY).first() : $(BODY).first();
  if (body.length === 0) {
    throw new SourceFormatError(`gurt: ${doc.url} has no ${BODY} after the <h1>; the article layout changed`);
  }
  body.find('a.readnext').remove();
  const title = (heading.length ? titleOf($, heading) : '') || link.hint.title;
  if (!title) throw new SourceFormatError(`gurt: ${doc.url} has no <h1> title`);
  const url = canonicalGurtUrl(link.url) ?? canonicalGurtUrl(doc.url) ?? link.url;
  const pageDate = DATE.exec(heading.nextAll('span').first().text())?.[0];
  return {
    url,
    title,
    text: htmlToText(body),
    publishedAt: link.hint.publishedAt ?? (pageDate ? parseNumericDate(pageDate) : null),
    externalId: link.hint.externalId ?? itemId(url),
    // GURT relays English-language calls too and its pages state no language: extraction decides.
    lang: null,
  };
}

const gurt: SourceDefinition = {
  id: 'gurt',
  name: 'ГУРТ',
  kind: 'html',
  homepage: LIST_URL,
  verified: false,
  minDelayMs: 5000,
  maxItems: 30,
  maxPages: 2,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
  parseDetail,
};

export default gurt;
