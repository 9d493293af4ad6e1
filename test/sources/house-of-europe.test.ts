// The House of Europe adapter: cards on the opportunities page lead to opportunity pages; the card's
// deadline («… · 23:59 за Києвом»), status and category travel with the link; other cards on a page
// (banners, "other opportunities") never leak into an item.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalOpportunityUrl, parseDeadline } from '../../src/sources/house-of-europe.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/house-of-europe/', import.meta.url);
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

function page(html: string, url = 'https://houseofeurope.org.ua/opportunities'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=utf-8', text: html };
}

const LINK: DetailLink = {
  url: 'https://houseofeurope.org.ua/opportunity/1000',
  hint: { externalId: '1000' },
};

describe('house-of-europe', () => {
  it('starts with the opportunities page and names House of Europe as the donor', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://houseofeurope.org.ua/opportunities']);
    expect(adapter.donor).toBe('House of Europe');
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

  it('has a detail case for every opportunity the list links to', () => {
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const link of adapter.parseList(loadCase('list').doc).details ?? [])
      expect(served).toContain(link.url);
  });

  it('prefers the full card to a banner linking to the same opportunity', () => {
    const [first] = adapter.parseList(loadCase('list').doc).details ?? [];
    expect(first?.hint).toMatchObject({
      deadline: '2027-02-02',
      deadlineTime: '18:00',
      tags: ['Національні спільноти'],
    });
  });

  it('keeps the "other opportunities" cards and their deadlines out of an item’s text', () => {
    for (const name of CASES.filter((c) => c.startsWith('detail-'))) {
      const { meta, doc } = loadCase(name);
      const text = adapter.parseDetail!(doc, meta.link)!.text!;
      expect(text).not.toMatch(/Інші можливості|Дедлайн|Підписатися|Поділитися/);
    }
  });

  it.each([
    ['16 листопада 2026 · 23:59 за Києвом', { date: '2026-11-16', time: '23:59' }],
    ['Дедлайн: 2 лютого 2027 · 9:00 за Києвом', { date: '2027-02-02', time: '09:00' }],
    ['5 березня 2027', { date: '2027-03-05', time: null }],
    ['31 лютого 2027 · 23:59', { date: null, time: null }],
    ['Постійно', { date: null, time: null }],
  ])('reads the deadline %s', (text, expected) => {
    expect(parseDeadline(text)).toEqual(expected);
  });

  it.each([
    ['https://houseofeurope.org.ua/opportunity/612', 'https://houseofeurope.org.ua/opportunity/612'],
    [
      'http://www.houseofeurope.org.ua/opportunity/612/?utm_source=fb',
      'https://houseofeurope.org.ua/opportunity/612',
    ],
    ['https://houseofeurope.org.ua/en/opportunity/947', 'https://houseofeurope.org.ua/opportunity/947'],
    ['https://houseofeurope.org.ua/opportunities', null],
    ['https://example.org/opportunity/612', null],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalOpportunityUrl(url)).toBe(expected);
  });

  it('reads the deadline from the opportunity page when the card had none', () => {
    const html = `<html lang="uk"><body><main><h1>Резиденції для митців</h1>
      <div class="opportunity__deadline">Дедлайн: 3 березня 2027 · 23:59 за Києвом</div>
      <section class="opportunity__content"><p>Умови участі.</p></section></main></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), LINK));
    expect(item).toMatchObject({
      title: 'Резиденції для митців',
      deadline: '2027-03-03',
      deadlineTime: '23:59',
      text: 'Умови участі.',
      donor: 'House of Europe',
    });
  });

  it('never takes an "other opportunities" card’s deadline for a page that states none', () => {
    const { meta, doc } = loadCase('detail-967');
    expect(doc.text).toContain('opportunity-card__deadline');
    const item = RawItem.parse(
      adapter.parseDetail!(doc, { ...meta.link, hint: { ...meta.link.hint, deadline: undefined } }),
    );
    expect([item.deadline, item.deadlineTime]).toEqual([null, null]);
  });

  it('prefers the opportunity page’s deadline to the card’s when they differ', () => {
    const html = `<html><body><main><h1>Гранти</h1><div class="opportunity__deadline">Дедлайн: 20 січня 2027 · 23:59 за Києвом</div>
      <section class="opportunity__content"><p>Дедлайн продовжено.</p></section></main></body></html>`;
    const link = { ...LINK, hint: { ...LINK.hint, deadline: '2027-01-15', deadlineTime: '23:59' } };
    expect(RawItem.parse(adapter.parseDetail!(page(html, LINK.url), link)).deadline).toBe('2027-01-20');
  });

  it('throws SourceFormatError naming the selector when no card links to an opportunity', () => {
    const html = '<html><body><div class="card"><a href="/programs/1">Програма</a></div></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/a\[href\*="\/opportunity\/"\]/);
  });

  it('throws SourceFormatError when links to opportunities carry no title', () => {
    const html = '<html><body><a href="/opportunity/5"><img src="x.jpg"></a></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(/no card has a title/);
  });

  it('throws SourceFormatError for an opportunity page without a content block', () => {
    const html = '<html><body><h1>Сторінку не знайдено</h1></body></html>';
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(/opportunity__content/);
  });
});
