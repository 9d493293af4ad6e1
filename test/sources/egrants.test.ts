// The egrants.com.ua adapter: competition cards with labelled fields (organizer, programme, dates,
// status), closed ones kept from the card, open ones read from their page; sign-in walls and
// changed layouts reported as format errors.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalCompetitionUrl, parseDateTime } from '../../src/sources/egrants.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/egrants/', import.meta.url);
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

function page(html: string, url = 'https://egrants.com.ua/'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=UTF-8', text: html };
}

function card(id: number, rows: string, status = 'Триває прийом заявок'): string {
  return `<div class="competition-item"><h3 class="competition-item__title"><a href="/competitions/${id}?ref=home">Конкурс ${id}</a></h3>
    <ul class="competition-item__meta">${rows}</ul><span class="competition-item__status">${status}</span></div>`;
}

const row = (label: string, value: string) =>
  `<li><span class="label">${label}:</span> <span class="value">${value}</span></li>`;

const LINK: DetailLink = { url: 'https://egrants.com.ua/competitions/500', hint: {} };

describe('egrants', () => {
  it('starts with the portal’s home page; many organizers, so no donor on the source', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://egrants.com.ua/']);
    expect(adapter.donor).toBeUndefined();
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

  it('has a detail case for every competition page the home page links to', () => {
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const link of adapter.parseList(loadCase('home').doc).details ?? [])
      expect(served).toContain(link.url);
  });

  it('keeps the sidebar news and results out of the competitions', () => {
    const result = adapter.parseList(loadCase('home').doc);
    const titles = [...result.items.map((i) => i.title), ...(result.details ?? []).map((d) => d.hint.title)];
    expect(titles).toHaveLength(5);
    expect(titles.join(' ')).not.toMatch(/інструкцію|Технічні роботи|Результати/);
  });

  it('keeps documents, buttons and the sidebar out of a competition’s text', () => {
    for (const name of CASES.filter((c) => c.startsWith('competition-'))) {
      const { meta, doc } = loadCase(name);
      const text = adapter.parseDetail!(doc, meta.link)!.text!;
      expect(text).not.toMatch(
        /Документи конкурсу|Подати заявку|Інші конкурси|до 20\.01\.2027|Організатор|Дедлайн/,
      );
    }
  });

  it('reads fields by their labels, whatever their order, and canonicalizes the link', () => {
    const html = `<html lang="uk"><body>${card(7, row('Дедлайн', '01.02.2027 до 18:00') + row('Організатор', 'БФ «Громада»') + row('Прийом заявок з', '20.11.2026'))}</body></html>`;
    expect(adapter.parseList(page(html)).details).toEqual([
      {
        url: 'https://egrants.com.ua/competitions/7',
        hint: {
          title: 'Конкурс 7',
          externalId: '7',
          statusHint: 'Триває прийом заявок',
          donor: 'БФ «Громада»',
          programme: null,
          deadline: '2027-02-01',
          deadlineTime: '18:00',
          opensAt: '2026-11-20',
        },
      },
    ]);
  });

  it('fills from the competition page what the card did not say', () => {
    const html = `<html lang="uk"><body><div class="competition-view"><h1>Конкурс 500</h1>
      <dl class="competition-view__meta"><dt>Організатор</dt><dd>Фонд Східна Європа</dd><dt>Дедлайн</dt><dd>10.01.2027 16:00</dd></dl>
      <div class="competition-view__description"><p>Опис.</p></div></div></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), LINK));
    expect(item).toMatchObject({
      donor: 'Фонд Східна Європа',
      deadline: '2027-01-10',
      deadlineTime: '16:00',
      text: 'Опис.',
      externalId: '500',
    });
  });

  it.each([
    ['15.12.2026 16:00', { date: '2026-12-15', time: '16:00' }],
    ['з 03.11.2026', { date: '2026-11-03', time: null }],
    ['1.2.2027, 9:30', { date: '2027-02-01', time: '09:30' }],
    ['31.02.2027', null],
    ['уточнюється', null],
  ])('reads the date field %j', (text, expected) => {
    expect(parseDateTime(text)).toEqual(expected);
  });

  it.each([
    ['https://egrants.com.ua/competitions/412', 'https://egrants.com.ua/competitions/412'],
    [
      'http://www.egrants.com.ua/uk/competitions/412/?utm_source=fb#apply',
      'https://egrants.com.ua/competitions/412',
    ],
    ['https://egrants.com.ua/competitions/380/results', null],
    ['https://example.org/competitions/412', null],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalCompetitionUrl(url)).toBe(expected);
  });

  it('throws SourceFormatError saying so when a sign-in page comes instead of the list', () => {
    const html = `<html><body><form method="post" action="/login"><input type="email" name="email">
      <input type="password" name="password"><button>Увійти</button></form></body></html>`;
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/sign-in page/);
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(/sign-in page/);
  });

  it('does not mistake a header sign-in form on a real page for a wall', () => {
    const html = `<html lang="uk"><body><form class="login-modal"><input type="password" name="password"></form>
      ${card(8, row('Дедлайн', '01.03.2027'))}</body></html>`;
    expect(adapter.parseList(page(html)).details?.map((d) => d.url)).toEqual([
      'https://egrants.com.ua/competitions/8',
    ]);
  });

  it('throws SourceFormatError naming the selector when the list layout changed', () => {
    const html =
      '<html><body><div class="contest-card"><a href="/competitions/1">Конкурс</a></div></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(/div\.competition-item/);
  });

  it('throws SourceFormatError for a competition page with neither description nor lead', () => {
    const html = '<html><body><h1>Сторінку не знайдено</h1></body></html>';
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(SourceFormatError);
  });
});
