// Interreg NEXT Poland–Ukraine (pl-ua.eu), read through WordPress's REST API: the English news posts
// (each carries its whole text) and the "Calls for proposals" page, watched as one item.
//
// Field layout checked against archived real responses of /en/wp-json/wp/v2/pages/29617 and of single
// posts (/en/wp-json/wp/v2/posts/<id>: id, date, link, title.rendered, content.rendered). Not seen:
// the collection endpoint itself (WordPress core returns an array of the same objects, trimmed by
// `_fields`) and the end of the calls page, which the archive cut inside a Gutenberg table.
import { z } from 'zod';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine } from '../calls/text.ts';
import { htmlToText } from './html.ts';
import {
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
  type SourceRequest,
} from './types.ts';

const SITE = 'https://pl-ua.eu';
const API = `${SITE}/en/wp-json/wp/v2`;
const PER_PAGE = 20;
const POSTS_URL = `${API}/posts?per_page=${PER_PAGE}&_fields=id,date,date_gmt,modified,link,title,content,excerpt,categories`;
const CALLS_PAGE_URL = `${API}/pages/29617`;
const DONOR = 'Interreg NEXT Poland–Ukraine';
/** Query parameters the site's pages grow (accessibility switches, campaign tags) that name no other page. */
const NOISE_PARAMS = /^(utm_[a-z]+|fbclid|gclid|bigger_font_size|contrast|font_size|amp)$/i;

const Rendered = z.object({ rendered: z.string() });
const Entry = z.object({
  id: z.number(),
  date: z.string().nullish(),
  link: z.string(),
  title: Rendered,
  content: Rendered.nullish(),
  excerpt: Rendered.nullish(),
});
type Entry = z.infer<typeof Entry>;
/** A WordPress REST error body ({code, message, data.status}), sometimes served with 200 by caches. */
const WpError = z.object({ code: z.string(), message: z.string().optional() });

function parseJson(doc: FetchedDocument): unknown {
  try {
    return JSON.parse(doc.text);
  } catch {
    const start = doc.text.trimStart().slice(0, 40).replace(/\s+/g, ' ');
    throw new SourceFormatError(`interreg-pl-ua: ${doc.url} did not return JSON (body starts "${start}")`);
  }
}

/** The site's own address for a post or page, without tracking/accessibility switches or a fragment. */
export function canonicalLink(link: string): string | null {
  let u: URL;
  try {
    u = new URL(link.trim(), SITE);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.protocol = 'https:';
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (NOISE_PARAMS.test(key)) u.searchParams.delete(key);
  return u.toString();
}

/** WordPress tables put cells side by side with no whitespace between them; keep the words apart. */
function separateCells(html: string): string {
  return html.replace(/<\/t([dh])>/gi, '</t$1> ');
}

function plainText(html: string | undefined): string {
  return html ? htmlToText(separateCells(html)) : '';
}

/** "2026-11-19T10:42:05" (the site's local time) → "2026-11-19". */
function day(date: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T/.exec(date ?? '');
  return m ? m[1]! : null;
}

function toItem(entry: Entry): RawItemInput | null {
  const title = cleanLine(htmlToText(entry.title.rendered));
  const url = canonicalLink(entry.link);
  if (!title || !url) return null;
  // A post without body text (a gallery, an embed) still says something in its excerpt.
  const text = plainText(entry.content?.rendered) || plainText(entry.excerpt?.rendered);
  return {
    url,
    title,
    text,
    publishedAt: day(entry.date),
    externalId: String(entry.id),
    lang: 'en',
    donor: DONOR,
  };
}

/** The posts endpoint answers an array; a full page means there may be another one. */
function parsePosts(doc: FetchedDocument, json: unknown[]): ListResult {
  const items: RawItemInput[] = [];
  for (const [i, raw] of json.entries()) {
    const parsed = Entry.safeParse(raw);
    if (!parsed.success) {
      throw new SourceFormatError(
        `interreg-pl-ua: post #${i + 1} in ${doc.url} lacks id/link/title.rendered; the API's shape changed`,
      );
    }
    const item = toItem(parsed.data);
    if (item) items.push(item);
  }
  // Only the body is seen (not X-WP-TotalPages): a short page is the last one.
  const next: SourceRequest[] = json.length >= PER_PAGE ? [{ url: pageUrl(currentPage(doc.url) + 1) }] : [];
  return { items, details: [], next };
}

function currentPage(url: string): number {
  const m = /[?&]page=(\d+)/.exec(url);
  return m ? Number(m[1]) : 1;
}

/** Built by hand, not with URLSearchParams, so the `_fields` commas stay as the start URL has them. */
function pageUrl(page: number): string {
  return page <= 1 ? POSTS_URL : `${POSTS_URL}&page=${page}`;
}

/**
 * The calls page is one item: its sections ("Ongoing Calls", "Calls within Small Projects Funds")
 * change when a call opens or closes, and each call there is also announced by its own post.
 */
function parsePage(doc: FetchedDocument, json: unknown): ListResult {
  const parsed = Entry.extend({ content: Rendered }).safeParse(json);
  if (!parsed.success) {
    throw new SourceFormatError(
      `interreg-pl-ua: ${doc.url} is not a WordPress page object (no id/link/title.rendered/content.rendered)`,
    );
  }
  const item = toItem(parsed.data);
  return { items: item ? [item] : [], details: [], next: [] };
}

function parseList(doc: FetchedDocument): ListResult {
  const json = parseJson(doc);
  if (Array.isArray(json)) return parsePosts(doc, json);
  const error = WpError.safeParse(json);
  if (error.success) {
    throw new SourceFormatError(
      `interreg-pl-ua: ${doc.url} answered with a WordPress error "${error.data.code}" instead of content`,
    );
  }
  if (json && typeof json === 'object' && 'content' in json) return parsePage(doc, json);
  throw new SourceFormatError(
    `interreg-pl-ua: ${doc.url} returned JSON that is neither a list of posts nor a page object`,
  );
}

const interregPlUa: SourceDefinition = {
  id: 'interreg-pl-ua',
  name: 'Interreg NEXT Poland–Ukraine',
  donor: DONOR,
  kind: 'wordpress',
  homepage: `${SITE}/en/`,
  verified: true,
  minDelayMs: 2000,
  maxPages: 2,
  maxItems: 60,
  start: [
    { url: POSTS_URL, method: 'GET', headers: { accept: 'application/json' } },
    { url: CALLS_PAGE_URL, method: 'GET', headers: { accept: 'application/json' } },
  ],
  parseList,
};

export default interregPlUa;
