// A pass goes on when a source breaks: each failure is reported with its class, the healthy source
// beside it is stored, and nothing partial is kept from the broken ones.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processCollectSource, UnknownSourceError } from '../../jobs/collect-source.ts';
import { createFetcher } from '../../src/fetch/client.ts';
import { runPass } from '../../src/pipeline/run.ts';
import type { SourceDefinition } from '../../src/sources/types.ts';
import { SourceFormatError } from '../../src/sources/types.ts';
import { countCalls } from '../../src/store/calls.repo.ts';
import type { Db } from '../../src/store/db.ts';
import { sourceHealth } from '../../src/store/sources.repo.ts';
import { backends } from '../helpers/db.ts';
import { type LocalServer, startServer } from '../helpers/servers.ts';

const GOOD_TEXT =
  'Фонд оголошує конкурс для громад Львівської області. Прийом заявок триває до 15 грудня 2026 року. Грант — до 200 тис. грн.';

let server: LocalServer;
let db: Db;
let out: string;

/** A JSON source: {"items":[{url,title,text}]} at `path`; anything else is a format error. */
function jsonSource(id: string, pathName: string): SourceDefinition {
  return {
    id,
    name: id,
    kind: 'json',
    homepage: 'https://example.org/',
    verified: true,
    minDelayMs: 0,
    start: [{ url: `${server.origin}${pathName}` }],
    parseList(doc) {
      let body: { items?: unknown };
      try {
        body = JSON.parse(doc.text);
      } catch {
        throw new SourceFormatError(`${id}: expected JSON, got ${doc.text.slice(0, 20)}`);
      }
      if (!Array.isArray(body.items)) throw new SourceFormatError(`${id}: no "items" array`);
      return { items: body.items as never };
    },
  };
}

beforeAll(async () => {
  server = await startServer({
    '/good': (_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          items: [
            { url: 'https://example.org/calls/1', title: 'Конкурс «Світло громадам»', text: GOOD_TEXT },
          ],
        }),
      ),
    '/500': (_, res) => res.writeHead(500).end('Internal Server Error'),
    '/garbage': (_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>Сайт на обслуговуванні</html>'),
    '/slow': (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items": [');
    },
    '/half-bad': (_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          items: [
            { url: 'https://example.org/calls/2', title: 'Конкурс «Вода громадам»', text: GOOD_TEXT },
            { url: 'not a url', title: '', text: 'broken item' },
          ],
        }),
      ),
  });
  db = await (await backends())[0]!.open();
  out = await mkdtemp(path.join(os.tmpdir(), 'hg-fail-'));
});

afterAll(async () => {
  await db?.close();
  await server?.close();
  await rm(out, { recursive: true, force: true });
});

describe('a pass with broken sources', () => {
  it('reports each failure by class, stores the healthy sources, and still writes the catalogue', async () => {
    const sources = [
      jsonSource('good', '/good'),
      jsonSource('http-500', '/500'),
      jsonSource('garbage', '/garbage'),
      jsonSource('timeout', '/slow'),
      jsonSource('half-bad', '/half-bad'),
      { ...jsonSource('unreachable', '/x'), start: [{ url: 'http://127.0.0.1:1/feed' }] },
    ];
    const result = await runPass({
      db,
      fetcher: createFetcher({
        timeoutMs: 800,
        maxBytes: 1 << 20,
        userAgent: 'test',
        guard: { allowHosts: ['127.0.0.1'] },
      }),
      sources,
      today: '2026-11-20',
      outDir: out,
      publicUrl: 'http://127.0.0.1:3000',
      polite: false,
    });
    const by = Object.fromEntries(result.reports.map((r) => [r.sourceId, r]));
    expect(by.good).toMatchObject({ status: 'ok', itemsSeen: 1, newCalls: 1 });
    expect(by['half-bad']).toMatchObject({ status: 'ok', itemsSeen: 1, badItems: 1 });
    expect(by['http-500']).toMatchObject({
      status: 'failed',
      errorClass: 'transient',
      errorMessage: 'HTTP 500 from the server',
    });
    expect(by.garbage).toMatchObject({ status: 'failed', errorClass: 'format' });
    expect(by.garbage!.errorMessage).toContain('expected JSON');
    expect(by.timeout).toMatchObject({ status: 'failed', errorClass: 'transient' });
    expect(by.timeout!.errorMessage).toMatch(/timed out/);
    expect(by.unreachable).toMatchObject({ status: 'failed', errorClass: 'transient' });

    expect(await countCalls(db)).toEqual({ calls: 2, items: 2 });
    const health = Object.fromEntries((await sourceHealth(db)).map((h) => [h.id, h.health]));
    expect(health).toMatchObject({
      good: 'ok',
      'http-500': 'failing',
      garbage: 'failing',
      timeout: 'failing',
    });

    const html = await readFile(result.files.html, 'utf8');
    expect(html).toContain('Світло громадам');
    expect(html).toContain('Вода громадам');
  });

  it('flags a source that answers 200 with no items where it used to have some', async () => {
    const emptied = { ...jsonSource('good', '/good'), parseList: () => ({ items: [] }) };
    const [report] = (
      await runPass({
        db,
        fetcher: createFetcher({
          timeoutMs: 800,
          maxBytes: 1 << 20,
          userAgent: 'test',
          guard: { allowHosts: ['127.0.0.1'] },
        }),
        sources: [{ ...emptied, start: [{ url: `${server.origin}/good?v=2` }] }],
        today: '2026-11-20',
        outDir: out,
        publicUrl: 'http://127.0.0.1:3000',
        polite: false,
      })
    ).reports;
    expect(report).toMatchObject({ status: 'empty' });
    expect(report!.errorMessage).toMatch(/layout may have changed/);
  });

  it('runs the collect job for a source id and refuses an unknown id for good', async () => {
    await expect(
      processCollectSource(
        { sourceId: 'no-such-source' },
        { db, fetcher: createFetcher({ timeoutMs: 100, maxBytes: 1, userAgent: 't' }) },
      ),
    ).rejects.toBeInstanceOf(UnknownSourceError);
  });
});
