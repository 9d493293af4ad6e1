// URBACT: the "Get involved" page, where the programme presents its open calls (for networks, experts,
// accelerators; cities from Ukraine take part in some). Each linked call page is one item.
//
// Not verified: no copy of these pages was available. Known from archived pages and another
// project's scraper config: urbact.eu runs Drupal (`/node/<n>` addresses), the page links its calls as
// https://urbact.eu/call-<slug>, and in earlier years it carried a call inline instead of linking one.
// The markup assumed is Drupal's: content in <main>, `h1.page-title`, the node's text in
// `.node__content`, a `rel="shortlink"` to /node/<n>; pages state no publication date.
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

const SITE = 'https://urbact.eu';
const LIST_URL = `${SITE}/get-involved`;
const DONOR = 'URBACT';
/** The site's own address pattern for a call page. */
const CALL_PATH = /^\/call-[a-z0-9-]+$/;
const MAIN = ['main', '[role="main"]', '#main-content'];
const BODY = ['.node__content', '.field--name-body', '.layout-content'];
/** Drupal chrome inside <main> too: tabs, breadcrumbs, related-content blocks with other dates. */
const CHROME =
  'script, style, noscript, template, iframe, form, nav, aside, .breadcrumb, .tabs, .block-related, .related-content, .social-share, .visually-hidden';
const NOISE_PARAMS = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|utm_id)$/i;

/** A call page’s stable address: https://urbact.eu/call-<slug> (English pages only), no tracking query or fragment. */
export function canonicalCallUrl(href: string | undefined, base = LIST_URL): string | null {
  const abs = absoluteUrl(href, base);
  if (!abs) return null;
  const u = new URL(abs);
  if (!/^(www\.)?urbact\.eu$/i.test(u.hostname)) return null;
  const path = u.pathname.replace(/\/+$/, '');
  if (!CALL_PATH.test(path)) return null;
  for (const key of [...u.searchParams.keys()]) if (NOISE_PARAMS.test(key)) u.searchParams.delete(key);
  const query = u.searchParams.toString();
  return `${SITE}${path}${query ? `?${query}` : ''}`;
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
  return main.length ? main : null;
}

/** A card links a call by its heading; buttons ("Apply") repeat the link with weaker text. */
function linkTitle(a: ReturnType<cheerio.CheerioAPI>): { title: string; heading: boolean } {
  const heading = cleanLine(a.find('h2, h3, h4').first().text()) || cleanLine(a.closest('h2, h3, h4').text());
  return heading ? { title: heading, heading: true } : { title: cleanLine(a.text()), heading: false };
}

function callLinks($: cheerio.CheerioAPI, main: ReturnType<cheerio.CheerioAPI>, base: string): DetailLink[] {
  const best = new Map<string, { title: string; heading: boolean }>();
  for (const el of main.find('a[href]').toArray()) {
    const a = $(el);
    const url = canonicalCallUrl(a.attr('href'), base);
    if (!url) continue;
    const found = linkTitle(a);
    const seen = best.get(url);
    if (!found.title) continue;
    if (!seen || (found.heading && !seen.heading)) best.set(url, found);
  }
  return [...best.entries()].map(([url, { title }]) => ({ url, hint: { title } }));
}

function nodeId($: cheerio.CheerioAPI): string | null {
  return /\/node\/(\d+)/.exec($('link[rel="shortlink"]').attr('href') ?? '')?.[1] ?? null;
}

/** The page's own text and title, chrome removed; null when it has no Drupal node text. */
function pageContent($: cheerio.CheerioAPI): { title: string; text: string } | null {
  const main = mainArea($);
  if (!main) return null;
  main.find(CHROME).remove();
  const body = firstOf(main, BODY);
  if (body.length === 0) return null;
  const title = cleanLine(main.find('h1.page-title, h1').first().text());
  return { title, text: htmlToText(body) };
}

function publishedAt($: cheerio.CheerioAPI): string | null {
  const value = $('meta[property="article:published_time"]').attr('content') ?? '';
  return /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1] ?? null;
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  const main = mainArea($);
  if (!main) {
    throw new SourceFormatError(`urbact: ${doc.url} has no <main> content region; the page layout changed`);
  }
  const details = callLinks($, main, doc.url);
  if (details.length > 0) return { items: [], details, next: [] };
  // No call pages linked: the page carries the call (or says none is open) in its own text.
  const published = publishedAt($);
  const id = nodeId($);
  const lang = pageLang($);
  const content = pageContent($);
  if (!content?.title) {
    throw new SourceFormatError(
      `urbact: ${doc.url} links no /call- pages and has no page text (${BODY[0]}); the page layout changed`,
    );
  }
  const item: RawItemInput = {
    url: LIST_URL,
    title: content.title,
    text: content.text,
    publishedAt: published,
    externalId: id,
    lang,
    donor: DONOR,
  };
  return { items: [item], details: [], next: [] };
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  const published = publishedAt($);
  const id = nodeId($);
  const lang = pageLang($);
  const content = pageContent($);
  if (!content) {
    throw new SourceFormatError(
      `urbact: ${doc.url} has no call text (${BODY[0]} in <main>); the call page layout changed`,
    );
  }
  const title = content.title || link.hint.title;
  if (!title) throw new SourceFormatError(`urbact: ${doc.url} has no title (h1.page-title)`);
  return {
    url: canonicalCallUrl(link.url) ?? link.url,
    title,
    text: content.text,
    publishedAt: published,
    externalId: id,
    lang,
    donor: DONOR,
  };
}

const urbact: SourceDefinition = {
  id: 'urbact',
  name: 'URBACT',
  donor: DONOR,
  kind: 'html',
  homepage: LIST_URL,
  verified: false,
  minDelayMs: 3000,
  maxItems: 15,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
  parseDetail,
};

export default urbact;
