// The SEDIA adapter against its captured search response, plus the shapes an API answers with
// when something is wrong (an HTML error page, JSON without results).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter from '../../src/sources/eu-sedia.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/eu-sedia/', import.meta.url);

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

function doc(text: string, contentType = 'application/json'): FetchedDocument {
  return { url: adapter.start[0]!.url, status: 200, contentType, text };
}

/** A minimal search hit in the API's shape: every metadata value an array of strings. */
function hit(id: string, language: string, extra: Record<string, string[]> = {}) {
  return {
    url: `https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/${id}`,
    language,
    summary: `Topic ${id}`,
    metadata: { identifier: [id], title: [`Topic ${id} (${language})`], language: [language], ...extra },
  };
}

describe('eu-sedia', () => {
  it('starts with one POST search for open and forthcoming topics, served by the fixture', () => {
    const { meta } = loadCase('search');
    expect(adapter.start).toHaveLength(1);
    const [req] = adapter.start;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(meta.url);
    expect(meta.method).toBe('POST');
    expect(req!.headers?.['content-type']).toBe('application/json');
    expect(JSON.stringify(JSON.parse(req!.body!))).toContain('"31094502"');
  });

  it('reads the captured search page into one item per distinct topic', () => {
    const { meta, doc } = loadCase('search');
    const result = adapter.parseList(doc);
    expect(result.details ?? []).toEqual(meta.expected.details);
    expect(result.items.map((i) => RawItem.parse(i))).toEqual(meta.expected.items);
  });

  it('drops the tender and keeps a topic returned twice only once', () => {
    const { doc } = loadCase('search');
    const urls = adapter.parseList(doc).items.map((i) => i.url);
    expect(urls.filter((u) => u.includes('tender-details'))).toEqual([]);
    expect(urls.filter((u) => u.endsWith('HORIZON-CL6-2027-03-COMMUNITIES-02'))).toHaveLength(1);
  });

  it('prefers the English copy when a topic comes back in several languages', () => {
    const body = JSON.stringify({ results: [hit('LIFE-2027-X', 'fr'), hit('LIFE-2027-X', 'en')] });
    const { items } = adapter.parseList(doc(body));
    expect(items.map((i) => [i.title, i.lang])).toEqual([['Topic LIFE-2027-X (en)', 'en']]);
  });

  it('states the zone of a non-UTC offset and keeps the date as written', () => {
    const body = JSON.stringify({
      results: [hit('CERV-2027-Y', 'en', { deadlineDate: ['2027-03-04T17:00:00.000+0100'] })],
    });
    const item = RawItem.parse(adapter.parseList(doc(body)).items[0]);
    expect([item.deadline, item.deadlineTime, item.deadlineTz]).toEqual(['2027-03-04', '17:00', 'Etc/GMT-1']);
    expect(item.statusHint).toBeNull();
    expect(item.currency).toBeNull();
  });

  it('cuts a very long description at a word boundary', () => {
    const long = `<p>${'community energy '.repeat(600)}</p>`;
    const body = JSON.stringify({ results: [hit('HORIZON-Z', 'en', { descriptionByte: [long] })] });
    const text = adapter.parseList(doc(body)).items[0]!.text!;
    expect(text.length).toBeLessThanOrEqual(4002);
    expect(text.endsWith('energy …') || text.endsWith('community …')).toBe(true);
  });

  it('throws SourceFormatError when the API answers with an HTML error page', () => {
    const html =
      '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body></body></html>';
    expect(() => adapter.parseList(doc(html, 'text/html'))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(doc(html, 'text/html'))).toThrow(/did not return JSON/);
  });

  it('throws SourceFormatError for JSON without a results list', () => {
    const body = JSON.stringify({ error: 'Invalid apiKey', status: 403 });
    expect(() => adapter.parseList(doc(body))).toThrow(SourceFormatError);
  });

  it('returns no items for an empty results page', () => {
    expect(adapter.parseList(doc(JSON.stringify({ totalResults: 0, results: [] })))).toEqual({
      items: [],
      details: [],
    });
  });
});
