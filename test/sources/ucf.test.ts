// The Ukrainian Cultural Foundation adapter: programme cards give the application window and status,
// programme pages give the facts; only a grant's size and the programme budget become amounts, and
// a programme total is never read as a grant size.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';
import adapter, { canonicalProgramUrl, parseUah, parseWindow } from '../../src/sources/ucf.ts';

const DIR = new URL('../../fixtures/sources/ucf/', import.meta.url);
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

function page(html: string, url = 'https://ucf.in.ua/programs'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=UTF-8', text: html };
}

const LINK: DetailLink = { url: 'https://ucf.in.ua/programs/test-2027', hint: { externalId: 'test-2027' } };

describe('ucf', () => {
  it('starts with the programmes page and names the Foundation as the donor', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://ucf.in.ua/programs']);
    expect(adapter.donor).toBe('Український культурний фонд');
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

  it('has a detail case for every programme the list links to', () => {
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const link of adapter.parseList(loadCase('list').doc).details ?? [])
      expect(served).toContain(link.url);
  });

  it('leaves a monthly stipend out of the grant amount (it stays in the text)', () => {
    const { meta, doc } = loadCase('detail-stypendii-novi-imena-2026');
    const item = RawItem.parse(adapter.parseDetail!(doc, meta.link));
    expect([item.amountMin, item.amountMax, item.currency]).toEqual([null, null, null]);
    expect(item.text).toContain('Розмір стипендії: 10 000 грн щомісяця');
  });

  it.each([
    ['Прийом заявок: 03.11.2026 – 15.12.2026', { opensAt: '2026-11-03', deadline: '2026-12-15' }],
    ['Прийом заявок: до 15.12.2026', { opensAt: null, deadline: '2026-12-15' }],
    ['Прийом заявок: з 15.01.2027', { opensAt: '2027-01-15', deadline: null }],
    ['Прийом заявок: дата уточнюється', { opensAt: null, deadline: null }],
  ])('reads the window %s', (text, expected) => {
    expect(parseWindow(text)).toEqual(expected);
  });

  it.each([
    ['Розмір гранту: від 50 до 200 тис. грн', { min: 50_000, max: 200_000, currency: 'UAH' }],
    ['Максимальний розмір гранту: 1 500 000 грн', { min: null, max: 1_500_000, currency: 'UAH' }],
    ['Максимальний розмір гранту: 1,5 млн грн', { min: null, max: 1_500_000, currency: 'UAH' }],
    ['Розмір гранту: до 750 000 гривень', { min: null, max: 750_000, currency: 'UAH' }],
    ['Загальний бюджет програми: 24 млн грн', { min: 24_000_000, max: 24_000_000, currency: 'UAH' }],
    ['Загальний бюджет програми: уточнюється', null],
    ['Розмір гранту: до 3 000 євро', null],
  ])('reads the sum %s', (text, expected) => {
    expect(parseUah(text)).toEqual(expected);
  });

  it.each([
    ['https://ucf.in.ua/programs/kultura-poruch-2027', 'https://ucf.in.ua/programs/kultura-poruch-2027'],
    [
      'http://www.ucf.in.ua/programs/kultura-poruch-2027/?utm_source=fb',
      'https://ucf.in.ua/programs/kultura-poruch-2027',
    ],
    ['https://ucf.in.ua/en/programs/kultura-poruch-2027', 'https://ucf.in.ua/programs/kultura-poruch-2027'],
    ['https://ucf.in.ua/programs', null],
    ['https://ucf.in.ua/news/19-11-2026', null],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalProgramUrl(url)).toBe(expected);
  });

  it('reads the window from the programme page when the card had none', () => {
    const html = `<html><body><main><h1>Програма</h1><dl><dt>Прийом заявок</dt><dd>01.12.2026 – 31.01.2027</dd></dl>
      <div class="program__content"><p>Умови.</p></div></main></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), LINK));
    expect(item).toMatchObject({
      opensAt: '2026-12-01',
      deadline: '2027-01-31',
      text: 'Прийом заявок: 01.12.2026 – 31.01.2027\n\nУмови.',
    });
  });

  it('throws SourceFormatError naming the selector when the programme cards are gone', () => {
    const html = '<html><body><div class="programs"><a href="/programs/x">Програма</a></div></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/\.program-card/);
  });

  it('throws SourceFormatError for a programme page without a title', () => {
    const html = '<html><body><main><p>Сервіс тимчасово недоступний</p></main></body></html>';
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(/no <h1> title/);
  });
});
