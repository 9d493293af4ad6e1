// Copies become calls on real databases: one call per cluster with its primary copy, stable ids,
// extension notices, hard negatives, and editors' merge/split decisions that later runs respect.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalize } from '../../src/calls/normalize.ts';
import { RawItem, type RawItemInput } from '../../src/calls/schema.ts';
import { canonicalUrl } from '../../src/calls/url.ts';
import { mergeCalls, OverrideError, splitCall } from '../../src/pipeline/overrides.ts';
import { reconcileCalls } from '../../src/pipeline/reconcile.ts';
import type { SourceDefinition } from '../../src/sources/types.ts';
import * as callsRepo from '../../src/store/calls.repo.ts';
import type { Db } from '../../src/store/db.ts';
import * as sourcesRepo from '../../src/store/sources.repo.ts';
import { backends, resetDb } from '../helpers/db.ts';

const source = (id: string, over: Partial<SourceDefinition> = {}): SourceDefinition => ({
  id,
  name: id,
  kind: 'rss',
  homepage: `https://${id}.example/`,
  verified: true,
  start: [],
  parseList: () => ({ items: [] }),
  ...over,
});
const UCF = source('ucf', { donor: 'Український культурний фонд' });
const GURT = source('gurt');
const NEWS = source('oblast-news', { role: 'news' });

const CULTURE = {
  url: 'https://ucf.in.ua/programs/kultura-poruch-2027',
  title: 'Культура поруч: малі гранти для закладів культури громад',
  text: 'Прийом заявок: 03.11.2026 – 15.12.2026. Розмір гранту: від 50 до 200 тис. грн. Програма «Культура поруч» підтримує заклади культури територіальних громад, які відновлюють культурне життя після деокупації. Хто може подати заявку: комунальні заклади культури, громадські організації, органи місцевого самоврядування.',
  publishedAt: '2026-11-03',
};
const CULTURE_GURT = {
  url: 'https://gurt.org.ua/news/grants/96001/?utm_source=fb',
  title: 'УКФ оголошує конкурс «Культура поруч» для закладів культури громад',
  text: 'Український культурний фонд оголошує конкурс «Культура поруч». Гранти від 50 до 200 тис. грн для комунальних закладів культури, громадських організацій та органів місцевого самоврядування. Кінцевий термін подання заявок — 15 грудня 2026 року. Деталі: https://ucf.in.ua/programs/kultura-poruch-2027',
  publishedAt: '2026-11-05',
};
const CULTURE_EXTENDED = {
  url: 'https://oblast-news.example/news/kultura-poruch-prodovzheno',
  title: 'Продовжено прийом заявок на конкурс «Культура поруч»',
  text: 'Український культурний фонд продовжив термін подання заявок на конкурс «Культура поруч» до 22 грудня 2026 року. Гранти від 50 до 200 тис. грн для закладів культури громад. Деталі: https://ucf.in.ua/programs/kultura-poruch-2027',
  publishedAt: '2026-12-10',
};
// The same programme a year earlier: another call, never merged.
const CULTURE_2025 = {
  url: 'https://gurt.org.ua/news/grants/81234/',
  title: 'УКФ оголошує конкурс «Культура поруч — 2025» для закладів культури громад',
  text: 'Український культурний фонд оголошує конкурс «Культура поруч — 2025». Гранти від 50 до 200 тис. грн для закладів культури громад. Кінцевий термін подання заявок — 15 грудня 2025 року.',
  publishedAt: '2025-11-05',
};
const WATER = {
  url: 'https://gurt.org.ua/news/grants/96100/',
  title: 'Конкурс «Чиста вода громадам»: гранти до 3 млн грн на водопостачання',
  text: 'Швейцарсько-український проєкт «Чиста вода громадам» оголошує конкурс для громад Вінницької, Полтавської та Черкаської областей на модернізацію водопостачання. Гранти до 3 млн грн для органів місцевого самоврядування та комунальних підприємств. Дедлайн: 4 грудня 2026 року.',
  publishedAt: '2026-11-10',
};

async function store(db: Db, def: SourceDefinition, input: RawItemInput): Promise<void> {
  await sourcesRepo.upsertSource(db, def);
  const raw = RawItem.parse(input);
  await callsRepo.upsertItem(db, {
    sourceId: def.id,
    urlKey: canonicalUrl(raw.url),
    raw,
    rawSha256: createHash('sha256').update(JSON.stringify(raw)).digest('hex'),
    draft: normalize(raw, def.donor ?? null),
  });
}

/** Standing calls, each with its copies' source ids, sorted for comparison. */
async function snapshot(db: Db) {
  const calls = await callsRepo.listStandingCalls(db);
  return Promise.all(
    calls.map(async (c) => ({
      id: c.id,
      title: c.title,
      deadline: c.deadline,
      updatedAt: c.updatedAt.getTime(),
      copies: (await callsRepo.callCopies(db, c.id)).map((x) => x.sourceId).sort(),
    })),
  );
}

for (const backend of await backends()) {
  describe(`reconcile on ${backend.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db.close();
    });
    beforeEach(async () => {
      await resetDb(db);
    });

    it("makes one call of a donor's page and its repost, with the donor's page as primary", async () => {
      await store(db, GURT, CULTURE_GURT);
      await store(db, UCF, CULTURE);
      const r = await reconcileCalls(db);
      expect(r).toMatchObject({ calls: 1, updated: 0 });
      expect(r.created).toEqual([{ callId: expect.any(String), sourceId: 'ucf' }]);
      const [call] = await callsRepo.listStandingCalls(db);
      expect(call).toMatchObject({ url: CULTURE.url, title: CULTURE.title, deadline: '2026-12-15' });
      const copies = await callsRepo.callCopies(db, call!.id);
      expect(copies.map((c) => c.sourceId).sort()).toEqual(['gurt', 'ucf']);
      expect(call!.primaryItemId).toBe(copies.find((c) => c.sourceId === 'ucf')!.itemId);
      expect(call!.mergeEvidence.links.join('\n')).toMatch(/merged/);
    });

    it('changes nothing when run again on the same copies', async () => {
      await store(db, UCF, CULTURE);
      await store(db, GURT, CULTURE_GURT);
      await store(db, GURT, WATER);
      await reconcileCalls(db);
      const before = await snapshot(db);
      const again = await reconcileCalls(db);
      expect(again).toMatchObject({ created: [], updated: 0, moved: 0, mergedAway: 0, retired: 0 });
      expect(await snapshot(db)).toEqual(before);
    });

    it("lets a later copy join the existing call under the same id, and an extension's date win", async () => {
      await store(db, UCF, CULTURE);
      await reconcileCalls(db);
      const [first] = await snapshot(db);
      await store(db, NEWS, CULTURE_EXTENDED);
      const r = await reconcileCalls(db);
      expect(r.created).toEqual([]);
      const after = await snapshot(db);
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({
        id: first!.id,
        deadline: '2026-12-22',
        copies: ['oblast-news', 'ucf'],
      });
      const call = await callsRepo.getStoredCall(db, first!.id);
      expect(call!.url).toBe(CULTURE.url); // the news repost did not become primary
      expect(call!.mergeEvidence.fields.join('\n')).toMatch(/extension/);
    });

    it("keeps last year's edition of the same programme a separate call", async () => {
      await store(db, UCF, CULTURE);
      await store(db, GURT, CULTURE_2025);
      expect((await reconcileCalls(db)).calls).toBe(2);
    });

    it('merges two calls when an editor says so, and keeps them merged on every later run', async () => {
      await store(db, UCF, CULTURE);
      await store(db, GURT, WATER);
      await reconcileCalls(db);
      const [a, b] = await snapshot(db);
      const { callId, copies } = await mergeCalls(db, [a!.id.slice(0, 8), b!.id]);
      expect(copies).toBe(2);
      expect(await snapshot(db)).toMatchObject([{ id: callId, copies: ['gurt', 'ucf'] }]);
      const gone = callId === a!.id ? b! : a!;
      expect(await callsRepo.getStoredCall(db, gone.id)).toMatchObject({ mergedInto: callId });

      // new copies arrive and dedupe runs again: the editor's decision stands
      await store(db, GURT, CULTURE_2025);
      await reconcileCalls(db);
      await reconcileCalls(db);
      const now = await snapshot(db);
      expect(now).toHaveLength(2);
      expect(now.find((c) => c.id === callId)!.copies).toEqual(['gurt', 'ucf']);
      await expect(mergeCalls(db, [gone.id, callId])).rejects.toThrow(/merged into/);
    });

    it('splits a call when an editor says so, keeps the older id, and keeps them apart later', async () => {
      await store(db, UCF, CULTURE);
      await store(db, GURT, CULTURE_GURT);
      await reconcileCalls(db);
      const [call] = await snapshot(db);
      expect(call!.copies).toEqual(['gurt', 'ucf']);
      const gurtCopy = (await callsRepo.callCopies(db, call!.id)).find((c) => c.sourceId === 'gurt')!;

      const { callIds } = await splitCall(db, call!.id, [gurtCopy.itemId]);
      expect(callIds).toHaveLength(2);
      let calls = await snapshot(db);
      expect(calls.map((c) => c.copies)).toEqual(expect.arrayContaining([['gurt'], ['ucf']]));
      expect(calls.find((c) => c.copies[0] === 'ucf')!.id).toBe(call!.id);

      // the extension notice quotes the donor's page: it may join, but never reunite the split
      await store(db, NEWS, CULTURE_EXTENDED);
      await reconcileCalls(db);
      await reconcileCalls(db);
      calls = await snapshot(db);
      expect(calls).toHaveLength(2);
      expect(calls.find((c) => c.copies.includes('gurt'))!.copies).not.toContain('ucf');
    });

    it('refuses what cannot be done with a message that says what to do', async () => {
      await store(db, UCF, CULTURE);
      await reconcileCalls(db);
      const [call] = await snapshot(db);
      await expect(splitCall(db, call!.id)).rejects.toThrow(/only one copy/);
      await expect(mergeCalls(db, [call!.id])).rejects.toThrow(/at least two/);
      await expect(mergeCalls(db, [call!.id, '00000000-0000-4000-8000-000000000000'])).rejects.toThrow(
        /calls list/,
      );
      await expect(splitCall(db, 'abc')).rejects.toBeInstanceOf(OverrideError);
    });

    it('retires a call whose only copy now announces results, and keeps it out of catalogues', async () => {
      await store(db, GURT, WATER);
      await reconcileCalls(db);
      const [call] = await snapshot(db);
      await store(db, GURT, {
        ...WATER,
        title: 'Оголошено переможців конкурсу «Чиста вода громадам»',
        text: 'Визначено 12 громад-переможниць конкурсу «Чиста вода громадам». Вітаємо переможців! Гранти отримають громади Вінницької, Полтавської та Черкаської областей.',
      });
      const r = await reconcileCalls(db);
      expect(r).toMatchObject({ calls: 0, retired: 1 });
      expect(await callsRepo.getStoredCall(db, call!.id)).toMatchObject({ isCall: false });
      expect(await callsRepo.listCatalogueCandidates(db, '2026-11-20')).toEqual([]);
    });
  });
}
