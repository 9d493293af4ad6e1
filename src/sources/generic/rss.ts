// A config-defined feed: RSS 2.0, RSS 1.0 (RDF) or Atom, read with cheerio's XML mode. Elements are
// matched by their local name as well, so a feed that binds a namespace to an unusual prefix — or
// uses a prefix it never declared — still reads.
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { RawItemInput } from '../../calls/schema.ts';
import { cleanLine, cleanText } from '../../calls/text.ts';
import { absoluteUrl, htmlToText } from '../html.ts';
import { type FetchedDocument, type ListResult, type SourceDefinition, SourceFormatError } from '../types.ts';
import { bodyStart, itemUrl, kyivDay, titleFromText } from './common.ts';
import type { RssEntry } from './schema.ts';

/** WordPress ends an excerpt with "[…]": not part of the text. */
const EXCERPT_MORE = /\s*\[(?:…|\.\.\.|&hellip;)\]\s*$/;
/** Publication first; `updated`/`modified` only when a feed states nothing else. */
const DATE_FIELDS = ['pubDate', 'dc:date', 'published', 'issued', 'dcterms:created', 'updated', 'modified'];

type Flavour = 'rss2' | 'rdf' | 'atom';

function localName(el: Element): string {
  return el.name.replace(/^.*:/, '').toLowerCase();
}

function childTags(el: Element): Element[] {
  return el.children.filter((c): c is Element => c.type === 'tag');
}

/**
 * The children called `name` ("dc:date", "link"): exact prefixed name first, then the same local name
 * under any prefix (or none), so `<a10:updated>` and `<dc:date>` without xmlns:dc both count.
 */
function fields(el: Element, name: string): Element[] {
  const lower = name.toLowerCase();
  const kids = childTags(el);
  const exact = kids.filter((c) => c.name.toLowerCase() === lower);
  if (exact.length) return exact;
  const local = lower.replace(/^.*:/, '');
  return kids.filter((c) => localName(c) === local);
}

function loadFeed(
  doc: FetchedDocument,
  sourceId: string,
): { $: cheerio.CheerioAPI; root: Element; flavour: Flavour } {
  const $ = cheerio.load(doc.text, { xml: true });
  const root = $.root().children().toArray()[0];
  const name = root ? localName(root) : '';
  const flavour: Flavour | null =
    name === 'rss' ? 'rss2' : name === 'rdf' ? 'rdf' : name === 'feed' ? 'atom' : null;
  if (!root || !flavour) {
    const what = name === 'html' ? 'an HTML page' : `"${bodyStart(doc.text)}"`;
    throw new SourceFormatError(
      `${sourceId}: ${doc.url} is not an RSS, RDF or Atom feed (got ${what}); check the feed URL in sources.json`,
    );
  }
  // The XML parser is lenient: a feed cut off mid-item parses into fewer items without an error, so
  // the root's closing tag must end the document (caching plugins may append comments after it).
  const closing = new RegExp(
    `</${root.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*>\\s*(?:<!--[\\s\\S]*?-->\\s*)*$`,
  );
  if (!closing.test(doc.text)) {
    throw new SourceFormatError(`${sourceId}: ${doc.url} ends before </${root.name}>: the feed is truncated`);
  }
  return { $, root, flavour };
}

function entryElements(root: Element, flavour: Flavour): Element[] {
  if (flavour === 'atom') return fields(root, 'entry');
  // RSS 2.0 keeps items inside <channel>, RSS 1.0 beside it; lenient feeds do either.
  const inChannel = fields(root, 'channel').flatMap((c) => fields(c, 'item'));
  return [...inChannel, ...fields(root, 'item')];
}

/** Atom text constructs say how to read them; RSS fields hold entity-escaped HTML. */
function readText($: cheerio.CheerioAPI, el: Element | undefined, flavour: Flavour): string {
  if (!el) return '';
  const type = (el.attribs.type ?? '').toLowerCase();
  if (type === 'xhtml') return htmlToText($(el).html() ?? '');
  if (flavour === 'atom' && (type === '' || type === 'text')) return cleanText($(el).text());
  return htmlToText($(el).text());
}

function readTitle($: cheerio.CheerioAPI, el: Element | undefined, flavour: Flavour): string {
  if (!el) return '';
  const type = (el.attribs.type ?? '').toLowerCase();
  return cleanLine(type === 'html' || type === 'xhtml' ? readText($, el, flavour) : $(el).text());
}

/** RSS `<link>text`, else an Atom-style `<link href>` that is the alternate (the page itself). */
function readLink($: cheerio.CheerioAPI, item: Element, base: string): string | null {
  const links = fields(item, 'link');
  for (const l of links) {
    const text = $(l).text().trim();
    if (text) return absoluteUrl(text, base);
  }
  const alternates = links.filter((l) => l.attribs.href && (!l.attribs.rel || l.attribs.rel === 'alternate'));
  const html = alternates.find((l) => !l.attribs.type || /html/i.test(l.attribs.type));
  const href = (html ?? alternates[0])?.attribs.href;
  if (href) return absoluteUrl(href, item.attribs['xml:base'] ?? base);
  const guid = fields(item, 'guid')[0];
  if (guid && guid.attribs.isPermaLink !== 'false') return absoluteUrl($(guid).text(), base);
  return absoluteUrl(item.attribs['rdf:about'], base);
}

function readId($: cheerio.CheerioAPI, item: Element): string | null {
  const el = fields(item, 'guid')[0] ?? fields(item, 'id')[0];
  return cleanLine(el ? $(el).text() : (item.attribs['rdf:about'] ?? '')) || null;
}

function readDate($: cheerio.CheerioAPI, item: Element): string | null {
  for (const name of DATE_FIELDS) {
    const el = fields(item, name)[0];
    const day = el ? kyivDay($(el).text()) : null;
    if (day) return day;
  }
  return null;
}

function readTags($: cheerio.CheerioAPI, item: Element): string[] {
  const raw = [...fields(item, 'category'), ...fields(item, 'dc:subject')].map(
    (c) => c.attribs.term ?? c.attribs.label ?? $(c).text(),
  );
  return [...new Set(raw.map(cleanLine).filter(Boolean))];
}

function toItem($: cheerio.CheerioAPI, item: Element, flavour: Flavour, base: string): RawItemInput | null {
  const url = readLink($, item, base);
  const full = readText($, fields(item, 'content:encoded')[0] ?? fields(item, 'content')[0], flavour);
  const text =
    full ||
    readText($, fields(item, 'description')[0] ?? fields(item, 'summary')[0], flavour).replace(
      EXCERPT_MORE,
      '',
    );
  // A feed item may come without a title (RSS 2.0 allows it): the text's first line is its headline.
  const title = readTitle($, fields(item, 'title')[0], flavour) || titleFromText(text);
  if (!url || !title) return null;
  return {
    url: itemUrl(url),
    title,
    text,
    publishedAt: readDate($, item),
    externalId: readId($, item),
    // Feeds declare one language for the whole channel, often the CMS default; extraction decides per item.
    lang: null,
    tags: readTags($, item),
  };
}

export function parseFeed(doc: FetchedDocument, sourceId: string): ListResult {
  const { $, root, flavour } = loadFeed(doc, sourceId);
  const items = entryElements(root, flavour)
    .map((el) => toItem($, el, flavour, doc.url))
    .filter((i): i is RawItemInput => i !== null);
  return { items, details: [], next: [] };
}

export function rssSource(entry: RssEntry): SourceDefinition {
  return {
    id: entry.id,
    name: entry.name,
    ...(entry.donor ? { donor: entry.donor } : {}),
    kind: 'rss',
    homepage: entry.homepage ?? new URL(entry.url).origin,
    verified: entry.verified === true,
    ...(entry.role ? { role: entry.role } : {}),
    ...(entry.enabled === false ? { enabled: false } : {}),
    minDelayMs: entry.minDelayMs ?? 2000,
    ...(entry.maxItems ? { maxItems: entry.maxItems } : {}),
    start: [
      {
        url: entry.url,
        method: 'GET',
        headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' },
      },
    ],
    parseList: (doc) => parseFeed(doc, entry.id),
  };
}
