// The irf.ua adapter: two list pages (running contests → their pages, finished ones kept from the
// list with their closing date and status), contest pages with a sidebar of other dates.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalContestUrl, parseClosingDate } from '../../src/sources/irf.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/irf/', import.meta.url);
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

function loadCase(name: string) {
  const meta = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8'));
  const file = readdirSync(DIR).find((f) => f.startsWith(`${name}.`) && !f.endsWith('.expected.json'))!;
  const charset = /charset=([\w-]+)/i.exec(meta.contentType)?.[1] ?? 'utf-8';
  const doc: FetchedDocument = {
    url: meta.url,
    status: 200,
    contentType: meta.contentType,
    text: iconv.decode(readFileSync(new URL(file, DIR)), charset),
  };
  return { meta, doc };
}

function page(html: string, url = 'https://www.irf.ua/grants/contests/'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=UTF-8', text: html };
}

function card(slug: string, status: string, extraClass = '') {
  return `<div class="grid-2 grant-excerpt${extraClass}"><a href="https://www.irf.ua/contest/${slug}/">
    <div class="grant-excerpt--top"><time class="date">ЗАВЕРШЕННЯ КОНКУРСУ: 01.02, 2027</time><h2 class="title">Конкурс ${slug}</h2></div>
    <div class="grant-excerpt--bottom"><div class="grant-meta">Статус конкурсу: <strong>${status}</strong></div><p>Опис.</p></div></a></div>`;
}

const LINK: DetailLink = {
  url: 'https://www.irf.ua/contest/test-contest/',
  hint: { title: 'Тестовий конкурс', deadline: '2027-02-01', statusHint: 'триває' },
};

describe('irf', () => {
  it('starts with the contests page, is one donor and reads two list pages', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://www.irf.ua/grants/contests/']);
    expect(adapter.donor).toBe('Міжнародний фонд «Відродження»');
    expect(adapter.maxPages).toBe(2);
    expect(adapter.verified).toBe(false);
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

  it('has a case for every contest page and list page a run requests', () => {
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const name of ['list-page-1', 'list-page-2']) {
      const result = adapter.parseList(loadCase(name).doc);
      for (const link of result.details ?? []) expect(served).toContain(link.url);
      for (const next of result.next ?? []) expect(served).toContain(next.url);
    }
  });

  it('keeps the sidebar’s news dates and the related contests out of a contest’s text', () => {
    for (const name of CASES.filter((c) => c.startsWith('contest-'))) {
      const { meta, doc } = loadCase(name);
      const text = adapter.parseDetail!(doc, meta.link)!.text!;
      expect(text).not.toMatch(/19\.11\.2026|27 листопада|Новини фонду|Інші конкурси|Поділитися/);
    }
  });

  it('treats a contest as finished by its status even without the `finished` class', () => {
    const html = `<html lang="uk"><body>${card('a', 'триває')}${card('b', 'закінчився')}${card('c', 'триває', ' finished')}</body></html>`;
    const result = adapter.parseList(page(html));
    expect(result.details?.map((d) => d.hint.externalId)).toEqual(['a']);
    expect(result.items.map((i) => [i.externalId, i.statusHint])).toEqual([
      ['b', 'закінчився'],
      ['c', 'триває'],
    ]);
  });

  it('returns no next page on the last list page and ignores links outside the contests list', () => {
    const html = `<html><body>${card('a', 'триває')}<a class="next page-numbers" href="https://www.irf.ua/news/page/2/">Далі</a></body></html>`;
    expect(adapter.parseList(page(html)).next).toEqual([]);
  });

  it.each([
    ['ЗАВЕРШЕННЯ КОНКУРСУ: 15.12, 2026', '2026-12-15'],
    ['ЗАВЕРШЕННЯ КОНКУРСУ: 08.01,\u00a02027', '2027-01-08'],
    ['ЗАВЕРШЕННЯ КОНКУРСУ: 31.02, 2027', null],
    ['ЗАВЕРШЕННЯ КОНКУРСУ:', null],
  ])('reads the closing date in %j', (text, expected) => {
    expect(parseClosingDate(text)).toBe(expected);
  });

  it.each([
    ['https://www.irf.ua/contest/slug/', 'https://www.irf.ua/contest/slug/'],
    ['http://irf.ua/contest/slug?utm_source=facebook#apply', 'https://www.irf.ua/contest/slug/'],
    ['https://www.irf.ua/en/contest/slug/', 'https://www.irf.ua/en/contest/slug/'],
    ['https://www.irf.ua/grants/contests/', null],
    ['https://example.org/contest/slug/', null],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalContestUrl(url)).toBe(expected);
  });

  it('throws SourceFormatError naming the selector when the list layout changed', () => {
    const html =
      '<html><body><div class="contest-card"><a href="/contest/a/">Конкурс</a></div></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/div\.grid-2\.grant-excerpt/);
  });

  it('falls back to og:description when a contest page has no known body container', () => {
    const html = `<html lang="uk"><head><meta property="og:description" content="Фонд оголошує конкурс&nbsp;для громад."></head>
      <body><article><h1>Тестовий конкурс</h1><div class="new-layout">Текст</div></article>
      <aside class="sidebar"><time class="date">ЗАВЕРШЕННЯ КОНКУРСУ: 01.01, 2027</time></aside></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), LINK));
    expect(item).toMatchObject({
      url: 'https://www.irf.ua/contest/test-contest/',
      title: 'Тестовий конкурс',
      text: 'Фонд оголошує конкурс для громад.',
      deadline: '2027-02-01',
      publishedAt: null,
      externalId: 'test-contest',
    });
  });

  it('reads the closing date from the contest page when the list gave none', () => {
    const html = `<html><body><h1>Конкурс</h1><time class="date">ЗАВЕРШЕННЯ КОНКУРСУ: 20.03, 2027</time>
      <div class="entry-content"><p>Текст.</p></div></body></html>`;
    const item = adapter.parseDetail!(page(html, LINK.url), { url: LINK.url, hint: {} });
    expect(item?.deadline).toBe('2027-03-20');
  });

  it('throws SourceFormatError for a contest page with neither body nor lead', () => {
    const html = '<html><body><h1>Сторінку не знайдено</h1></body></html>';
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(SourceFormatError);
  });
});
