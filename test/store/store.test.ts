import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallDraft, RawItem } from '../../src/calls/schema.ts';
import type { SourceDefinition } from '../../src/sources/types.ts';
import * as callsRepo from '../../src/store/calls.repo.ts';
import { DatabaseError, type Db, openDb } from '../../src/store/db.ts';
import * as editionsRepo from '../../src/store/editions.repo.ts';
import { migrate } from '../../src/store/migrate.ts';
import * as sourcesRepo from '../../src/store/sources.repo.ts';
import { backends, resetDb } from '../helpers/db.ts';

const source: SourceDefinition = {
  id: 'test-source',
  name: 'Тестове джерело',
  kind: 'rss',
  homepage: 'https://example.org/',
  verified: true,
  start: [{ url: 'https://example.org/feed' }],
  parseList: () => ({ items: [] }),
};

function draft(over: Partial<CallDraft> = {}): CallDraft {
  return {
    fingerprint: `fp-${randomUUID()}`,
    isCall: true,
    title: 'Конкурс «Енергоефективні громади»',
    summary: 'Гранти для громад на енергоаудит.',
    url: 'https://example.org/calls/1',
    donor: 'Фонд Східна Європа',
    programme: null,
    deadline: '2026-12-15',
    deadlineTime: '16:00',
    deadlineTz: 'Europe/Kyiv',
    deadlineKind: 'fixed',
    stages: [],
    opensAt: null,
    amountMin: 50_000,
    amountMax: 200_000,
    currency: 'UAH',
    budgetTotal: 6_000_000,
    cofinancingPct: 15,
    applicants: ['local_government', 'communal_enterprise'],
    regions: ['UA-68', 'UA-05'],
    topics: ['energy'],
    lang: 'uk',
    evidence: { deadline: 'до 16:00 15 грудня 2026 року' },
    publishedAt: '2026-11-02',
    ...over,
  };
}

function raw(url: string): RawItem {
  return {
    url,
    title: 'Title',
    text: 'Text',
    publishedAt: null,
    externalId: null,
    lang: null,
    donor: null,
    programme: null,
    deadline: null,
    deadlineTime: null,
    deadlineTz: null,
    stages: [],
    opensAt: null,
    amountMin: null,
    amountMax: null,
    currency: null,
    budgetTotal: null,
    statusHint: null,
    tags: [],
  };
}

for (const backend of await backends()) {
  describe(`store on ${backend.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      await resetDb(db);
      await sourcesRepo.upsertSource(db, source);
    });

    it('applies migrations once: a second start applies nothing', async () => {
      expect(await migrate(db)).toEqual([]);
      const { rows } = await db.query<{ name: string }>(
        'select name from schema_migrations order by version',
      );
      expect(rows.map((r) => r.name)).toContain('001_init.sql');
    });

    it('stores a call and reads every field back with the same values and types', async () => {
      const id = randomUUID();
      const d = draft({ stages: [{ label: 'concept note', date: '2026-12-15', time: '16:00' }] });
      await callsRepo.insertCall(db, id, d);
      const call = await callsRepo.getCall(db, id);
      expect(call).toMatchObject({ ...d, id, clusterId: id });
      expect(call!.firstSeen).toBeInstanceOf(Date);
    });

    it('refuses a second call with the same id (the primary key has the final say)', async () => {
      const id = randomUUID();
      await callsRepo.insertCall(db, id, draft());
      await expect(callsRepo.insertCall(db, id, draft())).rejects.toThrow();
      expect((await callsRepo.countCalls(db)).calls).toBe(1);
    });

    it('refuses an invented deadline on a rolling call', async () => {
      await expect(
        callsRepo.insertCall(db, randomUUID(), draft({ deadlineKind: 'rolling' })),
      ).rejects.toThrow();
    });

    it('keeps one provenance row per source copy however often it is stored', async () => {
      const id = randomUUID();
      await callsRepo.insertCall(db, id, draft());
      const write = {
        sourceId: source.id,
        urlKey: 'https://example.org/a',
        raw: raw('https://example.org/a'),
        rawSha256: 'x',
        draft: draft(),
      };
      await callsRepo.upsertItem(db, write);
      const [item] = (await callsRepo.listCallCopies(db)).map((c) => c.itemId);
      await callsRepo.setItemCalls(db, [{ itemId: item!, callId: id }]);
      await callsRepo.upsertItem(db, { ...write, rawSha256: 'y' });
      expect((await callsRepo.countCalls(db)).items).toBe(1);
      // a changed copy keeps its call until reconcile decides otherwise
      expect(await callsRepo.findItem(db, source.id, 'https://example.org/a')).toMatchObject({
        callId: id,
        rawSha256: 'y',
      });
      // a copy that is no longer a call leaves its call at once
      await callsRepo.upsertItem(db, { ...write, rawSha256: 'z', draft: draft({ isCall: false }) });
      expect(await callsRepo.findItem(db, source.id, 'https://example.org/a')).toMatchObject({
        callId: null,
      });
    });

    it('rolls a failed transaction back completely', async () => {
      await expect(
        db.transaction(async (tx) => {
          const id = randomUUID();
          await callsRepo.insertCall(tx, id, draft());
          throw new Error('crash in the middle');
        }),
      ).rejects.toThrow('crash in the middle');
      expect((await callsRepo.countCalls(db)).calls).toBe(0);
    });

    it('lists catalogue candidates: real calls not closed before today', async () => {
      const insert = async (over: Partial<CallDraft>) => {
        const id = randomUUID();
        await callsRepo.insertCall(db, id, draft(over));
        return over.title;
      };
      await insert({ title: 'open', deadline: '2026-12-01' });
      await insert({ title: 'closes today', deadline: '2026-11-20' });
      await insert({ title: 'closed', deadline: '2026-11-19' });
      await insert({ title: 'rolling', deadline: null, deadlineTime: null, deadlineKind: 'rolling' });
      await insert({ title: 'not a call', isCall: false });
      await insert({
        title: 'second stage ahead',
        deadline: '2026-10-01',
        stages: [
          { label: 'stage 1', date: '2026-10-01', time: null },
          { label: 'stage 2', date: '2027-01-20', time: null },
        ],
      });
      const titles = (await callsRepo.listCatalogueCandidates(db, '2026-11-20')).map((c) => c.title).sort();
      expect(titles).toEqual(['closes today', 'open', 'rolling', 'second stage ahead']);
    });

    it('tracks source health: ok, failing with a growing count, empty, ok again', async () => {
      const run = (status: sourcesRepo.RunStatus, itemsSeen: number, error: string | null = null) =>
        sourcesRepo.recordRun(db, {
          sourceId: source.id,
          startedAt: new Date(),
          finishedAt: new Date(),
          status,
          itemsSeen,
          newCalls: 0,
          errorClass: error ? 'transient' : null,
          errorMessage: error,
        });
      const health = async () => (await sourcesRepo.sourceHealth(db)).find((h) => h.id === source.id)!;
      await run('ok', 8);
      expect(await health()).toMatchObject({ health: 'ok', lastItemsSeen: 8, consecutiveFailures: 0 });
      await run('failed', 0, 'HTTP 500 from the server');
      await run('failed', 0, 'HTTP 500 from the server');
      expect(await health()).toMatchObject({
        health: 'failing',
        consecutiveFailures: 2,
        lastError: 'HTTP 500 from the server',
      });
      await run('empty', 0);
      expect((await health()).health).toBe('empty');
      await run('unchanged', 0);
      expect(await health()).toMatchObject({ health: 'ok', consecutiveFailures: 0 });
      expect(await sourcesRepo.lastItemsSeen(db, source.id)).toBe(0);
    });

    it('keeps conditional-GET validators per URL', async () => {
      expect(await sourcesRepo.getValidators(db, 'https://example.org/feed')).toBeNull();
      const v = { etag: '"abc"', lastModified: 'Thu, 19 Nov 2026 10:00:00 GMT', bodySha256: 'f00' };
      await sourcesRepo.saveValidators(db, source.id, 'https://example.org/feed', v);
      await sourcesRepo.saveValidators(db, source.id, 'https://example.org/feed', { ...v, etag: '"def"' });
      expect(await sourcesRepo.getValidators(db, 'https://example.org/feed')).toEqual({
        ...v,
        etag: '"def"',
      });
    });

    it('writes a draft edition once, leaves it alone when nothing changed, never rewrites an approved one', async () => {
      const ids = [randomUUID(), randomUUID()];
      for (const id of ids) await callsRepo.insertCall(db, id, draft());
      const entries = ids.map((callId, position) => ({ callId, section: 'energy', position }));
      const first = await editionsRepo.saveDraft(db, '2026-11', '2026-11-20', entries);
      expect(first.result).toBe('created');
      expect((await editionsRepo.saveDraft(db, '2026-11', '2026-11-20', entries)).result).toBe('unchanged');
      expect((await editionsRepo.saveDraft(db, '2026-11', '2026-11-20', entries.slice(0, 1))).result).toBe(
        'updated',
      );
      expect(await editionsRepo.editionEntries(db, first.edition.id)).toEqual(entries.slice(0, 1));
      await db.query(`update editions set state = 'approved' where id = $1`, [first.edition.id]);
      expect((await editionsRepo.saveDraft(db, '2026-11', '2026-11-21', entries)).result).toBe('locked');
      expect(await editionsRepo.editionEntries(db, first.edition.id)).toEqual(entries.slice(0, 1));
    });
  });
}

describe('opening a database that cannot be used', () => {
  it('names the folder and what to do when DATA_DIR is corrupt', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hg-corrupt-'));
    try {
      // A PGlite folder whose files are garbage: what a half-copied or foreign folder looks like.
      const pgdir = path.join(dir, 'pglite');
      await import('node:fs').then((fs) => fs.mkdirSync(pgdir));
      writeFileSync(path.join(pgdir, 'PG_VERSION'), 'not a version\n');
      writeFileSync(path.join(pgdir, 'postgresql.conf'), '\u0000\u0001garbage');
      const err = await openDb({ dataDir: dir }).then(
        (db) => db.close().then(() => null),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DatabaseError);
      expect((err as Error).message).toContain(pgdir);
      expect((err as Error).message).toMatch(/move the folder aside/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which server it could not reach and how to fall back when DATABASE_URL is unreachable', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const err = await openDb({ databaseUrl: 'postgres://u:secret@127.0.0.1:1/db', dataDir: '' }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(DatabaseError);
    expect(err.message).toContain('127.0.0.1:1');
    expect(err.message).not.toContain('secret');
    expect(err.message).toMatch(/unset DATABASE_URL/);
  });
});
