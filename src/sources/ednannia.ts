// ІСАР Єднання (ednannia.ua): the Joomla page «Тривають грантові конкурси» lists the contests it
// runs or administers; each announcement is read from its own article page.
//
// Not verified against a real page: the list hook (`div.item.column-1 h2 a`, relative links under
// /tryvaiut-hrantovi-konkursy/) and `?start=N` paging are what another project (grant-monitor)
// recorded with curl; it saw no pagination links, so the next offset is counted from the items. The
// article page follows Joomla 3's default layout (div.item-page, itemprop="articleBody",
// time[itemprop=datePublished]) — assumed, with og:description / meta description behind it.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine, cleanText } from '../calls/text.ts';
import { kyivDay } from './generic/common.ts';
import { absoluteUrl, htmlToText, loadHtml, pageLang } from './html.ts';
import {
  type DetailLink,
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
} from './types.ts';

const SITE = 'https://ednannia.ua';
const SECTION = '/tryvaiut-hrantovi-konkursy';
const LIST_URL = `${SITE}${SECTION}`;
const DONOR = 'ІСАР Єднання';
/** Items per list page: a full page means there may be another (the brief says 10; grant-monitor saw 12). */
const PAGE_SIZE = 10;

const ITEM = 'div.item.column-1';
const ITEM_LINK = 'h2 a[href]';
/** Joomla's article body, newest layouts first; the first present wins. */
const BODY = ['div.item-page [itemprop="articleBody"]', 'div.item-page .article-body', 'div.item-page'];
const CHROME =
  'script, style, noscript, template, iframe, form, nav, .moduletable, #aside, .sidebar, .breadcrumb, .pagenav, .pager, dl.article-info, .page-header, .icons, .tags';

/**
 * An announcement's address in one form: https://ednannia.ua/tryvaiut-hrantovi-konkursy/<segment>,
 * no query (Joomla adds ?Itemid=…), fragment or trailing slash; null outside the section.
 */
export function canonicalArticleUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^(?:www\.)?ednannia\.ua$/i.test(u.hostname)) return null;
  const m = /^\/(?:uk\/)?tryvaiut-hrantovi-konkursy\/([^/]+?)(?:\.html)?\/?$/i.exec(u.pathname);
  return m ? `${LIST_URL}/${m[1]}` : null;
}

/** Joomla's article id (`2231-slug` → "2231"), or the whole segment when the site hides ids. */
function articleId(url: string): string | null {
  const segment = url.slice(url.lastIndexOf('/') + 1);
  if (!segment) return null;
  return /^(\d+)-/.exec(segment)?.[1] ?? segment;
}

function startOf(url: string): number {
  const n = Number(new URL(url).searchParams.get('start') ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Joomla's own "next" link when the template renders one; else a full page implies one more. */
function nextPage($: cheerio.CheerioAPI, doc: FetchedDocument, count: number): string | null {
  const href = $('li.pagination-next a[href], a.pagenav[title="Наступна"], a[rel="next"]')
    .first()
    .attr('href');
  const linked = absoluteUrl(href, doc.url);
  if (linked) {
    const u = new URL(linked);
    const start = Number(u.searchParams.get('start'));
    return u.pathname === SECTION && start > 0 ? `${LIST_URL}?start=${start}` : null;
  }
  return count >= PAGE_SIZE ? `${LIST_URL}?start=${startOf(doc.url) + count}` : null;
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  const cards = $(ITEM);
  // Past the last page Joomla answers 200 with an empty list: that is the end, not a layout change.
  if (cards.length === 0 && startOf(doc.url) > 0) return { items: [], details: [], next: [] };
  if (cards.length === 0) {
    throw new SourceFormatError(
      `ednannia: ${doc.url} has no ${ITEM} items; the list layout changed or this is not the contests page`,
    );
  }
  const details = new Map<string, DetailLink>();
  for (const el of cards.toArray()) {
    const a = $(el).find(ITEM_LINK).first();
    const href = absoluteUrl(a.attr('href'), doc.url);
    const title = cleanLine(a.text());
    if (!href || !title) continue;
    const url = canonicalArticleUrl(href) ?? href;
    if (!details.has(url)) details.set(url, { url, hint: { title, externalId: articleId(url) } });
  }
  const next = nextPage($, doc, cards.length);
  return { items: [], details: [...details.values()], next: next ? [{ url: next, method: 'GET' }] : [] };
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  const lang = pageLang($);
  const published = kyivDay($('time[itemprop="datePublished"]').first().attr('datetime'));
  const lead =
    $('meta[property="og:description"]').attr('content') ?? $('meta[name="description"]').attr('content');
  const title =
    cleanLine($('div.item-page [itemprop="headline"]').first().text()) ||
    cleanLine($('div.item-page h2, div.item-page h1').first().text()) ||
    link.hint.title ||
    '';
  $(CHROME).remove();
  const body = $(BODY.join(', ')).first();
  if (body.length === 0 && !lead) {
    throw new SourceFormatError(
      `ednannia: ${doc.url} has no article body (${BODY[0]}) and no description; the article layout changed`,
    );
  }
  if (!title) throw new SourceFormatError(`ednannia: ${doc.url} has no article title`);
  const url = canonicalArticleUrl(link.url) ?? link.url;
  return {
    url,
    title,
    text: body.length ? htmlToText(body) : cleanText(lead ?? ''),
    publishedAt: published,
    externalId: articleId(url),
    lang,
    donor: DONOR,
  };
}

const ednannia: SourceDefinition = {
  id: 'ednannia',
  name: 'ІСАР Єднання',
  donor: DONOR,
  kind: 'html',
  homepage: LIST_URL,
  verified: false,
  minDelayMs: 3000,
  maxItems: 30,
  maxPages: 2,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
  parseDetail,
};

export default ednannia;
