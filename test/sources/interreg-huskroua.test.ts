// The HUSKROUA adapter: the calls archive yields links to call pages, each call page one item; the
// sidebar's news and dates stay out, a changed layout is a format error naming the hook.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalCallUrl } from '../../src/sources/interreg-huskroua.ts';
import { type DetailLink, type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/interreg-huskroua/', import.meta.url);
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

function page(html: string, url = 'https://next.huskroua-cbc.eu/calls/'): FetchedDocument {
  return { url, status: 200, contentType: 'text/html; charset=UTF-8', text: html };
}

const entry = (slug: string, title: string) =>
  `<article id="post-1" class="calls type-calls"><h2 class="entry-title"><a href="/calls/${slug}/">${title}</a></h2></article>`;

const LINK: DetailLink = {
  url: 'https://next.huskroua-cbc.eu/calls/4th-call-for-proposals/',
  hint: { title: '4th Call for Proposals', publishedAt: '2027-03-01', externalId: '3300' },
};

describe('interreg-huskroua', () => {
  it('starts with the calls archive', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://next.huskroua-cbc.eu/calls/']);
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

  it('has a detail case for every call the archive links to', () => {
    const { doc } = loadCase('list');
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const link of adapter.parseList(doc).details ?? []) expect(served).toContain(link.url);
  });

  it('keeps the sidebar, share buttons and post navigation out of a call’s text', () => {
    for (const name of CASES.filter((c) => c.startsWith('detail-'))) {
      const { meta, doc } = loadCase(name);
      const text = adapter.parseDetail!(doc, meta.link)!.text!;
      expect(text).not.toMatch(
        /Latest news|Monitoring Committee meeting in Košice|Share this|Post navigation/,
      );
    }
  });

  it('follows the archive’s next page link and ignores links that are not call pages', () => {
    const html = `<html><body><main id="primary">${entry('call-a', 'Call A')}
      <article id="post-2"><h2 class="entry-title"><a href="/news/call-a-launched/">News</a></h2></article>
      <article id="post-3"><h2 class="entry-title"><a href="/calls/page/3/">Older</a></h2></article>
      <nav class="pagination"><a class="next page-numbers" href="https://next.huskroua-cbc.eu/calls/page/2/">Next</a></nav>
      </main></body></html>`;
    const result = adapter.parseList(page(html));
    expect(result.details!.map((d) => d.url)).toEqual(['https://next.huskroua-cbc.eu/calls/call-a/']);
    expect(result.next).toEqual([{ url: 'https://next.huskroua-cbc.eu/calls/page/2/' }]);
  });

  it.each([
    [
      'https://next.huskroua-cbc.eu/calls/3rd-call-for-proposals/',
      'https://next.huskroua-cbc.eu/calls/3rd-call-for-proposals/',
    ],
    [
      'http://www.next.huskroua-cbc.eu/calls/3rd-call-for-proposals?utm_source=fb#docs',
      'https://next.huskroua-cbc.eu/calls/3rd-call-for-proposals/',
    ],
    ['/calls/2nd-call-for-proposals/', 'https://next.huskroua-cbc.eu/calls/2nd-call-for-proposals/'],
    ['https://next.huskroua-cbc.eu/calls/page/2/', null],
    ['https://next.huskroua-cbc.eu/news/closure-of-the-2nd-call-for-proposals/', null],
    ['https://huskroua-cbc.eu/calls/1st-call/', null],
  ])('canonicalizes %s', (href, expected) => {
    expect(canonicalCallUrl(href)).toBe(expected);
  });

  it('throws SourceFormatError naming the selector when the archive layout changed', () => {
    const html =
      '<html><body><main><div class="call-card"><a href="/calls/x/">X</a></div></main></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/article \.entry-title a/);
  });

  it('takes the list’s date and id when the call page states none', () => {
    const html = `<html lang="en-US"><body><article><h1 class="entry-title">4th Call for Proposals</h1>
      <div class="entry-content"><p>Deadline: 30 June 2027.</p></div></article></body></html>`;
    const item = RawItem.parse(adapter.parseDetail!(page(html, LINK.url), LINK));
    expect(item).toMatchObject({
      publishedAt: '2027-03-01',
      externalId: '3300',
      lang: 'en',
      text: 'Deadline: 30 June 2027.',
    });
  });

  it('throws SourceFormatError for a call page without its text container', () => {
    const html = '<html><body><h1>Page not found</h1><p>Try the search.</p></body></html>';
    expect(() => adapter.parseDetail!(page(html, LINK.url), LINK)).toThrow(/\.entry-content/);
  });
});
