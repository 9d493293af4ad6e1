// The generic sources file as editors write it: every mistake reported on one line naming the file,
// the entry and the field; ids checked against each other and against code-defined sources.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertUniqueSourceIds,
  BUNDLED_SOURCES_FILE,
  GenericSourcesError,
  loadGenericSources,
  toSourceDefinition,
  withGenericSources,
} from '../../src/sources/generic/load.ts';
import { GenericSourceEntry } from '../../src/sources/generic/schema.ts';
import type { SourceDefinition } from '../../src/sources/types.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'generic-sources-'));
let n = 0;

function file(content: unknown): string {
  const f = path.join(dir, `sources-${++n}.json`);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
}

function problems(content: unknown): string[] {
  const f = file(content);
  try {
    loadGenericSources(f);
  } catch (err) {
    expect(err).toBeInstanceOf(GenericSourcesError);
    return (err as Error).message.split('\n').map((line) => line.replace(`${f}: `, ''));
  }
  throw new Error('expected the file to be rejected');
}

const rss = { id: 'local-news', name: 'Місцеві новини', kind: 'rss', url: 'https://news.example.ua/feed/' };

describe('generic sources file', () => {
  it('loads the bundled file: a Telegram channel, an oblast page and a WordPress site', () => {
    const sources = loadGenericSources(BUNDLED_SOURCES_FILE);
    expect(sources.map((s) => [s.id, s.kind, s.verified])).toEqual([
      ['telegram-grantsua', 'html', false],
      ['lviv-oda-grants', 'html', false],
      ['chaszmin-grants', 'wordpress', false],
    ]);
    expect(sources.map((s) => s.start[0]!.url)).toEqual([
      'https://t.me/s/grantsua',
      'https://loda.gov.ua/grantovi-mozhlyvosti',
      'https://chaszmin.com.ua/wp-json/wp/v2/posts?per_page=5&search=%D0%B3%D1%80%D0%B0%D0%BD%D1%82&_fields=id,date,date_gmt,modified,link,title,content,excerpt',
    ]);
    expect(sources.find((s) => s.id === 'lviv-oda-grants')?.parseDetail).toBeTypeOf('function');
  });

  it('names the entry, its id and the field of every problem, one line each', () => {
    expect(
      problems({
        sources: [
          { id: 'Bad Id', name: 'X', kind: 'rss', url: 'ftp://news.example.ua/feed' },
          {
            id: 'oda',
            name: 'ОДА',
            kind: 'html',
            url: 'https://oda.example.ua/granty',
            selectors: { item: 'div[', title: 'h3' },
          },
          {
            id: 'wp',
            name: 'WP',
            kind: 'wordpress',
            site: 'https://wp.example.ua/wp-json/wp/v2',
            perPage: 0,
          },
          { id: 'atom', name: 'Atom', kind: 'atom', url: 'https://x.example.ua/atom' },
          { id: 'tg', name: 'TG', kind: 'telegram', channel: 'не канал', maxitems: 5 },
        ],
      }),
    ).toEqual([
      'sources[0] (id "Bad Id"): id: expected a lowercase id of letters, digits and dashes, e.g. "lviv-oda-grants" (it names the fixtures folder and the database key)',
      'sources[0] (id "Bad Id"): url: expected an absolute http(s) URL, e.g. "https://example.org/feed/"',
      'sources[1] (id "oda"): selectors.item: expected a valid CSS selector (cheerio could not parse it)',
      'sources[1] (id "oda"): selectors.link: is required',
      'sources[2] (id "wp"): site: expected the site root as an http(s) URL without query or /wp-json, e.g. "https://example.org"',
      'sources[2] (id "wp"): perPage: expected a whole number from 1 to 100',
      'sources[3] (id "atom"): kind: expected one of rss, wordpress, telegram, html (got "atom")',
      'sources[4] (id "tg"): channel: expected a public channel’s username, e.g. "grantsua" (from t.me/s/grantsua)',
      'sources[4] (id "tg"): unknown field "maxitems" (check the spelling)',
    ]);
  });

  it('says what is wrong with the file itself', () => {
    expect(problems({ source: [rss] })).toEqual([
      'file: sources: expected "sources": [ … ] holding the source entries',
      'file: unknown field "source" (check the spelling)',
    ]);
    expect(problems('{ "sources": [ ')[0]).toMatch(/^not valid JSON: /);
    expect(() => loadGenericSources(path.join(dir, 'missing.json'))).toThrow(
      /missing\.json: cannot read the generic sources file/,
    );
  });

  it('rejects two entries with one id', () => {
    expect(problems({ sources: [rss, { ...rss, url: 'https://other.example.ua/feed/' }] })).toEqual([
      'sources[1] (id "local-news"): id: "local-news" is already used by an earlier entry; pick another id',
    ]);
  });

  it('rejects an id a code-defined source already has', () => {
    const code = [{ id: 'prostir' }, { id: 'gurt' }] as SourceDefinition[];
    const f = file({ sources: [rss, { ...rss, id: 'prostir' }] });
    expect(() => withGenericSources(code, f)).toThrow(
      `${f}: sources[1] (id "prostir"): id: "prostir" is already used by a source defined in code; pick another id`,
    );
    expect(() => assertUniqueSourceIds(code, [{ id: 'local-news' }], f)).not.toThrow();
    expect(withGenericSources(code, file({ sources: [rss] })).map((s) => s.id)).toEqual([
      'prostir',
      'gurt',
      'local-news',
    ]);
  });

  it('accepts a channel written as @name or a t.me link', () => {
    for (const channel of ['@grantsua', 'https://t.me/s/grantsua', 't.me/grantsua', 'grantsua']) {
      const entry = GenericSourceEntry.parse({ id: 'tg', name: 'TG', kind: 'telegram', channel });
      expect(toSourceDefinition(entry).start[0]!.url).toBe('https://t.me/s/grantsua');
    }
  });

  it('maps kinds and keeps verified false unless the entry says true', () => {
    const def = (input: Record<string, unknown>) => toSourceDefinition(GenericSourceEntry.parse(input));
    const tg = def({ id: 'tg', name: 'TG', kind: 'telegram', channel: 'grantsua', donor: 'Фонд' });
    expect([tg.kind, tg.verified, tg.donor, tg.maxPages, tg.homepage]).toEqual([
      'html',
      false,
      'Фонд',
      2,
      'https://t.me/s/grantsua',
    ]);
    const feed = def({ ...rss, verified: true, maxItems: 40 });
    expect([feed.kind, feed.verified, feed.maxItems, feed.homepage]).toEqual([
      'rss',
      true,
      40,
      'https://news.example.ua',
    ]);
    const wp = def({ id: 'wp', name: 'WP', kind: 'wordpress', site: 'https://wp.example.ua/' });
    expect([wp.kind, wp.maxPages, wp.homepage, wp.start[0]!.url]).toEqual([
      'wordpress',
      2,
      'https://wp.example.ua/',
      'https://wp.example.ua/wp-json/wp/v2/posts?per_page=20&_fields=id,date,date_gmt,modified,link,title,content,excerpt',
    ]);
    const page = def({
      id: 'oda',
      name: 'ОДА',
      kind: 'html',
      url: 'https://oda.example.ua/granty',
      selectors: { item: '.item', title: 'h3', link: 'h3 a' },
      enabled: false,
    });
    expect([page.kind, page.enabled, page.parseDetail, page.homepage]).toEqual([
      'html',
      false,
      undefined,
      'https://oda.example.ua/granty',
    ]);
  });
});
