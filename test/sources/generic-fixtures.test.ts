// The bundled generic sources against their fixtures, read with the charset each case declares
// (the Lviv oblast page is windows-1251), and every request a run makes has a case to serve it.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import { BUNDLED_SOURCES_FILE, loadGenericSources } from '../../src/sources/generic/load.ts';
import type { FetchedDocument, SourceDefinition } from '../../src/sources/types.ts';

const SOURCES = loadGenericSources(BUNDLED_SOURCES_FILE);
const ROOT = new URL('../../fixtures/sources/', import.meta.url);

interface Case {
  name: string;
  meta: {
    url: string;
    contentType: string;
    parser: 'list' | 'detail';
    link?: { url: string; hint: Record<string, unknown> };
    expected: unknown;
  };
  doc: FetchedDocument;
  bytes: Buffer;
}

function cases(id: string): Case[] {
  const dir = new URL(`${id}/`, ROOT);
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const name = f.slice(0, -'.expected.json'.length);
      const meta = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
      const file = files.find((g) => g.startsWith(`${name}.`) && !g.endsWith('.expected.json'))!;
      const bytes = readFileSync(new URL(file, dir));
      const charset = /charset=([\w-]+)/i.exec(meta.contentType)?.[1] ?? 'utf-8';
      const doc = {
        url: meta.url,
        status: 200,
        contentType: meta.contentType,
        text: iconv.decode(bytes, charset),
      };
      return { name, meta, doc, bytes };
    });
}

function parse(def: SourceDefinition, c: Case): unknown {
  if (c.meta.parser === 'detail') return RawItem.parse(def.parseDetail!(c.doc, c.meta.link as never));
  const r = def.parseList(c.doc);
  return { items: r.items.map((i) => RawItem.parse(i)), details: r.details ?? [], next: r.next ?? [] };
}

describe.each(SOURCES.map((s) => [s.id, s] as const))('bundled generic source %s', (id, def) => {
  it.each(cases(id).map((c) => [c.name, c] as const))('parses %s as written by hand', (_, c) => {
    expect(parse(def, c)).toEqual(c.meta.expected);
  });

  it('has a case for the start request, every next page within maxPages and every detail link', () => {
    const all = cases(id);
    const served = new Map(all.map((c) => [c.meta.url, c]));
    let req = def.start[0];
    for (let page = 1; req && page <= (def.maxPages ?? 1); page++) {
      const c = served.get(req.url);
      expect(c, `no fixture for ${req.url}`).toBeDefined();
      const list = def.parseList(c!.doc);
      for (const link of list.details ?? [])
        expect(served.has(link.url), `no fixture for ${link.url}`).toBe(true);
      req = list.next?.[0];
    }
  });
});

describe('the oblast fixture', () => {
  it('is windows-1251 bytes, declared in the meta tag and the content type', () => {
    for (const c of cases('lviv-oda-grants')) {
      expect(c.meta.contentType).toBe('text/html; charset=windows-1251');
      expect(c.doc.text).toContain(
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251" />',
      );
      // «Львівська» in windows-1251: the file is not UTF-8.
      expect(c.bytes.includes(Buffer.from([0xcb, 0xfc, 0xe2, 0xb3, 0xe2, 0xf1, 0xfc, 0xea, 0xe0]))).toBe(
        true,
      );
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(c.bytes)).toThrow();
    }
  });
});
