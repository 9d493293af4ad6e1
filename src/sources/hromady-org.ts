// Всеукраїнська асоціація ОТГ (hromady.org): the WordPress RSS feed of its «Добірка конкурсів та
// грантів» category. Items carry the whole post in content:encoded, so no page is fetched.
//
// Not verified against a real feed: the category and its `/feed/` answering 200 come from other
// projects (grant-monitor's curl check of the HTML list, an endpoint audit of the feed); the parser
// follows WordPress's standard RSS 2.0 output. Some posts are digests that list several calls in
// one post: each stays one item here (splitting digests belongs to extraction, later).
import * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine } from '../calls/text.ts';
import { kyivDay } from './generic/common.ts';
import { absoluteUrl, htmlToText } from './html.ts';
import { type FeedEntry, loadRss, rssEntries } from './rss-feed.ts';
import type { FetchedDocument, ListResult, SourceDefinition } from './types.ts';

const FEED_URL = 'https://hromady.org/category/dobirka-konkursiv-ta-grantiv/feed/';
/** WordPress ends an excerpt with "[…]": not part of the text. */
const EXCERPT_MORE = /\s*\[(?:…|\.\.\.)\]\s*$/;
/** The footer SEO plugins append to every feed item («The post X appeared first on Y.»): not the post's. */
const FEED_FOOTER =
  /^(?:The post .+ appeared first on|Запис .+ (?:спершу|вперше|спочатку) з[’'ʼ]явився на) .+\.?$/;
/** Query parameters that only say where a reader came from (feed plugins add utm_* to links). */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|yclid|mc_cid|mc_eid|_ga|amp)$/i;

/**
 * A post's address in one form: https, no www, no tracking parameters, fragment or AMP suffix;
 * the path keeps WordPress's trailing slash. null for another host or an unparsable link.
 */
export function canonicalPostUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (!/^(?:www\.)?hromady\.org$/i.test(u.hostname)) return null;
  u.protocol = 'https:';
  u.hostname = 'hromady.org';
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.pathname = u.pathname.replace(/\/amp\/?$/, '/');
  return u.toString();
}

/** WordPress's guid is `https://hromady.org/?p=<post id>`: the id is the stable key. */
function postId(guid: string): string | null {
  const g = cleanLine(guid);
  if (!g) return null;
  return /[?&]p=(\d+)\b/.exec(g)?.[1] ?? g;
}

/** Post HTML → plain text without the plugin footer paragraph. */
function postText(html: string): string {
  const $ = cheerio.load(html, null, false);
  $('p')
    .filter((_, p) => FEED_FOOTER.test(cleanLine($(p).text())))
    .remove();
  return htmlToText($.root());
}

function unique(values: string[]): string[] {
  return [...new Set(values.map(cleanLine).filter(Boolean))];
}

function toItem(entry: FeedEntry): RawItemInput | null {
  const title = cleanLine(entry.title);
  const link = absoluteUrl(entry.link, FEED_URL);
  if (!title || !link) return null;
  const text = postText(entry.content.trim() ? entry.content : entry.description).replace(EXCERPT_MORE, '');
  return {
    url: canonicalPostUrl(link) ?? link,
    title,
    text,
    publishedAt: kyivDay(entry.pubDate),
    externalId: postId(entry.guid),
    // The channel's <language> is a site setting, not the post's: extraction decides per item.
    lang: null,
    tags: unique(entry.categories),
  };
}

function parseList(doc: FetchedDocument): ListResult {
  const items = rssEntries(loadRss(doc, 'hromady-org'))
    .map(toItem)
    .filter((i): i is RawItemInput => i !== null);
  // The feed holds the newest posts only and has no further pages.
  return { items, details: [], next: [] };
}

const hromadyOrg: SourceDefinition = {
  id: 'hromady-org',
  name: 'Всеукраїнська асоціація ОТГ — добірка конкурсів та грантів',
  kind: 'rss',
  homepage: 'https://hromady.org/category/dobirka-konkursiv-ta-grantiv/',
  verified: false,
  minDelayMs: 2000,
  maxItems: 30,
  start: [
    { url: FEED_URL, method: 'GET', headers: { accept: 'application/rss+xml, application/xml;q=0.9' } },
  ],
  parseList,
};

export default hromadyOrg;
