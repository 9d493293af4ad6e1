// Міжнародний фонд «Відродження» (irf.ua): the contests section lists open and recently finished
// contests with their closing date and status; a running contest's announcement is read from its page.
//
// Not verified against a real page: the list hooks (div.grid-2.grant-excerpt > a, time.date
// «ЗАВЕРШЕННЯ КОНКУРСУ: DD.MM, YYYY», h2.title, div.grant-meta strong, p) and the `page/N/`
// pagination are what another project (grant-monitor) recorded with curl; the contest page's
// body container (`.entry-content`, the WordPress default) is assumed, with og:description behind it.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine, cleanText, isoDate } from '../calls/text.ts';
import { kyivDay } from './generic/common.ts';
import { absoluteUrl, htmlToText, loadHtml, pageLang } from './html.ts';
import {
  type DetailLink,
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
} from './types.ts';

const SITE = 'https://www.irf.ua';
const LIST_URL = `${SITE}/grants/contests/`;
const DONOR = 'Міжнародний фонд «Відродження»';

/** The hook of one contest on the list; its absence means the layout changed. */
const ITEM = 'div.grid-2.grant-excerpt';
/** Candidates for the announcement on a contest page; the first present wins. */
const BODY = ['.entry-content', '.contest-content', '.single-content', '[itemprop="articleBody"]'];
/** Site chrome: the sidebar lists other contests with their closing dates. */
const CHROME =
  'script, style, noscript, template, iframe, form, aside, .sidebar, nav, body > header, body > footer, .breadcrumbs, .share';
/** «закінчився» (and «завершено» in older entries): the contest no longer takes applications. */
const FINISHED = /закінч|заверш/i;

/** «ЗАВЕРШЕННЯ КОНКУРСУ: 15.12, 2026» → "2026-12-15": the site writes day.month, then the year. */
export function parseClosingDate(text: string): string | null {
  const m = /(\d{1,2})\.(\d{1,2}),?\s*(\d{4})/.exec(cleanLine(text));
  return m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/**
 * A contest page's address in one form: https, www.irf.ua, no query or fragment, trailing slash
 * (WordPress's own permalink form); null for anything that is not a contest page.
 */
export function canonicalContestUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^(?:www\.)?irf\.ua$/i.test(u.hostname)) return null;
  const m = /^\/((?:en\/)?contest\/[^/]+)\/?$/i.exec(u.pathname);
  return m ? `${SITE}/${m[1]}/` : null;
}

function slugOf(url: string): string | null {
  return /\/contest\/([^/]+)\/$/.exec(url)?.[1] ?? null;
}

interface Entry {
  url: string;
  title: string;
  teaser: string;
  deadline: string | null;
  status: string | null;
  finished: boolean;
}

function listEntries($: cheerio.CheerioAPI, base: string): Entry[] {
  const entries: Entry[] = [];
  for (const el of $(ITEM).toArray()) {
    const card = $(el);
    const href = absoluteUrl(card.find('a[href]').first().attr('href'), base);
    const url = href ? (canonicalContestUrl(href) ?? href) : null;
    const title = cleanLine(card.find('h2.title').first().text());
    if (!url || !title) continue;
    const status = cleanLine(card.find('div.grant-meta strong').first().text()) || null;
    entries.push({
      url,
      title,
      teaser: htmlToText(card.find('p').first()),
      deadline: parseClosingDate(card.find('time.date').first().text()),
      status,
      finished: card.hasClass('finished') || (status !== null && FINISHED.test(status)),
    });
  }
  return entries;
}

/** The next list page from WordPress's pagination (or the head's rel=next); only contest list pages. */
function nextPage($: cheerio.CheerioAPI, base: string): string | null {
  const href =
    $('a.next.page-numbers').first().attr('href') ?? $('link[rel="next"]').first().attr('href') ?? undefined;
  const url = absoluteUrl(href, base);
  if (!url) return null;
  const u = new URL(url);
  return /^\/grants\/contests\/page\/\d+\/?$/.test(u.pathname) ? `${SITE}${u.pathname}` : null;
}

// A finished contest takes no more applications: the list already says all a catalogue needs
// (title, closing date, status), so its page is not fetched. Running contests' list teasers are
// one sentence, so their own page is read.
function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  if ($(ITEM).length === 0) {
    throw new SourceFormatError(
      `irf: ${doc.url} has no ${ITEM} contests; the list layout changed or this is not the contests page`,
    );
  }
  const lang = pageLang($);
  const entries = listEntries($, doc.url);
  const items: RawItemInput[] = [];
  const details: DetailLink[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.url)) continue;
    seen.add(e.url);
    const known = { title: e.title, externalId: slugOf(e.url), deadline: e.deadline, statusHint: e.status };
    if (e.finished) items.push({ url: e.url, ...known, text: e.teaser, lang, donor: DONOR });
    else details.push({ url: e.url, hint: known });
  }
  const next = nextPage($, doc.url);
  return { items, details, next: next ? [{ url: next, method: 'GET' }] : [] };
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  const lang = pageLang($);
  const published = kyivDay($('meta[property="article:published_time"]').attr('content'));
  const lead = $('meta[property="og:description"]').attr('content');
  $(CHROME).remove();
  const body = $(BODY.join(', ')).first();
  if (body.length === 0 && !lead) {
    throw new SourceFormatError(
      `irf: ${doc.url} has no contest body (${BODY[0]}) and no og:description; the contest page layout changed`,
    );
  }
  const title =
    cleanLine($('h1').first().text()) ||
    link.hint.title ||
    cleanLine($('meta[property="og:title"]').attr('content') ?? '');
  if (!title) throw new SourceFormatError(`irf: ${doc.url} has no contest title (h1)`);
  const url = canonicalContestUrl(link.url) ?? link.url;
  const status = cleanLine($('div.grant-meta strong').first().text()) || null;
  return {
    url,
    title,
    text: body.length ? htmlToText(body) : cleanText(lead ?? ''),
    publishedAt: published,
    externalId: slugOf(url),
    lang,
    donor: DONOR,
    // The list's closing date is the one a reader relies on; the page's own is read when the list gave none.
    deadline: link.hint.deadline ?? parseClosingDate($('time.date').first().text()),
    statusHint: link.hint.statusHint ?? status,
  };
}

const irf: SourceDefinition = {
  id: 'irf',
  name: 'Міжнародний фонд «Відродження»',
  donor: DONOR,
  kind: 'html',
  homepage: LIST_URL,
  verified: false,
  minDelayMs: 3000,
  maxItems: 40,
  maxPages: 2,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
  parseDetail,
};

export default irf;
