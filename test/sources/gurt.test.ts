// The GURT adapter: windows-1251 list pages whose «ГРАНТ» items lead to article pages; vacancies,
// tenders, digests and unbadged news stay out; a Cloudflare check served with 200 is an error.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalGurtUrl } from '../../src/sources/gurt.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/gurt/', import.meta.url);
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

function page(html: string, url = 'https://gurt.org.ua/news/grants/'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=windows-1251', text: html };
}

const LINK: DetailLink = {
  url: 'https://gurt.org.ua/news/grants/90001/',
  hint: { title: 'Конкурс', externalId: '90001' },
};

describe('gurt', () => {
  it('starts with the «Гроші» feed and reads two pages of it', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://gurt.org.ua/news/grants/']);
    expect(adapter.maxPages).toBe(2);
    expect(adapter.verified).toBe(false);
  });

  it('serves windows-1251 fixtures and declares it', () => {
    for (const name of CASES) {
      const { meta, doc } = loadCase(name);
      expect(meta.contentType).toBe('text/html; charset=windows-1251');
      expect(doc.text).toContain('charset=windows-1251');
      expect(doc.text).toContain('Ресурсний центр ГУРТ');
    }
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

  it('keeps only «ГРАНТ» items: vacancies, tenders, digests and unbadged news stay out', () => {
    const titles = ['list-1', 'list-2'].flatMap((name) =>
      (adapter.parseList(loadCase(name).doc).details ?? []).map((d) => d.hint.title),
    );
    expect(titles).toHaveLength(5);
    expect(titles.join('\n')).not.toMatch(/менеджер|Координатор|Гроші тижня|Тендер|вебінар/);
  });

  it('has a detail case for every announcement the list pages link to', () => {
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const name of ['list-1', 'list-2']) {
      for (const link of adapter.parseList(loadCase(name).doc).details ?? [])
        expect(served).toContain(link.url);
    }
  });

  it('follows the pager one page on, and not when there is no next page', () => {
    const one = `<h2><a href="/news/grants/1/"><span title="Грант">ГРАНТ</span> Конкурс</a></h2><span>01.11.2026</span>`;
    const withPager = page(
      `<html><body>${one}<div class="pages"><b>3</b> <a href="?page=4">4</a></div></body></html>`,
      'https://gurt.org.ua/news/grants/?page=3',
    );
    expect(adapter.parseList(withPager).next).toEqual([{ url: 'https://gurt.org.ua/news/grants/?page=4' }]);
    const last = page(
      `<html><body>${one}<div class="pages"><a href="?page=1">1</a> <b>2</b></div></body></html>`,
      'https://gurt.org.ua/news/grants/?page=2',
    );
    expect(adapter.parseList(last).next).toEqual([]);
  });

  it.each([
    ['https://gurt.org.ua/news/grants/95874/', 'https://gurt.org.ua/news/grants/95874/'],
    ['http://gurt.org.ua/news/grants/20684/bull', 'https://gurt.org.ua/news/grants/20684/'],
    ['https://www.gurt.org.ua/news/grants/20684', 'https://gurt.org.ua/news/grants/20684/'],
    ['https://m.gurt.org.ua/news/grants/20684/', 'https://gurt.org.ua/news/grants/20684/'],
    ['https://gurt.org.ua/news/grants/?page=2', null],
    ['https://gurt.org.ua/news/events/95878/', null],
    ['https://example.org/news/grants/1/', null],
    ['not a url', null],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalGurtUrl(url)).toBe(expected);
  });

  it('gives the canonical URL to a list link written with http and /bull', () => {
    const html = `<html><body><h2><a href="http://gurt.org.ua/news/grants/777/bull"><span title="Грант">ГРАНТ</span> Конкурс</a></h2><span>01.11.2026</span></body></html>`;
    expect(adapter.parseList(page(html)).details?.[0]?.url).toBe('https://gurt.org.ua/news/grants/777/');
  });

  it('throws SourceFormatError naming the selector when the list layout changed', () => {
    const html =
      '<html><body><div class="publication-item"><a href="/news/grants/1/">Конкурс</a></div></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/h2 > a\[href\*="\/news\/grants\/"\]/);
  });

  it('throws SourceFormatError for a Cloudflare check served with 200', () => {
    const html = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head>
      <body><div id="challenge-running">Checking if the site connection is secure</div>
      <script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script></body></html>`;
    expect(() => adapter.parseList(page(html))).toThrow(/Cloudflare challenge/);
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(SourceFormatError);
  });

  it('throws SourceFormatError for an article page without its text block', () => {
    const html = '<html><body><h1>Сторінку не знайдено</h1><p>Помилка 404</p></body></html>';
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(/div\.newstxt/);
  });

  it('reads the date from the article page when the list gave none', () => {
    const html = `<html><body><h1><span title="Грант">ГРАНТ</span> Конкурс для ОСН</h1><span class="date">05.11.2026</span>
      <div class="newstxt"><p>Текст оголошення.</p></div></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), { url: LINK.url, hint: {} }));
    expect(item).toMatchObject({
      title: 'Конкурс для ОСН',
      publishedAt: '2026-11-05',
      externalId: '90001',
      text: 'Текст оголошення.',
    });
  });
});
