// A config-defined WordPress site read through its REST API (/wp-json/wp/v2/<postType>): the whole
// post comes back as JSON, so no page is scraped. Pages are followed while they come back full.
import { z } from 'zod';
import type { RawItemInput } from '../../calls/schema.ts';
import { cleanLine } from '../../calls/text.ts';
import { absoluteUrl, htmlToText } from '../html.ts';
import {
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
  type SourceRequest,
} from '../types.ts';
import { bodyStart, itemUrl, kyivDay } from './common.ts';
import type { WordPressEntry } from './schema.ts';

/** Only what an item needs: a tenth of the full answer's size (no embedded authors, media, links). */
export const WP_FIELDS = 'id,date,date_gmt,modified,link,title,content,excerpt';
const EXCERPT_MORE = /\s*\[(?:…|\.\.\.)\]\s*$/;

const Rendered = z.object({ rendered: z.string(), protected: z.boolean().optional() });
const Post = z.object({
  id: z.number(),
  date: z.string().nullish(),
  date_gmt: z.string().nullish(),
  link: z.string(),
  title: Rendered,
  content: Rendered.nullish(),
  excerpt: Rendered.nullish(),
});
type Post = z.infer<typeof Post>;

const RestError = z.object({ code: z.string(), message: z.string().optional() });

/** The first page's URL. Commas in `_fields` and `categories` stay literal, as WordPress writes them. */
export function wordpressStartUrl(entry: WordPressEntry): string {
  const params = [`per_page=${entry.perPage}`];
  if (entry.categories?.length) params.push(`categories=${entry.categories.join(',')}`);
  if (entry.search) params.push(`search=${encodeURIComponent(entry.search)}`);
  params.push(`_fields=${WP_FIELDS}`);
  return `${entry.site}/wp-json/wp/v2/${entry.postType}?${params.join('&')}`;
}

/** The same query one page further: `page=N` replaced or appended. */
function nextPageUrl(url: string): string {
  const current = Number(/[?&]page=(\d+)/.exec(url)?.[1] ?? '1');
  return /[?&]page=\d+/.test(url)
    ? url.replace(/([?&]page=)\d+/, `$1${current + 1}`)
    : `${url}&page=${current + 1}`;
}

function readJson(doc: FetchedDocument, entry: WordPressEntry): unknown {
  try {
    return JSON.parse(doc.text);
  } catch {
    throw new SourceFormatError(
      `${entry.id}: ${doc.url} did not return JSON (body starts "${bodyStart(doc.text)}"): the WordPress REST API seems disabled or blocked at ${entry.site}/wp-json/; use a "kind": "rss" entry with the site's /feed/ instead`,
    );
  }
}

/** WordPress answers a page past the last one with 400 rest_post_invalid_page_number: the list simply ended. */
function restError(json: unknown, doc: FetchedDocument, entry: WordPressEntry): ListResult {
  const err = RestError.safeParse(json);
  if (err.success && err.data.code === 'rest_post_invalid_page_number')
    return { items: [], details: [], next: [] };
  if (err.success && err.data.code === 'rest_no_route') {
    throw new SourceFormatError(
      `${entry.id}: ${doc.url} answered rest_no_route: the site has no REST route for postType "${entry.postType}"`,
    );
  }
  const what = err.success
    ? `error ${err.data.code}${err.data.message ? ` (${err.data.message})` : ''}`
    : 'JSON that is not a list of posts';
  throw new SourceFormatError(`${entry.id}: ${doc.url} returned ${what}`);
}

function toItem(post: Post, base: string): RawItemInput | null {
  const url = absoluteUrl(post.link, base);
  const title = cleanLine(htmlToText(post.title.rendered));
  if (!url || !title) return null;
  // A password-protected post renders an empty content; its excerpt is all the site shows.
  const content = post.content && !post.content.protected ? htmlToText(post.content.rendered) : '';
  const text = content || htmlToText(post.excerpt?.rendered ?? '').replace(EXCERPT_MORE, '');
  return {
    url: itemUrl(url),
    title,
    text,
    // date_gmt is UTC without a zone mark; `date` is the site's own clock (usually Kyiv already).
    publishedAt: post.date_gmt ? kyivDay(`${post.date_gmt}Z`) : kyivDay(post.date),
    externalId: String(post.id),
    lang: null,
    tags: [],
  };
}

export function parseWordPress(doc: FetchedDocument, entry: WordPressEntry): ListResult {
  const json = readJson(doc, entry);
  if (!Array.isArray(json)) return restError(json, doc, entry);
  const posts = json.map((p) => Post.safeParse(p)).flatMap((r) => (r.success ? [r.data] : []));
  if (json.length > 0 && posts.length === 0) {
    throw new SourceFormatError(
      `${entry.id}: ${doc.url} returned a list without id, link and title.rendered: not WordPress ${entry.postType}`,
    );
  }
  const items = posts.map((p) => toItem(p, doc.url)).filter((i): i is RawItemInput => i !== null);
  // A full page may have a successor; WordPress's X-WP-TotalPages header is not passed to adapters.
  const next: SourceRequest[] = json.length >= entry.perPage ? [{ url: nextPageUrl(doc.url) }] : [];
  return { items, details: [], next };
}

export function wordpressSource(entry: WordPressEntry): SourceDefinition {
  return {
    id: entry.id,
    name: entry.name,
    ...(entry.donor ? { donor: entry.donor } : {}),
    kind: 'wordpress',
    homepage: entry.homepage ?? `${entry.site}/`,
    verified: entry.verified === true,
    ...(entry.role ? { role: entry.role } : {}),
    ...(entry.enabled === false ? { enabled: false } : {}),
    minDelayMs: entry.minDelayMs ?? 2000,
    ...(entry.maxItems ? { maxItems: entry.maxItems } : {}),
    maxPages: entry.maxPages,
    start: [{ url: wordpressStartUrl(entry), method: 'GET', headers: { accept: 'application/json' } }],
    parseList: (doc) => parseWordPress(doc, entry),
  };
}
