// The URBACT adapter: "Get involved" links its call pages (one item each); a page that carries its call
// inline becomes the item itself; the menu, related news and buttons do not add or rename calls.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';
import adapter, { canonicalCallUrl } from '../../src/sources/urbact.ts';

const DIR = new URL('../../fixtures/sources/urbact/', import.meta.url);
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

function loadCase(name: string) {
  const meta = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8'));
  const file = readdirSync(DIR).find((f) => f.startsWith(`${name}.`) && !f.endsWith('.expected.json'))!;
  const charset = /charset=([^;]+)/i.exec(meta.contentType)?.[1] ?? 'utf-8';
  const doc: FetchedDocument = {
    url: meta.url,
    status: 200,
    contentType: meta.contentType,
    text: iconv.decode(readFileSync(new URL(file, DIR)), charset),
  };
  return { meta, doc };
}

function page(html: string, url = 'https://urbact.eu/get-involved'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=UTF-8', text: html };
}

const LINK: DetailLink = {
  url: 'https://urbact.eu/call-action-planning-networks',
  hint: { title: 'APN call' },
};

describe('urbact', () => {
  it('starts with the “Get involved” page', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://urbact.eu/get-involved']);
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

  it('has a detail case for every call page the list links to', () => {
    const { doc } = loadCase('get-involved');
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const link of adapter.parseList(doc).details ?? []) expect(served).toContain(link.url);
  });

  it('keeps related news, breadcrumbs and the newsletter out of a call’s text', () => {
    for (const name of CASES.filter((c) => c.startsWith('detail-'))) {
      const { meta, doc } = loadCase(name);
      const text = adapter.parseDetail!(doc, meta.link)!.text!;
      expect(text).not.toMatch(/Related news|12 November 2026|Breadcrumb|Subscribe/);
    }
  });

  it('names a call by its card heading, not by the “Apply now” button that repeats the link', () => {
    const html = `<html><body><main>
      <a class="button" href="/call-action-planning-networks?utm_source=x">Apply now</a>
      <a href="https://urbact.eu/call-action-planning-networks"><h3>Call for Action Planning Networks</h3></a>
      <a href="/urbact-city-festival-2026">City Festival</a></main></body></html>`;
    expect(adapter.parseList(page(html)).details).toEqual([
      {
        url: 'https://urbact.eu/call-action-planning-networks',
        hint: { title: 'Call for Action Planning Networks' },
      },
    ]);
  });

  it('returns the page itself when it carries its call inline instead of linking a call page', () => {
    const html = `<html lang="en"><head><link rel="shortlink" href="https://urbact.eu/node/5889" /></head><body><main>
      <h1 class="page-title">Get Involved!</h1>
      <article><div class="node__content"><p>The call for Transfer Networks is open until 30 June 2027.</p></div></article>
      </main></body></html>`;
    const result = adapter.parseList(page(html));
    expect(result.details).toEqual([]);
    expect(result.items.map((i) => RawItem.parse(i))).toMatchObject([
      {
        url: 'https://urbact.eu/get-involved',
        title: 'Get Involved!',
        text: 'The call for Transfer Networks is open until 30 June 2027.',
        externalId: '5889',
        publishedAt: null,
      },
    ]);
  });

  it.each([
    ['https://urbact.eu/call-urbact-iv-experts', 'https://urbact.eu/call-urbact-iv-experts'],
    ['/call-urbact-iv-experts/?utm_source=newsletter#apply', 'https://urbact.eu/call-urbact-iv-experts'],
    ['http://www.urbact.eu/call-urbact-iv-experts', 'https://urbact.eu/call-urbact-iv-experts'],
    ['https://urbact.eu/urbact-city-festival-2026', null],
    ['https://urbact.eu/fr/call-urbact-iv-experts', null],
    ['https://example.org/call-urbact-iv-experts', null],
  ])('canonicalizes %s', (href, expected) => {
    expect(canonicalCallUrl(href)).toBe(expected);
  });

  it('throws SourceFormatError when the page has no <main> region', () => {
    const html = '<html><body><div class="content"><a href="/call-x">Call</a></div></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/<main>/);
  });

  it('throws SourceFormatError naming the selector when a page links no calls and has no node text', () => {
    const html = '<html><body><main><div class="teaser">Coming soon</div></main></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(/\.node__content/);
  });

  it('throws SourceFormatError for a call page without its node text', () => {
    const html = '<html><body><main><h1>Access denied</h1></main></body></html>';
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(/\.node__content/);
  });
});
