// The hromady.org category feed: full posts from content:encoded (a weekly digest stays one item),
// tracking parameters and the SEO plugin's footer dropped, broken feeds reported as format errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalPostUrl } from '../../src/sources/hromady-org.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/hromady-org/', import.meta.url);

function loadFeed() {
  const meta = JSON.parse(readFileSync(new URL('feed.expected.json', DIR), 'utf8'));
  const doc: FetchedDocument = {
    url: meta.url,
    status: 200,
    contentType: meta.contentType,
    text: readFileSync(new URL('feed.xml', DIR), 'utf8'),
  };
  return { meta, doc };
}

function feed(text: string): FetchedDocument {
  return { url: adapter.start[0]!.url, status: 200, contentType: 'application/rss+xml; charset=UTF-8', text };
}

function rss(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Добірка</title>${items}</channel></rss>`;
}

describe('hromady-org', () => {
  it('starts with the category feed, served by the fixture; an aggregator, so no donor', () => {
    const { meta } = loadFeed();
    expect(adapter.start.map((r) => r.url)).toEqual([meta.url]);
    expect(adapter.donor).toBeUndefined();
    expect(adapter.kind).toBe('rss');
  });

  it('reads every feed item as a careful reader would', () => {
    const { meta, doc } = loadFeed();
    const result = adapter.parseList(doc);
    expect(result.details ?? []).toEqual(meta.expected.details);
    expect(result.next ?? []).toEqual(meta.expected.next);
    expect(result.items.map((i) => RawItem.parse(i))).toEqual(meta.expected.items);
  });

  it('keeps a digest of several calls as one item with all of them in its text', () => {
    const { doc } = loadFeed();
    const digest = adapter.parseList(doc).items.find((i) => i.title.startsWith('Добірка'))!;
    expect(digest.text).toMatch(
      /Чиста вода громадам[\s\S]+молодіжних центрів[\s\S]+транскордонного[\s\S]+Культурні/,
    );
  });

  it('drops utm parameters from links and the plugin footer from texts', () => {
    const { doc } = loadFeed();
    for (const item of adapter.parseList(doc).items) {
      expect(item.url).not.toMatch(/utm_/);
      expect(item.text).not.toMatch(/appeared first on/);
    }
  });

  it('dates a post by the Kyiv calendar: 31 Oct 22:30 UTC is 1 November', () => {
    const { doc } = loadFeed();
    const post = adapter.parseList(doc).items.find((i) => i.externalId === '61377')!;
    expect(post.publishedAt).toBe('2026-11-01');
  });

  it('drops a Ukrainian plugin footer too, but not a sentence that merely starts with «Запис»', () => {
    const xml = rss(`<item><title>Конкурс</title><link>https://hromady.org/konkurs/</link>
      <content:encoded><![CDATA[<p>Запис вебінару доступний на сайті.</p><p>Запис <a href="https://hromady.org/konkurs/">Конкурс</a> спершу з'явився на <a href="https://hromady.org">Асоціація ОТГ</a>.</p>]]></content:encoded></item>`);
    expect(adapter.parseList(feed(xml)).items[0]!.text).toBe('Запис вебінару доступний на сайті.');
  });

  it.each([
    [
      'https://hromady.org/post/?utm_source=rss&utm_medium=rss&utm_campaign=post',
      'https://hromady.org/post/',
    ],
    ['http://www.hromady.org/post/amp/#respond', 'https://hromady.org/post/'],
    ['https://hromady.org/?p=61482&utm_source=rss', 'https://hromady.org/?p=61482'],
    ['https://example.org/post/', null],
    ['not a url', null],
  ])('canonicalizes %s', (url, expected) => {
    expect(canonicalPostUrl(url)).toBe(expected);
  });

  it('throws SourceFormatError for a feed cut off mid-item', () => {
    const { doc } = loadFeed();
    const cut = doc.text.slice(0, doc.text.indexOf('<item>', doc.text.indexOf('<item>') + 1) + 150);
    expect(() => adapter.parseList(feed(cut))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(feed(cut))).toThrow(/truncated/);
  });

  it('throws SourceFormatError when an HTML page is served instead of the feed', () => {
    const html = '<!DOCTYPE html><html><head><title>Сторінку не знайдено</title></head><body></body></html>';
    expect(() => adapter.parseList(feed(html))).toThrow(/no <rss><channel>/);
    expect(() => adapter.parseList(feed(''))).toThrow(SourceFormatError);
  });

  it('skips an item without a link and keeps an item without a date or guid as null, not invented', () => {
    const xml = rss(
      '<item><title>Без посилання</title></item><item><title>З посиланням</title><link>https://hromady.org/z-posylanniam/</link></item>',
    );
    expect(adapter.parseList(feed(xml)).items.map((i) => RawItem.parse(i))).toMatchObject([
      { title: 'З посиланням', text: '', publishedAt: null, externalId: null, tags: [] },
    ]);
  });
});
