// The decentralization.gov.ua adapter: the tag page yields links to article pages, each article page
// one item; the sidebar's dates stay out, the oblast/hromada lines stay in.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalNewsUrl } from '../../src/sources/decentralization.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/decentralization/', import.meta.url);
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

function page(html: string, url = 'https://decentralization.gov.ua/news/tag/hrant'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=utf-8', text: html };
}

const LINK: DetailLink = { url: 'https://decentralization.gov.ua/news/30001', hint: { externalId: '30001' } };

describe('decentralization', () => {
  it('starts with the «грант» tag page', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://decentralization.gov.ua/news/tag/hrant']);
  });

  it.each(CASES)('parses the %s fixture as a careful reader would', (name) => {
    const { meta, doc } = loadCase(name);
    if (meta.parser === 'list') {
      const result = adapter.parseList(doc);
      expect(result.items.map((i) => RawItem.parse(i))).toEqual(meta.expected.items);
      expect(result.details ?? []).toEqual(meta.expected.details);
    } else {
      expect(RawItem.parse(adapter.parseDetail!(doc, meta.link))).toEqual(meta.expected);
    }
  });

  it('has a detail case for every article the list links to', () => {
    const { doc } = loadCase('list');
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const link of adapter.parseList(doc).details ?? []) expect(served).toContain(link.url);
  });

  it('keeps the sidebar’s dates and headlines out of the article text', () => {
    for (const name of CASES.filter((c) => c.startsWith('detail-'))) {
      const { meta, doc } = loadCase(name);
      const text = adapter.parseDetail!(doc, meta.link)!.text!;
      expect(text).not.toMatch(/19 листопада 2026|15 грудня 2025|31 липня 2025|Останні новини|гарячої лінії/);
    }
  });

  it.each([
    ['https://decentralization.gov.ua/news/21456', 'https://decentralization.gov.ua/news/21456'],
    ['https://decentralization.gov.ua/news/21456?page=3', 'https://decentralization.gov.ua/news/21456'],
    ['http://decentralization.ua/news/21456', 'https://decentralization.gov.ua/news/21456'],
    ['https://www.decentralization.ua/en/news/21456', 'https://decentralization.gov.ua/news/21456'],
    [
      'https://www.decentralization.ua/en/news/21456.amp?page=2',
      'https://decentralization.gov.ua/news/21456',
    ],
    ['https://decentralization.gov.ua/news/tag/hrant', null],
    ['https://example.org/news/21456', null],
    ['not a url', null],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalNewsUrl(url)).toBe(expected);
  });

  it('reads numeric, Ukrainian and English list dates and leaves others null', () => {
    const item = (date: string, id: number) =>
      `<div class='one-article'><a class="one-article__title" href="/news/${id}">Новина ${id}</a><div class='one-article__date'>${date}</div></div>`;
    const html = `<html><body>${item('5 березня 2027', 1)}${item('05.03.2027', 2)}${item('5 March 2027', 3)}${item('вчора', 4)}</body></html>`;
    const dates = (adapter.parseList(page(html)).details ?? []).map((d) => d.hint.publishedAt);
    expect(dates).toEqual(['2027-03-05', '2027-03-05', '2027-03-05', null]);
  });

  it('throws SourceFormatError naming the selector when the list layout changed', () => {
    const html = '<html><body><div class="news-card"><a href="/news/1">Новина</a></div></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/div\.one-article/);
  });

  it('falls back to og:description when the article has no known body container', () => {
    const html = `<html lang="uk"><head><meta property="og:description" content="Фонд оголошує конкурс&nbsp;для громад."/></head>
      <body><article><h1>Конкурс для громад</h1><div class="new-layout">Повний текст</div>
      <div>Область: <a>Львівська область</a></div></article>
      <aside class="sidebar"><div>Область: <a>Київська область</a></div><div>19 листопада 2026</div></aside></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), LINK));
    expect(item.title).toBe('Конкурс для громад');
    expect(item.text).toBe('Фонд оголошує конкурс для громад.\n\nОбласть: Львівська область');
    expect(item.publishedAt).toBeNull();
    expect(item.url).toBe('https://decentralization.gov.ua/news/30001');
  });

  it('keeps only the innermost block a label line starts, however its start is written', () => {
    const zw = '\u200b'.repeat(80);
    const html = `<html lang="uk"><body><article><h1>Конкурс</h1><div class="article-text"><p>Текст.</p></div>
      <div class="meta"><div>Область： <span>Волинська область</span></div>
      <section><div>${zw}Громада: <a>Ковельська</a></div></section>
      <div>Про конкурс читайте далі, а нижче — перелік. Область: Рівненська область</div>
      <div>Теги: <a>грант</a>, <a>Культура</a></div></div></article></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), LINK));
    // A fullwidth colon and a run of zero-width spaces clean away; a label mid-sentence is no label.
    expect(item.text).toBe('Текст.\n\nОбласть: Волинська область\n\nГромада: Ковельська');
    expect(item.tags).toEqual(['грант', 'Культура']);
  });

  it('throws SourceFormatError for an article page with neither body nor lead', () => {
    const html = '<html><body><h1>Сторінку не знайдено</h1></body></html>';
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(SourceFormatError);
  });
});
