// Interreg NEXT Romania–Ukraine (ro-ua.net): the RSS feed of its "News 2021-2027" category, where the
// Joint Secretariat announces calls, corrigenda, info days and results. Each entry's intro is the item.
//
// Not verified: no copy of this feed was available. The site is Joomla (article URLs
// `/en/comunication-2021-2027/noutati-2021-2027/<id>-<alias>`, seen in archived pages), so the feed is
// assumed to be Joomla's own category feed (`?format=feed&type=rss`): RSS 2.0, the intro text in
// <description> with a trailing "Read more" paragraph, one <category>, pubDate with an offset.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine } from '../calls/text.ts';
import { absoluteUrl, htmlToText } from './html.ts';
import { type FeedEntry, loadRss, rssEntries } from './rss-feed.ts';
import type { FetchedDocument, ListResult, SourceDefinition } from './types.ts';

const SITE = 'https://ro-ua.net';
const NEWS_URL = `${SITE}/en/comunication-2021-2027/noutati-2021-2027`;
const FEED_URL = `${NEWS_URL}?format=feed&type=rss`;
const DONOR = 'Interreg NEXT Romania–Ukraine';
/** Query parameters that name a menu or a campaign, not another article. */
const NOISE_PARAMS = /^(utm_[a-z]+|fbclid|gclid|itemid|tmpl|format|type)$/i;
/** Joomla's feed template appends `<p class="feed-readmore"><a …>Read more …</a></p>` to each intro. */
const READ_MORE = /<p\b[^>]*class="[^"]*\bfeed-readmore\b[^"]*"[^>]*>[\s\S]*?<\/p>/gi;
const BUCHAREST = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Bucharest',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * An article's stable address: https, no www, no menu (`Itemid`) or feed parameters. The article id
 * leads the last path segment (`1795-third-call-…`).
 */
export function canonicalArticleUrl(href: string): string | null {
  const abs = absoluteUrl(href, SITE);
  if (!abs) return null;
  const u = new URL(abs);
  u.protocol = 'https:';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (NOISE_PARAMS.test(key)) u.searchParams.delete(key);
  return u.toString();
}

function articleId(url: string): string | null {
  return /\/(\d+)-[^/]*$/.exec(new URL(url).pathname)?.[1] ?? null;
}

/** The intro without Joomla's "Read more …" paragraph (it only repeats the item's address). */
function introText(html: string): string {
  return htmlToText(html.replace(READ_MORE, ''));
}

/** RFC 822 pubDate → the calendar day where the Secretariat works (Suceava, same clock as Kyiv). */
function localDate(pubDate: string): string | null {
  const ms = Date.parse(pubDate.trim());
  if (Number.isNaN(ms)) return null;
  const parts = Object.fromEntries(BUCHAREST.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function channelLang($: cheerio.CheerioAPI): RawItemInput['lang'] {
  const code = $('rss > channel > language').first().text().trim().slice(0, 2).toLowerCase();
  if (!code) return null;
  return code === 'uk' || code === 'en' || code === 'ru' || code === 'pl' ? code : 'other';
}

function toItem(entry: FeedEntry, lang: RawItemInput['lang']): RawItemInput | null {
  const title = cleanLine(entry.title);
  const url = canonicalArticleUrl(entry.link || entry.guid);
  if (!title || !url) return null;
  return {
    url,
    title,
    text: introText(entry.description),
    publishedAt: localDate(entry.pubDate),
    externalId: articleId(url),
    lang,
    donor: DONOR,
    tags: [...new Set(entry.categories.map(cleanLine).filter(Boolean))],
  };
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadRss(doc, 'interreg-roua', 'the Joomla feed');
  const lang = channelLang($);
  const items = rssEntries($)
    .map((e) => toItem(e, lang))
    .filter((i): i is RawItemInput => i !== null);
  return { items, details: [], next: [] };
}

const interregRoua: SourceDefinition = {
  id: 'interreg-roua',
  name: 'Interreg NEXT Romania–Ukraine',
  donor: DONOR,
  kind: 'rss',
  homepage: NEWS_URL,
  verified: false,
  minDelayMs: 3000,
  maxItems: 40,
  start: [
    { url: FEED_URL, method: 'GET', headers: { accept: 'application/rss+xml, application/xml;q=0.9' } },
  ],
  parseList,
};

export default interregRoua;
