// The ro-ua.net adapter: Joomla's category feed of the programme's news, each intro one item; menu
// parameters and "Read more" links stay out, a cut-off or HTML answer is a format error.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter, { canonicalArticleUrl } from '../../src/sources/interreg-roua.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/interreg-roua/', import.meta.url);
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

function feed(items: string, language = 'en-gb'): FetchedDocument {
  return {
    url: adapter.start[0]!.url,
    status: 200,
    contentType: 'application/rss+xml; charset=utf-8',
    text: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title><language>${language}</language>${items}</channel></rss>`,
  };
}

const ITEM = (pubDate: string, description = '<p>Intro.</p>') =>
  `<item><title>Call</title><link>https://ro-ua.net/en/comunication-2021-2027/noutati-2021-2027/1800-call</link><description><![CDATA[${description}]]></description><pubDate>${pubDate}</pubDate></item>`;

describe('interreg-roua', () => {
  it('starts with the news category feed, served by the fixture', () => {
    expect(adapter.start.map((r) => r.url)).toEqual([
      'https://ro-ua.net/en/comunication-2021-2027/noutati-2021-2027?format=feed&type=rss',
    ]);
    expect(CASES.map((c) => loadCase(c).meta.url)).toContain(adapter.start[0]!.url);
  });

  it.each(CASES)('parses the %s fixture as a careful reader would', (name) => {
    const { meta, doc } = loadCase(name);
    const result = adapter.parseList(doc);
    expect(result.items.map((i) => RawItem.parse(i))).toEqual(meta.expected.items);
    expect(result.details ?? []).toEqual(meta.expected.details);
    expect(result.next ?? []).toEqual(meta.expected.next);
  });

  it('leaves Joomla’s “Read more …” links and intro images out of the text', () => {
    const { doc } = loadCase('feed');
    for (const item of adapter.parseList(doc).items) expect(item.text).not.toMatch(/Read more|<img|\.jpg/);
  });

  it('dates an entry by the day in Suceava, not in UTC', () => {
    const [late] = adapter.parseList(feed(ITEM('Mon, 16 Nov 2026 00:40:00 +0200'))).items;
    expect(late!.publishedAt).toBe('2026-11-16');
    const [utc] = adapter.parseList(feed(ITEM('Sun, 15 Nov 2026 22:40:00 +0000'))).items;
    expect(utc!.publishedAt).toBe('2026-11-16');
    const [none] = adapter.parseList(feed(ITEM('yesterday'))).items;
    expect(none!.publishedAt).toBeNull();
  });

  it('takes the language from the channel', () => {
    expect(adapter.parseList(feed(ITEM('Mon, 16 Nov 2026 10:00:00 +0200'), 'ro-ro')).items[0]!.lang).toBe(
      'other',
    );
    expect(adapter.parseList(feed(ITEM('Mon, 16 Nov 2026 10:00:00 +0200'), 'uk-ua')).items[0]!.lang).toBe(
      'uk',
    );
  });

  it.each([
    [
      'https://www.ro-ua.net/en/comunication-2021-2027/noutati-2021-2027/1790-corrigendum?Itemid=1021',
      'https://ro-ua.net/en/comunication-2021-2027/noutati-2021-2027/1790-corrigendum',
    ],
    [
      'http://ro-ua.net/en/comunication-2021-2027/noutati-2021-2027/1795-third-call?utm_source=newsletter#top',
      'https://ro-ua.net/en/comunication-2021-2027/noutati-2021-2027/1795-third-call',
    ],
    [
      '/en/comunication-2021-2027/noutati-2021-2027/1788-results',
      'https://ro-ua.net/en/comunication-2021-2027/noutati-2021-2027/1788-results',
    ],
    ['javascript:void(0)', null],
  ])('canonicalizes %s', (href, expected) => {
    expect(canonicalArticleUrl(href)).toBe(expected);
  });

  it('throws SourceFormatError when an HTML page comes instead of the feed', () => {
    const html: FetchedDocument = {
      ...feed(''),
      text: '<!DOCTYPE html><html><body><h1>Site offline</h1></body></html>',
    };
    expect(() => adapter.parseList(html)).toThrow(SourceFormatError);
    expect(() => adapter.parseList(html)).toThrow(/<rss><channel>/);
  });

  it('throws SourceFormatError for a feed cut off before </rss>', () => {
    const { doc } = loadCase('feed');
    const cut = { ...doc, text: doc.text.slice(0, doc.text.indexOf('</item>') + 200) };
    expect(() => adapter.parseList(cut)).toThrow(/truncated/);
  });
});
