// RSS 2.0 as the hand-written feed adapters read it (prostir, hromady.org, ro-ua.net): the channel's
// items with their raw fields. Config-defined feeds, RSS 1.0 and Atom included, use generic/rss.ts.
import * as cheerio from 'cheerio';
import { type FetchedDocument, SourceFormatError } from './types.ts';

/** A complete feed ends with </rss>; a cut-off one still parses, into fewer (or half) items. */
const COMPLETE = /<\/rss>\s*(?:<!--[\s\S]*?-->\s*)*$/;

export interface FeedEntry {
  title: string;
  link: string;
  guid: string;
  pubDate: string;
  description: string;
  /** content:encoded, the whole post when the feed carries it. */
  content: string;
  categories: string[];
}

/**
 * Parses the feed, or says what the document is instead. The XML parser is lenient, so the
 * document's end is checked explicitly. `expected` names the feed in the message.
 */
export function loadRss(doc: FetchedDocument, sourceId: string, expected = 'the feed'): cheerio.CheerioAPI {
  const $ = cheerio.load(doc.text, { xml: true });
  if ($('rss > channel').length === 0) {
    throw new SourceFormatError(
      `${sourceId}: ${doc.url} has no <rss><channel> (an HTML page instead of ${expected}?)`,
    );
  }
  if (!COMPLETE.test(doc.text)) {
    throw new SourceFormatError(`${sourceId}: ${doc.url} ends before </rss>: the feed is truncated`);
  }
  return $;
}

export function rssEntries($: cheerio.CheerioAPI): FeedEntry[] {
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
