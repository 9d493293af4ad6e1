// Громадський Простір (prostir.ua): the WordPress RSS feed of its grants category. Every item
// carries the whole announcement in content:encoded, so no detail page is fetched.
import * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine } from '../calls/text.ts';
import { absoluteUrl, htmlToText } from './html.ts';
import { type FetchedDocument, type ListResult, type SourceDefinition, SourceFormatError } from './types.ts';

const FEED_URL = 'https://www.prostir.ua/category/grants/feed/';
const KYIV = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Kyiv',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** A complete feed ends with </rss>; caching plugins may append HTML comments after it. */
const COMPLETE = /<\/rss>\s*(?:<!--[\s\S]*?-->\s*)*$/;
/** WordPress ends an excerpt with "[…]" (or "[...]" once NFKC has run): not part of the text. */
const EXCERPT_MORE = /\s*\[(?:…|\.\.\.)\]\s*$/;

/** One <item> as strings, straight from the XML (entities decoded, CDATA unwrapped). */
interface FeedEntry {
  title: string;
  link: string;
  guid: string;
  pubDate: string;
  description: string;
  content: string;
  categories: string[];
}

// The XML parser is lenient: a cut-off feed parses into fewer (or half) items without an error,
// so the document's end is checked explicitly.
function loadFeed(doc: FetchedDocument): cheerio.CheerioAPI {
  const $ = cheerio.load(doc.text, { xml: true });
  if ($('rss > channel').length === 0) {
    throw new SourceFormatError(
      `prostir: ${doc.url} has no <rss><channel> (an HTML page instead of the feed?)`,
    );
  }
  if (!COMPLETE.test(doc.text)) {
    throw new SourceFormatError(`prostir: ${doc.url} ends before </rss>: the feed is truncated`);
  }
  return $;
}

function entries($: cheerio.CheerioAPI): FeedEntry[] {
  return $('rss > channel > item')
    .toArray()
    .map((el) => {
      const item = $(el);
      const field = (name: string) => item.children(name).first().text();
      return {
        title: field('title'),
        link: field('link'),
        guid: field('guid'),
        pubDate: field('pubDate'),
        description: field('description'),
        content: field('content\\:encoded'),
        categories: item
          .children('category')
          .toArray()
          .map((c) => $(c).text()),
      };
    });
}

/** RFC 822 pubDate → the calendar day in Kyiv (a post at 23:30 UTC is dated the next day there). */
function kyivDate(pubDate: string): string | null {
  const ms = Date.parse(pubDate.trim());
  if (Number.isNaN(ms)) return null;
  const parts = Object.fromEntries(KYIV.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

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
    publishedAt: kyivDate(entry.pubDate),
    externalId: cleanLine(entry.guid) || null,
    // The feed mixes Ukrainian and English posts; extraction decides per item.
    lang: null,
    tags: unique(entry.categories),
  };
}

function parseList(doc: FetchedDocument): ListResult {
  const items = entries(loadFeed(doc))
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
