// The ednannia.ua adapter against windows-1251 Joomla pages: a full first list page implies a
// second (`?start=10`), article pages carry a menu, a pager and a sidebar that stay out of the text.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalArticleUrl } from '../../src/sources/ednannia.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/ednannia/', import.meta.url);
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

function loadCase(name: string) {
  const meta = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8'));
  const file = readdirSync(DIR).find((f) => f.startsWith(`${name}.`) && !f.endsWith('.expected.json'))!;
  const charset = /charset=([\w-]+)/i.exec(meta.contentType)?.[1] ?? 'utf-8';
  const bytes = readFileSync(new URL(file, DIR));
  const doc: FetchedDocument = {
    url: meta.url,
    status: 200,
    contentType: meta.contentType,
    text: iconv.decode(bytes, charset),
  };
  return { meta, doc, bytes };
}

const LIST = 'https://ednannia.ua/tryvaiut-hrantovi-konkursy';

function page(html: string, url = LIST): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=utf-8', text: html };
}

function items(n: number, from = 1): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `<div class="item column-1"><h2><a href="/tryvaiut-hrantovi-konkursy/${from + i}-konkurs">Конкурс ${from + i}</a></h2><p>Опис</p></div>`,
  ).join('');
}

const LINK: DetailLink = {
  url: `${LIST}/3000-testovyi-konkurs`,
  hint: { title: 'Тестовий конкурс', externalId: '3000' },
};

describe('ednannia', () => {
  it('starts with the «Тривають грантові конкурси» page and reads two list pages', () => {
    expect(adapter.start.map((r) => r.url)).toEqual([LIST]);
    expect(adapter.donor).toBe('ІСАР Єднання');
    expect(adapter.maxPages).toBe(2);
  });

  it('has windows-1251 fixtures declared as such, not UTF-8', () => {
    for (const name of CASES) {
      const { meta, bytes } = loadCase(name);
      expect(meta.contentType).toBe('text/html; charset=windows-1251');
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    }
  });

  it.each(CASES)('parses the %s fixture as a careful reader would', (name) => {
    const { meta, doc } = loadCase(name);
    if (meta.parser === 'list') {
      const result = adapter.parseList(doc);
      expect(result.items).toEqual([]);
      expect(result.details ?? []).toEqual(meta.expected.details);
      expect(result.next ?? []).toEqual(meta.expected.next);
    } else {
      expect(RawItem.parse(adapter.parseDetail!(doc, meta.link))).toEqual(meta.expected);
    }
  });

  it('has a case for every article and list page a run requests', () => {
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const name of ['list', 'list-start-10']) {
      const result = adapter.parseList(loadCase(name).doc);
      for (const link of result.details ?? []) expect(served).toContain(link.url);
      for (const next of result.next ?? []) expect(served).toContain(next.url);
    }
  });

  it('reads only the list’s items, not the menu that links the same contests', () => {
    const { doc } = loadCase('list');
    expect(doc.text).toContain('nav-child');
    expect(adapter.parseList(doc).details).toHaveLength(10);
  });

  it('keeps the sidebar, pager and article info out of an article’s text', () => {
    for (const name of CASES.filter((c) => c.startsWith('article-'))) {
      const { meta, doc } = loadCase(name);
      const text = adapter.parseDetail!(doc, meta.link)!.text!;
      expect(text).not.toMatch(
        /19\.11\.2026|Гаряча лінія|Наступна|Попередня|Переглядів|Опубліковано|Категорія/,
      );
    }
  });

  it('counts the next offset from the page it is on: a full ?start=10 page leads to ?start=20', () => {
    const result = adapter.parseList(page(`<html><body>${items(10, 11)}</body></html>`, `${LIST}?start=10`));
    expect(result.next).toEqual([{ url: `${LIST}?start=20`, method: 'GET' }]);
  });

  it('follows Joomla’s own next link when the template renders pagination', () => {
    const html = `<html><body>${items(12)}<ul><li class="pagination-next"><a href="/tryvaiut-hrantovi-konkursy?start=12&amp;Itemid=103">Наступна</a></li></ul></body></html>`;
    expect(adapter.parseList(page(html)).next).toEqual([{ url: `${LIST}?start=12`, method: 'GET' }]);
  });

  it('treats an empty page past the last as the end, but an empty first page as a changed layout', () => {
    const empty = '<html><body><div class="blog"><div class="newsflash"></div></div></body></html>';
    expect(adapter.parseList(page(empty, `${LIST}?start=10`))).toEqual({ items: [], details: [], next: [] });
    expect(() => adapter.parseList(page(empty))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(empty))).toThrow(/div\.item\.column-1/);
  });

  it.each([
    [`${LIST}/2231-sylni-hromady`, `${LIST}/2231-sylni-hromady`],
    [
      'http://www.ednannia.ua/tryvaiut-hrantovi-konkursy/2231-sylni-hromady?Itemid=103#form',
      `${LIST}/2231-sylni-hromady`,
    ],
    [
      'https://ednannia.ua/uk/tryvaiut-hrantovi-konkursy/2231-sylni-hromady.html',
      `${LIST}/2231-sylni-hromady`,
    ],
    ['https://ednannia.ua/novyny/2234-forum', null],
    [LIST, null],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalArticleUrl(url)).toBe(expected);
  });

  it('uses the whole last segment as the id when the site hides article ids', () => {
    const html =
      '<html><body><div class="item column-1"><h2><a href="/tryvaiut-hrantovi-konkursy/sylni-hromady?Itemid=103">Сильні громади</a></h2></div></body></html>';
    expect(adapter.parseList(page(html)).details).toEqual([
      { url: `${LIST}/sylni-hromady`, hint: { title: 'Сильні громади', externalId: 'sylni-hromady' } },
    ]);
  });

  it('falls back to the meta description when an article has no Joomla body', () => {
    const html = `<html lang="uk-ua"><head><meta name="description" content="Конкурс для громад&nbsp;Полтавщини." /></head>
      <body><div class="content"><h1>Тестовий конкурс</h1></div></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), LINK));
    expect(item).toMatchObject({
      title: 'Тестовий конкурс',
      text: 'Конкурс для громад Полтавщини.',
      lang: 'uk',
    });
  });

  it('throws SourceFormatError for an article page with neither body nor description', () => {
    const html = '<html><body><h1>404 - Статтю не знайдено</h1></body></html>';
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(SourceFormatError);
  });
});
