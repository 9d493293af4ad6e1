// decentralization.gov.ua: news tagged «грант». The tag page lists title, date and tag per article;
// the announcement itself is read from the article page.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine, cleanText, isoDate, parseNumericDate } from '../calls/text.ts';
import { type AnyNode, absoluteUrl, htmlToText, loadHtml, pageLang, textStart } from './html.ts';
import {
  type DetailLink,
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
} from './types.ts';

const SITE = 'https://decentralization.gov.ua';
const LIST_URL = `${SITE}/news/tag/hrant`;

/** The hook another project's parser relied on; its absence means the layout changed. */
const ITEM = 'div.one-article';
/** Candidates for the article body (the real container is not confirmed); the first in the page wins. */
const BODY = [
  '.article-text',
  '.news-article__text',
  '.news-text',
  '.article__text',
  '.article-body',
  '[itemprop="articleBody"]',
];
/** Site chrome: the sidebar lists other articles with their dates, which must not reach the text. */
const CHROME =
  'script, style, noscript, template, iframe, aside, .sidebar, nav, body > header, body > footer, header.header, footer.footer, .breadcrumbs, .share';
/** Article footer blocks worth keeping in the text: they name the oblasts, hromadas and original source. */
const PLACE_BLOCK =
  /^(Область|Області|Громад[аи]|Джерело|Regions?|Oblasts?|Hromadas?|Communities|Source)\s*:\s*\S/i;
const TAGS_BLOCK = /^(Теги|Tags)\s*:/i;
const BLOCKS = 'div, p, li, dd, section, span';
/**
 * Visible characters read from the start of a block's text. A label above, its colon and the first
 * character of its value take at most 16 once cleaned; 64 leave room for cleaning's folding, which
 * merges at most four characters into one (𝐃 → D, е + ̆ → й).
 */
const LEAD_CHARS = 64;

const MONTHS = new Map<string, number>([
  ...'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня'
    .split(' ')
    .map((m, i) => [m, i + 1] as const),
  // The English pages carry English dates ("18 July 2025").
  ...'january february march april may june july august september october november december'
    .split(' ')
    .map((m, i) => [m, i + 1] as const),
]);

/** "20 листопада 2026", "20 November 2026" or "20.11.2026" → "2026-11-20"; null otherwise. */
function parseDate(text: string): string | null {
  const t = cleanLine(text).toLowerCase();
  const m = /(\d{1,2})\s+([a-zа-яіїєґ]+)\s+(\d{4})/u.exec(t);
  const month = m ? MONTHS.get(m[2]!) : undefined;
  if (m && month) return isoDate(Number(m[3]), month, Number(m[1]));
  return parseNumericDate(t);
}

/**
 * Every variant of an article's address (decentralization.ua, www., /en/, .amp, stray ?page=N)
 * → https://decentralization.gov.ua/news/<id>; null for anything that is not an article.
 */
export function canonicalNewsUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^(?:www\.)?decentralization\.(?:gov\.)?ua$/i.test(u.hostname)) return null;
  const m = /^\/(?:(?:en|uk|ru)\/)?news\/(\d+)(?:\.amp)?\/?$/i.exec(u.pathname);
  return m ? `${SITE}/news/${m[1]}` : null;
}

function newsId(url: string | null): string | null {
  return url ? (/\/news\/(\d+)$/.exec(url)?.[1] ?? null) : null;
}

/** Case-insensitively unique, first spelling wins ("Грант" from the list, "грант" from the page). */
function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.map(cleanLine).filter((t) => {
    const key = t.toLowerCase();
    if (!t || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface ListEntry {
  href: string | undefined;
  title: string;
  date: string;
  tags: string[];
}

function listEntries($: cheerio.CheerioAPI): ListEntry[] {
  return $(ITEM)
    .toArray()
    .map((el) => {
      const article = $(el);
      const title = article.find('a.one-article__title').first();
      return {
        href: title.attr('href'),
        title: title.text(),
        date: article.find('.one-article__date').first().text(),
        tags: article
          .find('a.one-article__tag')
          .toArray()
          .map((t) => $(t).text()),
      };
    });
}

function toLink(entry: ListEntry, base: string): DetailLink | null {
  const title = cleanLine(entry.title);
  const href = absoluteUrl(entry.href, base);
  if (!title || !href) return null;
  const url = canonicalNewsUrl(href) ?? href;
  return {
    url,
    hint: {
      title,
      publishedAt: parseDate(entry.date),
      tags: uniqueTags(entry.tags),
      externalId: newsId(url),
    },
  };
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  const entries = listEntries($);
  if (entries.length === 0) {
    throw new SourceFormatError(
      `decentralization: ${doc.url} has no ${ITEM} items; the list layout changed or this is not a list page`,
    );
  }
  const details = new Map<string, DetailLink>();
  for (const link of entries.map((e) => toLink(e, doc.url))) {
    if (link && !details.has(link.url)) details.set(link.url, link);
  }
  return { items: [], details: [...details.values()] };
}

interface Block {
  el: AnyNode;
  /** The start of the block's text, cleaned; '' when it cannot start with a label. */
  lead: string;
}

/**
 * Every block with the start of its text, read once for all labels and never whole: a block's
 * text can be the page's.
 */
function blocks($: cheerio.CheerioAPI): Block[] {
  return $(BLOCKS)
    .toArray()
    .map((el) => {
      const start = textStart(el, LEAD_CHARS);
      // Every label ends in a colon (a fullwidth one folds into it): without one, no need to clean.
      return { el, lead: /[:\uff1a]/.test(start) ? cleanLine(start) : '' };
    });
}

/** The innermost blocks whose text starts with a label, e.g. "Область: Львівська область". */
function labelled(all: Block[], label: RegExp): AnyNode[] {
  const matched = all.filter((b) => label.test(b.lead)).map((b) => b.el);
  // A matching block that contains another matching block is not innermost.
  const outer = new Set<AnyNode>();
  for (const el of matched) for (let p = el.parent; p; p = p.parent) outer.add(p);
  return matched.filter((el) => !outer.has(el));
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  $(CHROME).remove();
  const body = $(BODY.join(', ')).first();
  const lead = $('meta[property="og:description"]').attr('content');
  if (body.length === 0 && !lead) {
    throw new SourceFormatError(
      `decentralization: ${doc.url} has no article body (${BODY[0]}) and no og:description; the article layout changed`,
    );
  }
  const pageBlocks = blocks($);
  const places = labelled(pageBlocks, PLACE_BLOCK)
    .filter((el) => body.length === 0 || !$.contains(body[0]!, el))
    .map((el) => cleanLine($(el).text()));
  // Without a body container only the lead survives: the og:description meta tag.
  const main = body.length ? htmlToText(body) : cleanText(lead ?? '');
  const pageTags = $(labelled(pageBlocks, TAGS_BLOCK))
    .find('a')
    .toArray()
    .map((a) => $(a).text());

  const url = canonicalNewsUrl(link.url) ?? canonicalNewsUrl(doc.url) ?? link.url;
  const title =
    cleanLine($('article h1').first().text()) ||
    cleanLine($('h1').first().text()) ||
    link.hint.title ||
    cleanLine($('meta[property="og:title"]').attr('content') ?? '');
  if (!title) throw new SourceFormatError(`decentralization: ${doc.url} has no article title`);
  return {
    url,
    title,
    text: [main, ...places].filter(Boolean).join('\n\n'),
    publishedAt:
      link.hint.publishedAt ?? parseDate($('article [class*="date"], article time').first().text()),
    externalId: link.hint.externalId ?? newsId(url),
    lang: pageLang($),
    tags: uniqueTags([...(link.hint.tags ?? []), ...pageTags]),
  };
}

const decentralization: SourceDefinition = {
  id: 'decentralization',
  name: 'Децентралізація',
  kind: 'html',
  role: 'news',
  homepage: LIST_URL,
  // No real page was available: the list hooks (one-article, __title, __date, __tag) come from
  // another project's regexes, the article page's body container is a guess with an
  // og:description fallback.
  verified: false,
  minDelayMs: 3000,
  maxItems: 30,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
  parseDetail,
};

export default decentralization;
