// The config format for sources defined without code (src/sources/generic/sources.json): one zod
// schema per kind — any feed, any WordPress site, a public Telegram channel, any HTML list page.
//
// { "sources": [
//   { "id": "rivne-gazeta", "name": "Рівне вечірнє", "kind": "rss", "url": "https://…/category/granty/feed/" },
//   { "id": "ngo-site", "name": "ГО …", "kind": "wordpress", "site": "https://ngo.example.ua",
//     "categories": [12], "search": "грант", "postType": "posts", "perPage": 20, "maxPages": 2 },
//   { "id": "telegram-grantsua", "name": "Гранти для громад", "kind": "telegram", "channel": "grantsua" },
//   { "id": "lviv-oda-grants", "name": "Львівська ОВА", "kind": "html", "url": "https://loda.gov.ua/…",
//     "selectors": { "item": ".news-item", "title": "h3 a", "link": "h3 a", "date": ".date",
//       "dateFormat": "dd.mm.yyyy", "teaser": ".lead", "body": ".article", "next": "a.next" },
//     "encoding": "windows-1251" } ] }
// Every kind also takes donor, role, homepage, verified, enabled, minDelayMs, maxItems and note.
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { z } from 'zod';

export const GENERIC_KINDS = ['rss', 'wordpress', 'telegram', 'html'] as const;

const Id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'expected a lowercase id of letters, digits and dashes, e.g. "lviv-oda-grants" (it names the fixtures folder and the database key)',
  );

const Name = z.string().trim().min(1, 'expected the source’s name as editors know it');

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const HttpUrl = z
  .string()
  .trim()
  .refine(isHttpUrl, 'expected an absolute http(s) URL, e.g. "https://example.org/feed/"');

/**
 * The WordPress root: usually the origin ("https://example.org"), a path only for sites installed in a
 * folder or per language ("https://pl-ua.eu/en"). The trailing slash is dropped.
 */
const WordPressSite = z
  .string()
  .trim()
  .refine((v) => {
    if (!isHttpUrl(v)) return false;
    const u = new URL(v);
    return !u.search && !u.hash && !u.pathname.includes('/wp-json');
  }, 'expected the site root as an http(s) URL without query or /wp-json, e.g. "https://example.org"')
  .transform((v) => v.replace(/\/+$/, ''));

function isSelector(value: string): boolean {
  try {
    cheerio.load('')(value);
    return true;
  } catch {
    return false;
  }
}

const Selector = z
  .string()
  .trim()
  .min(1, 'expected a CSS selector')
  .refine(isSelector, 'expected a valid CSS selector (cheerio could not parse it)');

const Count = (max: number) =>
  z
    .number({ error: `expected a whole number from 1 to ${max}` })
    .int(`expected a whole number from 1 to ${max}`)
    .min(1, `expected a whole number from 1 to ${max}`)
    .max(max, `expected a whole number from 1 to ${max}`);

/** Fields every kind accepts. `note` is the editors' comment: JSON has no comments of its own. */
const Common = {
  id: Id,
  name: Name,
  /** Set when the whole source is one donor (an oblast administration's own competitions). */
  donor: z.string().trim().min(1, 'expected the donor’s name').optional(),
  /** donor (the donor's own site), aggregator (relays many donors' calls) or news (reposts). */
  role: z.enum(['donor', 'aggregator', 'news'], { error: 'expected donor, aggregator or news' }).optional(),
  /** The public page people read (reports, the catalogue's footer). */
  homepage: HttpUrl.optional(),
  /** true only once someone has checked the entry against the live site. */
  verified: z.boolean().optional(),
  enabled: z.boolean().optional(),
  minDelayMs: z.number().int().min(0).max(600_000, 'expected at most 600000 ms').optional(),
  maxItems: Count(1000).optional(),
  note: z.string().optional(),
};

export const RssEntry = z.strictObject({
  ...Common,
  kind: z.literal('rss'),
  /** An RSS 2.0, RSS 1.0 (RDF) or Atom feed. */
  url: HttpUrl,
});

export const WordPressEntry = z.strictObject({
  ...Common,
  kind: z.literal('wordpress'),
  site: WordPressSite,
  categories: z
    .array(z.number().int().positive(), { error: 'expected a list of category ids, e.g. [12, 45]' })
    .min(1, 'expected at least one category id (or leave the field out)')
    .optional(),
  search: z.string().trim().min(1, 'expected a search word (or leave the field out)').optional(),
  /** `posts`, `pages` or a custom post type's REST base (e.g. `grants`). */
  postType: z
    .string()
    .regex(/^[a-z0-9_-]+$/, 'expected a REST base such as "posts", "pages" or "grants"')
    .default('posts'),
  perPage: Count(100).default(20),
  maxPages: Count(20).default(2),
});

/** "grantsua", "@grantsua", "t.me/grantsua" and "https://t.me/s/grantsua" all name the channel grantsua. */
const Channel = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .trim()
          .replace(/^(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me)\/(?:s\/)?/i, '')
          .replace(/^@/, '')
          .replace(/[/?#].*$/, '')
      : v,
  z
    .string({ error: 'expected a public channel’s username, e.g. "grantsua" (from t.me/s/grantsua)' })
    .regex(
      /^[A-Za-z][A-Za-z0-9_]{3,31}$/,
      'expected a public channel’s username, e.g. "grantsua" (from t.me/s/grantsua)',
    ),
);

export const TelegramEntry = z.strictObject({
  ...Common,
  kind: z.literal('telegram'),
  channel: Channel,
  maxPages: Count(20).default(2),
});

export const DATE_FORMATS = ['dd.mm.yyyy', 'uk-long', 'iso'] as const;

export const HtmlSelectors = z.strictObject({
  /** One element per listed item; the other selectors are looked up inside it. */
  item: Selector,
  title: Selector,
  /** An <a href> (or an element holding one). May equal `title`. */
  link: Selector,
  /** The publication date shown in the list (never a deadline column). */
  date: Selector.optional(),
  dateFormat: z.enum(DATE_FORMATS, { error: `expected one of ${DATE_FORMATS.join(', ')}` }).optional(),
  teaser: Selector.optional(),
  /** The article body on the item's own page: when given, every same-site item is read from it. */
  body: Selector.optional(),
  /** The link to the next (older) list page, followed up to `maxPages`. */
  next: Selector.optional(),
});

export const HtmlEntry = z.strictObject({
  ...Common,
  kind: z.literal('html'),
  url: HttpUrl,
  selectors: HtmlSelectors,
  /** The site's real charset, for servers whose Content-Type or <meta> declare a wrong one. */
  encoding: z
    .string()
    .trim()
    .refine((v) => iconv.encodingExists(v), 'expected a charset name iconv-lite knows, e.g. "windows-1251"')
    .optional(),
  maxPages: Count(20).default(1),
});

export const GenericSourceEntry = z.discriminatedUnion(
  'kind',
  [RssEntry, WordPressEntry, TelegramEntry, HtmlEntry],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
      const got = kind === undefined ? 'missing' : `got ${JSON.stringify(kind)}`;
      return `expected one of ${GENERIC_KINDS.join(', ')} (${got})`;
    },
  },
);

export const GenericSourcesFile = z.strictObject({
  $schema: z.string().optional(),
  note: z.string().optional(),
  sources: z.array(GenericSourceEntry, { error: 'expected "sources": [ … ] holding the source entries' }),
});

export type GenericSourceEntry = z.infer<typeof GenericSourceEntry>;
export type GenericSourceInput = z.input<typeof GenericSourceEntry>;
export type RssEntry = z.infer<typeof RssEntry>;
export type WordPressEntry = z.infer<typeof WordPressEntry>;
export type TelegramEntry = z.infer<typeof TelegramEntry>;
export type HtmlEntry = z.infer<typeof HtmlEntry>;
