// Every registered source, checked the same way: fixtures exist and parse to their hand-written
// expected output, links are unique, dates are never invented, and every request a run makes has
// a fixture to answer it.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import { type FixtureCase, loadFixtureCases } from '../../src/sources/fixtures.ts';
import { SOURCES } from '../../src/sources/registry.ts';
import type { FetchedDocument, ListResult, SourceDefinition } from '../../src/sources/types.ts';

const cases = loadFixtureCases();

function documentOf(c: FixtureCase): FetchedDocument {
  const charset = /charset=([\w-]+)/i.exec(c.contentType)?.[1] ?? 'utf-8';
  return {
    url: c.url,
    status: 200,
    contentType: c.contentType,
    text: iconv.decode(readFileSync(c.file), charset),
  };
}

function parse(def: SourceDefinition, c: FixtureCase): unknown {
  const doc = documentOf(c);
  if (c.parser === 'detail') {
    const item = def.parseDetail!(doc, c.link as never);
    return item && RawItem.parse({ ...c.link?.hint, ...item });
  }
  const list: ListResult = def.parseList(doc);
  return { ...list, items: list.items.map((i) => RawItem.parse(i)) };
}

const MONTHS_UK =
  'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня'.split(' ');
const MONTHS_EN =
  'january february march april may june july august september october november december'.split(' ');
const MONTHS_SHORT = MONTHS_EN.map((m) => m.slice(0, 3));

/** The ways a date can be written in a source document (and the day either side: UTC vs Kyiv). */
function spellings(iso: string): string[] {
  const out: string[] = [];
  for (const shift of [-1, 0, 1]) {
    const d = new Date(`${iso}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + shift);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
    const dd = String(day).padStart(2, '0');
    const mm = String(m + 1).padStart(2, '0');
    out.push(
      `${y}-${mm}-${dd}`,
      `${dd}.${mm}.${y}`,
      `${day}.${mm}.${y}`,
      `${dd}/${mm}/${y}`,
      `${dd}.${mm}, ${y}`,
      `${day} ${MONTHS_UK[m]} ${y}`,
      `${day} ${MONTHS_UK[m]}`,
      `${day} ${MONTHS_EN[m]} ${y}`,
      `${MONTHS_EN[m]} ${day}, ${y}`,
      `${dd} ${MONTHS_SHORT[m]} ${y}`,
      `${day} ${MONTHS_SHORT[m]} ${y}`,
    );
  }
  return out;
}

function datesOf(item: RawItem): [string, string][] {
  const dates: [string, string][] = [];
  if (item.publishedAt) dates.push(['publishedAt', item.publishedAt]);
  if (item.deadline) dates.push(['deadline', item.deadline]);
  if (item.opensAt) dates.push(['opensAt', item.opensAt]);
  for (const s of item.stages) dates.push([`stage ${s.label}`, s.date]);
  return dates;
}

describe('source registry', () => {
  it('has unique ids in lowercase-dash form', () => {
    const ids = SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  for (const def of SOURCES) {
    describe(def.id, () => {
      const mine = cases.filter((c) => c.sourceId === def.id);

      it('has fixtures for its start requests', () => {
        expect(mine.length).toBeGreaterThan(0);
        for (const req of def.start)
          expect(mine.some((c) => c.url === req.url && c.method === (req.method ?? 'GET'))).toBe(true);
      });

      it.each(mine.map((c) => [c.name, c] as const))('parses %s to its expected output', (_, c) => {
        expect(parse(def, c)).toEqual(c.expected);
      });

      it('never yields two items with one link', () => {
        const urls = mine.flatMap((c) => {
          const e = c.expected as ListResult & { url?: string };
          return c.parser === 'list'
            ? [...e.items.map((i) => i.url), ...(e.details ?? []).map((d) => d.url)]
            : [];
        });
        expect(new Set(urls).size).toBe(urls.length);
      });

      it('never invents a date: every date it yields is written in the document', () => {
        for (const c of mine) {
          const text = documentOf(c).text.toLowerCase().replace(/\s+/g, ' ');
          const e = c.expected as ListResult | RawItem | null;
          const items = !e ? [] : 'items' in e ? e.items.map((i) => RawItem.parse(i)) : [RawItem.parse(e)];
          for (const item of items)
            for (const [field, iso] of datesOf(item)) {
              const found = spellings(iso).some((s) => text.includes(s.toLowerCase()));
              expect(found, `${c.name}: ${field} ${iso} of ${item.url} is not in the document`).toBe(true);
            }
        }
      });

      it('has a fixture for every page a run requests', () => {
        for (const c of mine.filter((x) => x.parser === 'list')) {
          const e = c.expected as ListResult;
          for (const d of e.details ?? [])
            expect(
              mine.some((x) => x.url === d.url),
              `detail ${d.url}`,
            ).toBe(true);
        }
      });
    });
  }
});
