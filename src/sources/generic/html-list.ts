// A config-defined HTML list page read with the entry's CSS selectors (item, title, link, date,
// teaser), optionally followed to each item's own page for the body. For sites without a feed or API.
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import type { RawItemInput } from '../../calls/schema.ts';
import { cleanLine } from '../../calls/text.ts';
import { absoluteUrl, htmlToText } from '../html.ts';
import {
  type DetailLink,
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
} from '../types.ts';
import { itemUrl, kyivDay, parseListDate } from './common.ts';
import type { HtmlEntry } from './schema.ts';

type Node = ReturnType<cheerio.CheerioAPI>;

const CHARSET_ALIASES: Record<string, string> = {
  cp1251: 'windows-1251',
  'x-cp1251': 'windows-1251',
  utf8: 'utf-8',
};

function charsetName(name: string | undefined): string | null {
  if (!name) return null;
  const lower = name.toLowerCase();
  return CHARSET_ALIASES[lower] ?? lower;
}

/** The charset the fetcher decoded with when the page declared one (header first, then <meta>). */
function declaredCharset(doc: FetchedDocument): string | null {
  return charsetName(
    /charset=["']?([\w-]+)/i.exec(doc.contentType ?? '')?.[1] ??
      /<meta[^>]+charset=["']?([\w-]+)/i.exec(doc.text.slice(0, 4096))?.[1],
  );
}

/**
 * The page's text in the charset the entry says the site really uses. The fetcher believes a
 * declared single-byte charset; when the declaration was wrong, encoding back to its bytes and
 * decoding them again undoes the damage. Without a declaration (or with UTF-8) the fetcher sniffed
 * the bytes themselves, and that is left alone.
 */
export function pageText(doc: FetchedDocument, encoding: string | undefined): string {
  const want = charsetName(encoding);
  const used = declaredCharset(doc);
  if (!want || !used || used === want || used === 'utf-8' || !iconv.encodingExists(used)) return doc.text;
  return iconv.decode(iconv.encode(doc.text, used), want);
}

/** `selector` inside the item, or the item itself when it is what the selector names. */
function inside(item: Node, selector: string): Node {
  const found = item.find(selector);
  return found.length || !item.is(selector) ? found.first() : item;
}

function hrefOf(el: Node): string | undefined {
  return el.attr('href') ?? el.find('a[href]').first().attr('href') ?? el.closest('a[href]').attr('href');
}

interface Entry {
  title: string;
  url: string | null;
  publishedAt: string | null;
  teaser: string | null;
}

function readEntry(item: Node, entry: HtmlEntry, base: string): Entry {
  const sel = entry.selectors;
  const dateEl = sel.date ? inside(item, sel.date) : null;
  // A machine-readable date beats the text beside it.
  const stamp = dateEl?.attr('datetime') ?? dateEl?.attr('content');
  const href = absoluteUrl(hrefOf(inside(item, sel.link)), base);
  return {
    title: cleanLine(inside(item, sel.title).text()),
    url: href ? itemUrl(href) : null,
    publishedAt: stamp ? kyivDay(stamp) : dateEl ? parseListDate(dateEl.text(), sel.dateFormat) : null,
    teaser: sel.teaser ? htmlToText(inside(item, sel.teaser).first()) || null : null,
  };
}

function sameSite(a: string, b: string): boolean {
  const host = (u: string) => new URL(u).hostname.replace(/^www\./, '').toLowerCase();
  return host(a) === host(b);
}

function nextPage($: cheerio.CheerioAPI, entry: HtmlEntry, doc: FetchedDocument): string | null {
  if (!entry.selectors.next) return null;
  const href = absoluteUrl(hrefOf($(entry.selectors.next).first()), doc.url);
  return href && href !== doc.url ? href : null;
}

export function parseHtmlList(doc: FetchedDocument, entry: HtmlEntry): ListResult {
  const sel = entry.selectors;
  // parse5, not loadHtml(): configured selectors are copied from a browser's inspector, and parse5
  // builds the browser's tree (implied <tbody> and all) that they were written against.
  const $ = cheerio.load(pageText(doc, entry.encoding));
  const found = $(sel.item).toArray();
  if (found.length === 0) {
    throw new SourceFormatError(
      `${entry.id}: ${doc.url} has no element matching selectors.item "${sel.item}": the layout changed or this is not the list page`,
    );
  }
  const entries = found.map((el) => readEntry($(el), entry, doc.url));
  // Every item lacking a title or link means the selector no longer fits, not that the items are odd.
  if (entries.every((e) => !e.title)) {
    throw new SourceFormatError(
      `${entry.id}: no ${sel.item} on ${doc.url} has a selectors.title "${sel.title}"`,
    );
  }
  if (entries.every((e) => !e.url)) {
    throw new SourceFormatError(
      `${entry.id}: no ${sel.item} on ${doc.url} has a link at selectors.link "${sel.link}"`,
    );
  }

  const items: RawItemInput[] = [];
  const details: DetailLink[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (!e.title || !e.url || seen.has(e.url)) continue;
    seen.add(e.url);
    // Only the site's own pages share its body selector; a link out (to a donor's site) stays a list item.
    if (sel.body && sameSite(e.url, doc.url)) {
      const hint: Partial<RawItemInput> = { title: e.title, publishedAt: e.publishedAt };
      if (e.teaser) hint.text = e.teaser;
      details.push({ url: e.url, hint });
    } else {
      items.push({
        url: e.url,
        title: e.title,
        text: e.teaser ?? '',
        publishedAt: e.publishedAt,
        externalId: null,
        lang: null,
        tags: [],
      });
    }
  }
  const next = nextPage($, entry, doc);
  return { items, details, next: next ? [{ url: next }] : [] };
}

export function parseHtmlDetail(doc: FetchedDocument, link: DetailLink, entry: HtmlEntry): RawItemInput {
  const selector = entry.selectors.body!;
  const $ = cheerio.load(pageText(doc, entry.encoding));
  const body = $(selector).first();
  if (body.length === 0) {
    throw new SourceFormatError(
      `${entry.id}: ${doc.url} has no element matching selectors.body "${selector}": the article layout changed`,
    );
  }
  const title = link.hint.title ?? cleanLine($('h1').first().text());
  if (!title) throw new SourceFormatError(`${entry.id}: ${doc.url} has no title (no list title, no <h1>)`);
  return {
    url: link.url,
    title,
    text: htmlToText(body),
    publishedAt: link.hint.publishedAt ?? null,
    externalId: null,
    lang: null,
    tags: [],
  };
}

export function htmlSource(entry: HtmlEntry): SourceDefinition {
  return {
    id: entry.id,
    name: entry.name,
    ...(entry.donor ? { donor: entry.donor } : {}),
    kind: 'html',
    homepage: entry.homepage ?? entry.url,
    verified: entry.verified === true,
    ...(entry.role ? { role: entry.role } : {}),
    ...(entry.enabled === false ? { enabled: false } : {}),
    minDelayMs: entry.minDelayMs ?? 3000,
    ...(entry.maxItems ? { maxItems: entry.maxItems } : {}),
    maxPages: entry.maxPages,
    start: [{ url: entry.url, method: 'GET' }],
    parseList: (doc) => parseHtmlList(doc, entry),
    ...(entry.selectors.body ? { parseDetail: (doc, link) => parseHtmlDetail(doc, link, entry) } : {}),
  };
}
