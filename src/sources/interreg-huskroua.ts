// Interreg NEXT Hungary–Slovakia–Romania–Ukraine: the programme's "Calls" section. The archive page
// lists one entry per call; each call page (conditions, deadlines, documents) is one item.
//
// Not verified: no copy of these pages was available. What is known (archived pages, other projects'
// code): the 2021–2027 programme lives on next.huskroua-cbc.eu (huskroua-cooperation.eu and
// huskroua-cbc.eu are the earlier programmes' sites), runs WordPress (a /feed/ answered), and keeps
// each call at /calls/<slug>/ (e.g. /calls/2nd-call-for-proposals/). The markup assumed is WordPress's
// usual theme markup: `article` entries with `.entry-title a` and `time.entry-date`, `.entry-content`
// on the call page, `a.next.page-numbers` for the archive's next page.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine } from '../calls/text.ts';
import { absoluteUrl, htmlToText, loadHtml, pageLang } from './html.ts';
import {
  type DetailLink,
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
} from './types.ts';

const SITE = 'https://next.huskroua-cbc.eu';
const LIST_URL = `${SITE}/calls/`;
const DONOR = 'Interreg NEXT Hungary–Slovakia–Romania–Ukraine';
/** The archive's entries: the hook whose absence means the layout changed. */
const ENTRY = 'article';
const ENTRY_LINK = '.entry-title a';
/** Where the content lives; the sidebar, header and footer list other posts with their own dates. */
const MAIN = ['main', '#primary', '#content', '.site-main'];
const BODY = ['.entry-content', '[itemprop="articleBody"]', '.post-content'];
const CHROME =
  'script, style, noscript, template, iframe, form, nav, aside, .widget-area, .sharedaddy, .share, .post-navigation, .nav-links';
/** Only a call's own page (one path segment under /calls/) is an item; /calls/page/2/ is not. */
const CALL_PATH = /^\/calls\/(?!page\/)[^/]+\/?$/;
const NOISE_PARAMS = /^(utm_[a-z]+|fbclid|gclid|amp)$/i;

/** A call page's stable address: https, the site's host, no tracking parameters or fragment. */
export function canonicalCallUrl(href: string | undefined, base = LIST_URL): string | null {
  const abs = absoluteUrl(href, base);
  if (!abs) return null;
  const u = new URL(abs);
  if (!/^(www\.)?next\.huskroua-cbc\.eu$/i.test(u.hostname) || !CALL_PATH.test(u.pathname)) return null;
  u.protocol = 'https:';
  u.hostname = 'next.huskroua-cbc.eu';
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (NOISE_PARAMS.test(key)) u.searchParams.delete(key);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.toString();
}

/** "2026-11-03T10:00:00+01:00" → "2026-11-03": the day as the site states it. */
function isoDay(value: string | undefined): string | null {
  return /^(\d{4}-\d{2}-\d{2})(?:T|\s|$)/.exec(value?.trim() ?? '')?.[1] ?? null;
}

/** WordPress marks each entry `id="post-<n>"` and gives every page a `?p=<n>` shortlink. */
function postId(id: string | undefined, shortlink?: string): string | null {
  return /^post-(\d+)$/.exec(id ?? '')?.[1] ?? /[?&]p=(\d+)/.exec(shortlink ?? '')?.[1] ?? null;
}

/** The first candidate selector that matches, in the order given (not in document order). */
function firstOf(scope: ReturnType<cheerio.CheerioAPI>, selectors: string[]) {
  for (const sel of selectors) {
    const found = scope.find(sel).first();
    if (found.length) return found;
  }
  return scope.find(':not(*)');
}

function mainArea($: cheerio.CheerioAPI) {
  const main = firstOf($.root(), MAIN);
  return main.length ? main : $('body');
}

function toLink($: cheerio.CheerioAPI, el: Parameters<typeof $>[0], base: string): DetailLink | null {
  const entry = $(el);
  const a = entry.find(ENTRY_LINK).first();
  const url = canonicalCallUrl(a.attr('href'), base);
  const title = cleanLine(a.text());
  if (!url || !title) return null;
  return {
    url,
    hint: {
      title,
      publishedAt: isoDay(entry.find('time.entry-date, time.published').first().attr('datetime')),
      externalId: postId(entry.attr('id')),
    },
  };
}

function nextPage($: cheerio.CheerioAPI, base: string): string | null {
  const href = $('a.next.page-numbers').first().attr('href') ?? $('link[rel="next"]').first().attr('href');
  return absoluteUrl(href, base);
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  const entries = mainArea($).find(ENTRY).toArray();
  const links = new Map<string, DetailLink>();
  for (const link of entries.map((el) => toLink($, el, doc.url))) {
    if (link && !links.has(link.url)) links.set(link.url, link);
  }
  if (links.size === 0) {
    throw new SourceFormatError(
      `interreg-huskroua: ${doc.url} has no ${ENTRY} ${ENTRY_LINK} linking to /calls/<slug>/; the archive layout changed`,
    );
  }
  const next = nextPage($, doc.url);
  return { items: [], details: [...links.values()], next: next ? [{ url: next }] : [] };
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  // Read before the chrome goes: these live in <head> and the entry header.
  // The entry header's date is the site's local day; the meta tag (UTC) only when the theme shows none.
  const published =
    isoDay($('article time.entry-date, article time.published').first().attr('datetime')) ??
    isoDay($('meta[property="article:published_time"]').attr('content'));
  const id = postId($('article[id^="post-"]').first().attr('id'), $('link[rel="shortlink"]').attr('href'));
  $(CHROME).remove();
  const body = firstOf($.root(), BODY);
  if (body.length === 0) {
    throw new SourceFormatError(
      `interreg-huskroua: ${doc.url} has no call text (${BODY[0]}); the call page layout changed`,
    );
  }
  const title =
    cleanLine($('h1.entry-title').first().text()) || cleanLine($('h1').first().text()) || link.hint.title;
  if (!title) throw new SourceFormatError(`interreg-huskroua: ${doc.url} has no title (h1.entry-title)`);
  return {
    url: canonicalCallUrl(link.url) ?? link.url,
    title,
    text: htmlToText(body),
    publishedAt: published ?? link.hint.publishedAt ?? null,
    externalId: id ?? link.hint.externalId ?? null,
    lang: pageLang($),
    donor: DONOR,
  };
}

const interregHuskroua: SourceDefinition = {
  id: 'interreg-huskroua',
  name: 'Interreg NEXT Hungary–Slovakia–Romania–Ukraine',
  donor: DONOR,
  kind: 'html',
  homepage: LIST_URL,
  verified: false,
  minDelayMs: 3000,
  maxPages: 2,
  maxItems: 20,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
  parseDetail,
};

export default interregHuskroua;
