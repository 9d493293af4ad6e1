// Громадський Простір (prostir.ua): the WordPress RSS feed of its grants category. Every item
// carries the whole announcement in content:encoded, so no detail page is fetched.
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine } from '../calls/text.ts';
import { kyivDay } from './generic/common.ts';
import { absoluteUrl, htmlToText } from './html.ts';
import { type FeedEntry, loadRss, rssEntries } from './rss-feed.ts';
import type { FetchedDocument, ListResult, SourceDefinition } from './types.ts';

const FEED_URL = 'https://www.prostir.ua/category/grants/feed/';
/** WordPress ends an excerpt with "[…]" (or "[...]" once NFKC has run): not part of the text. */
const EXCERPT_MORE = /\s*\[(?:…|\.\.\.)\]\s*$/;

/** One <item> as strings, straight from the XML (entities decoded, CDATA unwrapped). */

function unique(values: string[]): string[] {
  return [...new Set(values.map(cleanLine).filter(Boolean))];
}

function toItem(entry: FeedEntry): RawItemInput | null {
  const title = cleanLine(entry.title);
  // Keep the feed's own link (`?grants=<slug>`): the slug is the site's stable id for the post.
  const url = absoluteUrl(entry.link, FEED_URL);
  if (!title || !url) return null;
  const text = entry.content.trim()
    ? htmlToText(entry.content)
    : htmlToText(entry.description).replace(EXCERPT_MORE, '');
  return {
    url,
    title,
    text,
    publishedAt: kyivDay(entry.pubDate),
    externalId: cleanLine(entry.guid) || null,
    // The feed mixes Ukrainian and English posts; extraction decides per item.
    lang: null,
    tags: unique(entry.categories),
  };
}

function parseList(doc: FetchedDocument): ListResult {
  const items = rssEntries(loadRss(doc, 'prostir'))
    .map(toItem)
    .filter((i): i is RawItemInput => i !== null);
  return { items, details: [] };
}

const prostir: SourceDefinition = {
  id: 'prostir',
  name: 'Громадський Простір',
  kind: 'rss',
  homepage: 'https://www.prostir.ua/category/grants/',
  // No real copy of this feed was available: the parser follows WordPress's standard RSS 2.0
  // output and the URL patterns seen in archived pages (`?grants=<slug>`).
  verified: false,
  minDelayMs: 2000,
  start: [
    { url: FEED_URL, method: 'GET', headers: { accept: 'application/rss+xml, application/xml;q=0.9' } },
  ],
  parseList,
};

export default prostir;
