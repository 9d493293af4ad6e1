// The Prostir RSS adapter against a WordPress-shaped feed, plus the broken feeds a relay of
// announcements will meet: cut off mid-item, an HTML page instead of XML.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter from '../../src/sources/prostir.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/prostir/', import.meta.url);

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

function feed(text: string): FetchedDocument {
  return { url: adapter.start[0]!.url, status: 200, contentType: 'application/rss+xml; charset=UTF-8', text };
}

describe('prostir', () => {
  it('starts with the grants category feed, served by the fixture', () => {
    const { meta } = loadCase('feed');
    expect(adapter.start.map((r) => r.url)).toEqual([meta.url]);
    expect(adapter.verified).toBe(false);
  });

  it('reads every feed item with its full text, Kyiv publication day, guid and categories', () => {
    const { meta, doc } = loadCase('feed');
    const result = adapter.parseList(doc);
    expect(result.details ?? []).toEqual(meta.expected.details);
    expect(result.items.map((i) => RawItem.parse(i))).toEqual(meta.expected.items);
  });

  it('dates a post by the Kyiv calendar: 31 Oct 22:10 UTC is 1 November', () => {
    const { doc } = loadCase('feed');
    const post = adapter.parseList(doc).items.find((i) => i.url?.includes('hranty-na-rozvytok-tsyfrovykh'))!;
    expect(post.publishedAt).toBe('2026-11-01');
  });

  it('throws SourceFormatError for a feed cut off mid-item, not a TypeError', () => {
    const { doc } = loadCase('feed');
    const cut = doc.text.slice(0, doc.text.indexOf('<item>', doc.text.indexOf('<item>') + 1) + 200);
    expect(() => adapter.parseList(feed(cut))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(feed(cut))).toThrow(/truncated/);
  });

  it('throws SourceFormatError for malformed XML without a channel', () => {
    expect(() => adapter.parseList(feed('<?xml version="1.0"?><rss version="2.0"><chan'))).toThrow(
      SourceFormatError,
    );
    expect(() => adapter.parseList(feed(''))).toThrow(SourceFormatError);
  });

  it('throws SourceFormatError when an HTML page is served instead of the feed', () => {
    const html = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>';
    expect(() => adapter.parseList(feed(html))).toThrow(/no <rss><channel>/);
  });

  it('returns no items for a valid feed with an empty channel', () => {
    const empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Гранти</title></channel></rss>';
    expect(adapter.parseList(feed(empty))).toEqual({ items: [], details: [] });
  });

  it('skips an item without a link instead of inventing one', () => {
    const xml =
      '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Без посилання</title></item>' +
      '<item><title>З посиланням</title><link>https://www.prostir.ua/?grants=z-posylanniam</link></item>' +
      '</channel></rss>';
    const { items } = adapter.parseList(feed(xml));
    expect(items.map((i) => RawItem.parse(i))).toMatchObject([
      { title: 'З посиланням', text: '', publishedAt: null, externalId: null, tags: [] },
    ]);
  });
});
