// The EU NEIGHBOURS east adapter: YOOtheme cards on two list pages become complete items, with the
// closing date read from the card and the card's category kept as tags; nothing is dropped here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalOpportunityUrl, parseClosingDate } from '../../src/sources/euneighbourseast.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/euneighbourseast/', import.meta.url);
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

function page(html: string, url = 'https://euneighbourseast.eu/opportunities/'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=UTF-8', text: html };
}

function card(meta: string, href = 'https://euneighbourseast.eu/opportunities/a-call/'): string {
  return `<div data-tag="Grants"><a class="el-item uk-card" href="${href}"><div class="el-meta">${meta}</div><h3 class="el-title">A call</h3><div class="el-content">Teaser.</div></a></div>`;
}

describe('euneighbourseast', () => {
  it('starts with the Opportunities list and reads two pages of it', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://euneighbourseast.eu/opportunities/']);
    expect(adapter.maxPages).toBe(2);
    expect(adapter.parseDetail).toBeUndefined();
  });

  it.each(CASES)('parses the %s fixture as a careful reader would', (name) => {
    const { meta, doc } = loadCase(name);
    const result = adapter.parseList(doc);
    expect(result.items.map((i) => RawItem.parse(i))).toEqual(meta.expected.items);
    expect(result.details ?? []).toEqual(meta.expected.details);
    expect(result.next ?? []).toEqual(meta.expected.next);
  });

  it('keeps every category (extraction classifies) and records it in tags', () => {
    const tags = ['list-1', 'list-2'].flatMap((n) =>
      adapter.parseList(loadCase(n).doc).items.map((i) => i.tags),
    );
    expect(tags.flat()).toEqual(
      expect.arrayContaining(['Grants', 'Vacancies', 'Contests', 'Internships', 'Events']),
    );
  });

  it.each([
    ['CLOSING DATE: 15 January 2027', '2027-01-15'],
    ['Closing date: 1st March 2027', '2027-03-01'],
    ['CLOSING DATE: March 12, 2027', '2027-03-12'],
    ['CLOSING DATE: 12/03/2027', '2027-03-12'],
    ['CLOSING DATE: 12.03.2027', '2027-03-12'],
    ['CLOSING DATE: 31 February 2027', null],
    ['CLOSING DATE: Ongoing', null],
    ['CLOSING DATE: Open until filled', null],
  ])('reads the closing date %s', (text, expected) => {
    expect(parseClosingDate(text)).toBe(expected);
  });

  it('leaves the deadline null when the card meta is not a closing date', () => {
    const html = `<html><body>${card('Published 3 November 2026')}</body></html>`;
    const item = RawItem.parse(adapter.parseList(page(html)).items[0]);
    expect(item.deadline).toBeNull();
    expect(item.text).toBe('Published 3 November 2026\n\nTeaser.');
  });

  it.each([
    [
      'https://euneighbourseast.eu/opportunities/a-call/?utm_source=newsletter#apply',
      'https://euneighbourseast.eu/opportunities/a-call/',
    ],
    [
      'http://www.euneighbourseast.eu/opportunities/a-call',
      'https://euneighbourseast.eu/opportunities/a-call/',
    ],
    [
      'https://euneighbourseast.eu/opportunities/a-call/amp/',
      'https://euneighbourseast.eu/opportunities/a-call/',
    ],
    [
      'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/X?utm_medium=web&lang=en',
      'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/X?lang=en',
    ],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalOpportunityUrl(url)).toBe(expected);
  });

  it('counts the same card twice on a page once', () => {
    const html = `<html><body>${card('CLOSING DATE: 1 December 2026')}${card('CLOSING DATE: 1 December 2026', '/opportunities/a-call/?utm_source=x')}</body></html>`;
    expect(adapter.parseList(page(html)).items).toHaveLength(1);
  });

  it('returns no next page on the last list page', () => {
    const html = `<html><body>${card('CLOSING DATE: 1 December 2026')}<ul class="uk-pagination"><li><a href="https://euneighbourseast.eu/opportunities/page/13/">13</a></li><li class="uk-active"><span>14</span></li></ul></body></html>`;
    expect(adapter.parseList(page(html, 'https://euneighbourseast.eu/opportunities/page/14/')).next).toEqual(
      [],
    );
  });

  it('throws SourceFormatError naming the selector when the cards are gone', () => {
    const html = '<html><body><article class="opportunity"><h3>A call</h3></article></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/a\.el-item/);
  });
});
