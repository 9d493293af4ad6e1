// The Interreg Europe adapter: the "Call for projects" page is one item; its screen-reader labels,
// breadcrumbs and news sidebar stay out; a WAF challenge page or a changed layout is a format error.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import adapter from '../../src/sources/interreg-europe.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const DIR = new URL('../../fixtures/sources/interreg-europe/', import.meta.url);
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

function page(html: string): FetchedDocument {
  return { url: adapter.start[0]!.url, status: 200, contentType: 'text/html; charset=UTF-8', text: html };
}

describe('interreg-europe', () => {
  it('starts with the call page, served by the fixture', () => {
    expect(adapter.start.map((r) => r.url)).toEqual(['https://www.interregeurope.eu/call-for-projects']);
    expect(CASES.map((c) => loadCase(c).meta.url)).toContain(adapter.start[0]!.url);
  });

  it.each(CASES)('parses the %s fixture as a careful reader would', (name) => {
    const { meta, doc } = loadCase(name);
    const result = adapter.parseList(doc);
    expect(result.items.map((i) => RawItem.parse(i))).toEqual(meta.expected.items);
    expect(result.details ?? []).toEqual(meta.expected.details);
    expect(result.next ?? []).toEqual(meta.expected.next);
  });

  it('keeps the “Image” labels, breadcrumbs, skip links and news sidebar out of the text', () => {
    const { doc } = loadCase('call-for-projects');
    const text = adapter.parseList(doc).items[0]!.text!;
    expect(text).not.toMatch(/^Image$|Go to main|Apply for funding|Latest news|18 November 2026|Subscribe/m);
  });

  it('takes the node content before the article that wraps it', () => {
    const html = `<html><body><main><article><h1>Call for projects</h1><div class="teaser">Teaser</div>
      <div class="node__content"><p>Body only.</p></div></article></main></body></html>`;
    expect(adapter.parseList(page(html)).items[0]!.text).toBe('Body only.');
  });

  it('throws SourceFormatError for a WAF challenge served with 200', () => {
    const html =
      '<html><head><title>Just a moment...</title></head><body><form id="challenge-form" action="/cdn-cgi/challenge"></form></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(SourceFormatError);
    expect(() => adapter.parseList(page(html))).toThrow(/challenge/);
  });

  it('throws SourceFormatError naming the selector when the page layout changed', () => {
    const html = '<html><body><div id="app"><h1>Call for projects</h1><p>Loading…</p></div></body></html>';
    expect(() => adapter.parseList(page(html))).toThrow(/<main> with an h1 and \.node__content/);
  });
});
