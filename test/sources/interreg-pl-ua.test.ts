// The pl-ua.eu adapter: WordPress REST posts (two pages) and the watched "Calls for proposals" page,
// plus the answers a WordPress API gives when something is wrong.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalLink } from '../../src/sources/interreg-pl-ua.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/interreg-pl-ua/', import.meta.url);
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();
const POSTS_URL = adapter.start[0]!.url;

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

function json(body: unknown, url = POSTS_URL): FetchedDocument {
  return {
    url,
    status: 200,
    contentType: 'application/json; charset=UTF-8',
    text: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function post(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    date: '2026-11-02T10:00:00',
    link: `https://pl-ua.eu/en/post-${id}/`,
    title: { rendered: `Post ${id}` },
    content: { rendered: `<p>Text of post ${id}.</p>`, protected: false },
    excerpt: { rendered: `<p>Excerpt ${id}</p>`, protected: false },
    categories: [5],
    ...extra,
  };
}

describe('interreg-pl-ua', () => {
  it('starts with the English posts endpoint and the calls page, each served by a fixture', () => {
    expect(adapter.start.map((r) => r.url)).toEqual([
      'https://pl-ua.eu/en/wp-json/wp/v2/posts?per_page=20&_fields=id,date,date_gmt,modified,link,title,content,excerpt,categories',
      'https://pl-ua.eu/en/wp-json/wp/v2/pages/29617',
    ]);
    const served = CASES.map((c) => loadCase(c).meta.url);
    for (const req of adapter.start) expect(served).toContain(req.url);
  });

  it.each(CASES)('parses the %s fixture as a careful reader would', (name) => {
    const { meta, doc } = loadCase(name);
    const result = adapter.parseList(doc);
    expect(result.items.map((i) => RawItem.parse(i))).toEqual(meta.expected.items);
    expect(result.details ?? []).toEqual(meta.expected.details);
    expect(result.next ?? []).toEqual(meta.expected.next);
  });

  it('asks for page 2 after a full first page, and every page it asks for within maxPages is a fixture', () => {
    const served = CASES.map((c) => loadCase(c).meta.url);
    let url = POSTS_URL;
    for (let page = 1; page <= (adapter.maxPages ?? 1); page++) {
      expect(served).toContain(url);
      const next =
        adapter.parseList(loadCase(CASES.find((c) => loadCase(c).meta.url === url)!).doc).next ?? [];
      if (next.length === 0) break;
      url = next[0]!.url;
    }
    expect(url).toBe(`${POSTS_URL}&page=2`);
  });

  it('stops after a short page and goes on after a full one', () => {
    const full = Array.from({ length: 20 }, (_, i) => post(i + 1));
    expect(adapter.parseList(json(full, `${POSTS_URL}&page=2`)).next).toEqual([
      { url: `${POSTS_URL}&page=3` },
    ]);
    expect(adapter.parseList(json(full.slice(0, 19))).next).toEqual([]);
    expect(adapter.parseList(json([])).items).toEqual([]);
  });

  it('falls back to the excerpt when a post has no words in its body', () => {
    const item = adapter.parseList(
      json([
        post(7, {
          content: { rendered: '<figure class="wp-block-gallery"><img src="a.jpg" alt=""/></figure>' },
        }),
      ]),
    ).items[0]!;
    expect(item.text).toBe('Excerpt 7');
  });

  it('decodes entities and flattens markup in titles', () => {
    const item = adapter.parseList(
      json([post(8, { title: { rendered: 'The 2<sup>nd</sup> call &#8220;SPF&#8221;&nbsp;&#8211; open' } })]),
    ).items[0]!;
    expect(item.title).toBe('The 2nd call “SPF” – open');
  });

  it('keeps the calls page’s table cells apart and its Gutenberg comments out', () => {
    const { doc } = loadCase('calls-page');
    const [item] = adapter.parseList(doc).items;
    expect(item!.text).toContain('16.11.2026 – 15.01.2027');
    expect(item!.text).not.toMatch(/wp:|<!--|flexWrap/);
    expect(item!.externalId).toBe('29617');
  });

  it.each([
    ['https://pl-ua.eu/en/news/3217?bigger_font_size=contrast', 'https://pl-ua.eu/en/news/3217'],
    ['https://pl-ua.eu/en/some-post/?utm_source=fb#comments', 'https://pl-ua.eu/en/some-post/'],
    ['http://pl-ua.eu/en/some-post/', 'https://pl-ua.eu/en/some-post/'],
    ['/en/some-post/', 'https://pl-ua.eu/en/some-post/'],
    ['mailto:js@pl-ua.eu', null],
  ])('canonicalizes %s', (link, expected) => {
    expect(canonicalLink(link)).toBe(expected);
  });

  it('throws SourceFormatError for an HTML page where JSON was expected', () => {
    const html = '<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>';
    expect(() => adapter.parseList(json(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(json(html))).toThrow(/did not return JSON/);
  });

  it('throws SourceFormatError naming the WordPress error code', () => {
    const body = { code: 'rest_post_invalid_page_number', message: 'The page number requested is larger.' };
    expect(() => adapter.parseList(json(body))).toThrow(/rest_post_invalid_page_number/);
  });

  it('throws SourceFormatError naming the missing field when a post lost its title', () => {
    const { title: _, ...untitled } = post(9);
    expect(() => adapter.parseList(json([post(1), untitled]))).toThrow(/post #2 .*title\.rendered/);
  });

  it('throws SourceFormatError for JSON that is neither posts nor a page', () => {
    expect(() => adapter.parseList(json({ name: 'pl-ua', routes: {} }))).toThrow(SourceFormatError);
    const page = {
      id: 29617,
      link: 'https://pl-ua.eu/en/programme/nabory-wnioskow/',
      content: { rendered: '' },
    };
    expect(() => adapter.parseList(json(page, adapter.start[1]!.url))).toThrow(/title\.rendered/);
  });
});
