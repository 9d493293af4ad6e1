// ПРООН в Україні (undp.org/uk/ukraine): the grants and calls-for-proposals listing. Cards link to
// the announcements (news pages, in Ukrainian under /uk/ukraine/ or in English under /ukraine/),
// which carry the date and the full call text.
//
// verified: false. No real page was available (the site sits behind Akamai, which refuses plain
// clients with "Access Denied"). Assumed: the Drupal site with UNDP design-system cards
// (`.content-card > a` holding an <h6> tag and an <h5> title) on /uk/ukraine/grants, a Drupal pager
// (`?page=1` is the second page); announcement pages with an <h1>, a date element under it
// («17 квітня 2025» / "April 29, 2025") and the text in a content block (`.article-content`, else
// the Drupal body field, <article> or <main>).
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

const SITE = 'https://www.undp.org';
const LIST_URL = `${SITE}/uk/ukraine/grants`;
const DONOR = 'UNDP';
const CARD = '.content-card a[href]';
const BODY = ['.article-content', '.field--name-body', '.page-content', 'article', 'main'];
const CHROME =
  'script, style, noscript, template, iframe, svg, form, header, footer, nav, aside, .breadcrumb, [class*="related"], [class*="share"], [class*="content-card"]';
/** Where other pages' dates live (cards, "related" blocks, the footer). */
const NOT_OWN = '[class*="card"], [class*="related"], aside, footer';

type Nodes = ReturnType<cheerio.CheerioAPI>;

const MONTHS = new Map<string, number>([
  ...'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня'
    .split(' ')
    .map((m, i) => [m, i + 1] as const),
  ...'january february march april may june july august september october november december'
    .split(' ')
    .map((m, i) => [m, i + 1] as const),
]);

/** «17 квітня 2025», "17 April 2025" or "April 29, 2025" → YYYY-MM-DD; null otherwise. */
export function parseUndpDate(text: string): string | null {
  const t = cleanLine(text).toLowerCase();
  const dmy = /(\d{1,2})\s+([a-zа-яіїєґ]+)\s+(\d{4})/u.exec(t);
  if (dmy && MONTHS.has(dmy[2]!)) return isoDate(Number(dmy[3]), MONTHS.get(dmy[2]!)!, Number(dmy[1]));
  const mdy = /([a-z]+)\s+(\d{1,2}),?\s+(\d{4})/.exec(t);
  if (mdy && MONTHS.has(mdy[1]!)) return isoDate(Number(mdy[3]), MONTHS.get(mdy[1]!)!, Number(mdy[2]));
  return null;
}

/** An undp.org Ukraine page → https://www.undp.org/<path> without query, fragment or trailing slash. */
export function canonicalUndpUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^(?:www\.)?undp\.org$/i.test(u.hostname)) return null;
  const path = u.pathname.replace(/\/+$/, '');
  return /^\/(?:uk\/)?ukraine\/.+/.test(path) ? `${SITE}${path}` : null;
}

/** The page's language as its address states it: /uk/ukraine/… is Ukrainian, /ukraine/… English. */
function langOf(url: string): RawItemInput['lang'] {
  return new URL(url).pathname.startsWith('/uk/') ? 'uk' : 'en';
}

function slugOf(url: string): string | null {
  return /\/([^/]+)$/.exec(new URL(url).pathname)?.[1] ?? null;
}

/** Akamai answers blocked clients with a short "Access Denied" page, sometimes with status 200. */
function assertNotBlocked($: cheerio.CheerioAPI, doc: FetchedDocument): void {
  const title = cleanLine($('title').first().text());
  const text = cleanLine($('body').text()).slice(0, 500);
  if (/^access denied$/i.test(title) || /you don't have permission to access/i.test(text)) {
    throw new SourceFormatError(
      `undp-ukraine: ${doc.url} is an Akamai "Access Denied" page, not UNDP's content; automated access is being refused`,
    );
  }
}

function toLink(anchor: Nodes, base: string): DetailLink | null {
  const href = absoluteUrl(anchor.attr('href'), base);
  const url = href ? canonicalUndpUrl(href) : null;
  const title = cleanLine(anchor.find('h5, h4, h3').first().text());
  if (!url || !title) return null;
  const tag = cleanLine(anchor.find('h6').first().text());
  return { url, hint: { title, externalId: slugOf(url), lang: langOf(url), tags: tag ? [tag] : [] } };
}

/** The Drupal pager's "next" link (`?page=N`, zero-based). */
function nextPage($: cheerio.CheerioAPI, doc: FetchedDocument): ListResult['next'] {
  const href = absoluteUrl($('.pager__item--next a, a[rel="next"]').first().attr('href'), doc.url);
  if (!href) return [];
  const page = new URL(href).searchParams.get('page');
  return page && /^\d+$/.test(page) ? [{ url: `${LIST_URL}?page=${page}` }] : [];
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  assertNotBlocked($, doc);
  const anchors = $(CARD).toArray();
  if (anchors.length === 0) {
    throw new SourceFormatError(
      `undp-ukraine: ${doc.url} has no ${CARD} cards; the listing layout changed or this is not the grants page`,
    );
  }
  const details = new Map<string, DetailLink>();
  for (const a of anchors) {
    const link = toLink($(a), doc.url);
    if (link && !details.has(link.url)) details.set(link.url, link);
  }
  return { items: [], details: [...details.values()], next: nextPage($, doc) };
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  assertNotBlocked($, doc);
  const title = cleanLine($('h1').first().text()) || link.hint.title;
  if (!title) throw new SourceFormatError(`undp-ukraine: ${doc.url} has no <h1> title`);
  const dates = $('[class*="date"], time').filter((_, el) => $(el).closest(NOT_OWN).length === 0);
  const publishedAt = parseUndpDate(dates.first().text());
  $(CHROME).remove();
  const body = BODY.map((sel) => $(sel).first()).find((b) => b.length > 0);
  if (!body) {
    throw new SourceFormatError(
      `undp-ukraine: ${doc.url} has no content block (${BODY.join(', ')}); the page layout changed`,
    );
  }
  // Photos and their credits («Фото: … / ПРООН в Україні») are not the announcement.
  body.find('h1, figure, [class*="date"], time').remove();
  const url = canonicalUndpUrl(link.url) ?? canonicalUndpUrl(doc.url) ?? link.url;
  return {
    url,
    title,
    text: htmlToText(body),
    publishedAt,
    externalId: link.hint.externalId ?? slugOf(url),
    lang: langOf(url),
    donor: DONOR,
    tags: link.hint.tags ?? [],
  };
}

const undpUkraine: SourceDefinition = {
  id: 'undp-ukraine',
  name: 'ПРООН в Україні',
  donor: DONOR,
  kind: 'html',
  homepage: LIST_URL,
  verified: false,
  minDelayMs: 5000,
  maxItems: 20,
  // The first page holds the recent calls; older pages are archive.
  maxPages: 1,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
  parseDetail,
};

export default undpUkraine;
