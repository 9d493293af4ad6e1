// The queue's collect job does what `run` does for one source: store its copies and turn them
// into calls at once, crediting the new calls to the source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processCollectSource } from '../../jobs/collect-source.ts';
import { createFetcher } from '../../src/fetch/client.ts';
import { type FixtureServer, startFixtureServer } from '../../src/sources/fixtures.ts';
import * as callsRepo from '../../src/store/calls.repo.ts';
import type { Db } from '../../src/store/db.ts';
import { backends } from '../helpers/db.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

const [pglite] = await backends();

describe('collect-source job', () => {
  let db: Db;
  beforeAll(async () => {
    db = await pglite!.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('stores the copies, makes calls of them and credits the source, once', async () => {
    const ctx = {
      db,
      polite: false,
      fetcher: createFetcher({
        timeoutMs: 10_000,
        maxBytes: 10 * 1024 * 1024,
        userAgent: 'test',
        rewrite: server.rewrite,
        guard: { allowHosts: [server.host] },
      }),
    };
    const first = await processCollectSource({ sourceId: 'prostir' }, ctx);
    expect(first.status).toBe('ok');
    const calls = await callsRepo.listStandingCalls(db);
    expect(calls.length).toBeGreaterThan(0);
    expect(first.newCalls).toBe(calls.length);
    const again = await processCollectSource({ sourceId: 'prostir' }, ctx);
    expect(again.newCalls).toBe(0);
    expect(await callsRepo.listStandingCalls(db)).toHaveLength(calls.length);
  });
});
