// The UNDP Ukraine adapter: the grants listing links to announcements in Ukrainian and English; each
// announcement page gives its own date (not a related card's), its language by address, and the text
// without photo credits; Akamai's "Access Denied" served with 200 is an error.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';
import adapter, { canonicalUndpUrl, parseUndpDate } from '../../src/sources/undp-ukraine.ts';

const DIR = new URL('../../fixtures/sources/undp-ukraine/', import.meta.url);
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

function loadCase(name: string) {
  const meta = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8'));
  const file = readdirSync(DIR).find((f) => f.startsWith(`${name}.`) && !f.endsWith('.expected.json'))!;
  const doc: FetchedDocument = {
    url: meta.url,
    status: 200,
    contentType: meta.contentType,
    text: readFileSync(new URL(file, DIR), 'utf8'),
  };
  return { meta, doc };
}

function page(html: string, url = 'https://www.undp.org/uk/ukraine/grants'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=UTF-8', text: html };
}

const LINK: DetailLink = {
  url: 'https://www.undp.org/uk/ukraine/news/test-call',
  hint: { title: 'Конкурс', externalId: 'test-call', lang: 'uk' },
};

describe('undp-ukraine', () => {
  it('starts with the Ukrainian grants listing and names UNDP as the donor', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://www.undp.org/uk/ukraine/grants']);
    expect(adapter.donor).toBe('UNDP');
    expect(adapter.maxPages).toBe(1);
  });

  it.each(CASES)('parses the %s fixture as a careful reader would', (name) => {
    const { meta, doc } = loadCase(name);
    if (meta.parser === 'list') {
      const result = adapter.parseList(doc);
      expect(result.items.map((i) => RawItem.parse(i))).toEqual(meta.expected.items);
      expect(result.details ?? []).toEqual(meta.expected.details);
      expect(result.next ?? []).toEqual(meta.expected.next);
    } else {
      expect(RawItem.parse(adapter.parseDetail!(doc, meta.link))).toEqual(meta.expected);
    }
  });

  it('has a detail case for every announcement the listing links to, the featured copy counted once', () => {
    const served = CASES.map((c) => loadCase(c).meta.url);
    const details = adapter.parseList(loadCase('list').doc).details ?? [];
    expect(details).toHaveLength(4);
    for (const link of details) expect(served).toContain(link.url);
  });

  it('keeps related cards’ dates, photo credits and share links out of the item', () => {
    for (const name of CASES.filter((c) => c.startsWith('detail-'))) {
      const { meta, doc } = loadCase(name);
      const item = RawItem.parse(adapter.parseDetail!(doc, meta.link));
      expect(item.text).not.toMatch(/Фото:|Photo:|Поділитися|Share|Пов’язані|Related/);
      expect(item.publishedAt).not.toMatch(/^2026-11-(10|02|05)$|^2026-10-21$/);
    }
  });

  it.each([
    ['17 квітня 2025', '2025-04-17'],
    ['April 29, 2025', '2025-04-29'],
    ['29 April 2025', '2025-04-29'],
    ['31 червня 2026', null],
    ['Оновлено нещодавно', null],
  ])('reads the date %s', (text, expected) => {
    expect(parseUndpDate(text)).toBe(expected);
  });

  it.each([
    [
      'https://www.undp.org/uk/ukraine/news/some-call?utm_source=ukraine-home#apply',
      'https://www.undp.org/uk/ukraine/news/some-call',
    ],
    ['http://undp.org/ukraine/news/some-call/', 'https://www.undp.org/ukraine/news/some-call'],
    ['https://www.undp.org/uk/ukraine/grants?page=1', 'https://www.undp.org/uk/ukraine/grants'],
    ['https://www.undp.org/moldova/news/some-call', null],
    ['https://procurement-notices.undp.org/view_notice.cfm?notice_id=1', null],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalUndpUrl(url)).toBe(expected);
  });

  it('takes the language from the address: /uk/ukraine/ is Ukrainian, /ukraine/ English', () => {
    const langs = (adapter.parseList(loadCase('list').doc).details ?? []).map((d) => d.hint.lang);
    expect(langs).toEqual(['uk', 'en', 'uk', 'uk']);
  });

  it('returns no next page when the pager has none', () => {
    const html = `<html><body><div class="content-card"><a href="/uk/ukraine/news/a"><h6>Новини</h6><h5>Новина</h5></a></div>
      <nav class="pager"><ul><li class="pager__item is-active"><a href="?page=0">1</a></li></ul></nav></body></html>`;
    expect(adapter.parseList(page(html)).next).toEqual([]);
  });

  it('throws SourceFormatError for Akamai’s "Access Denied" served with 200', () => {
    const html = `<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>
      You don't have permission to access "http://www.undp.org/uk/ukraine/grants" on this server.<P>
      Reference #18.6f7e1402.1763600000.2b3c4d5</BODY></HTML>`;
    expect(() => adapter.parseList(page(html))).toThrow(/Access Denied/);
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(SourceFormatError);
  });

  it('throws SourceFormatError naming the selector when the cards are gone', () => {
    const html =
      '<html><body><div class="card-grid"><a href="/uk/ukraine/news/a">Новина</a></div></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/\.content-card a\[href\]/);
  });

  it('leaves publishedAt null when the page states no date', () => {
    const html = `<html lang="uk"><body><main><article><h1>Конкурс</h1><div class="article-content"><p>Текст.</p></div></article></main></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), LINK));
    expect(item).toMatchObject({ publishedAt: null, text: 'Текст.', lang: 'uk' });
  });
});
