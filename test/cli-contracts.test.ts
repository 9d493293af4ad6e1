// `hromada-grants extract` and `dedupe` as evaluation tools call them: JSON Lines in and out,
// same order, offline, a bad line reported and skipped, exit 0.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve('src/bin/hromada-grants.js');

function run(command: string, input: string, ...flags: string[]) {
  const r = spawnSync(process.execPath, [BIN, command, ...flags], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    // No database, no network: the commands must not need either.
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
  });
  return {
    code: r.status,
    out: r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    err: r.stderr,
  };
}

const CALL = {
  id: 'c1',
  published_at: '2026-03-02',
  title: 'Конкурс «Світло в кожну громаду»',
  text: 'Фонд оголошує конкурс. Розмір гранту — від 150 до 400 тисяч гривень. До участі запрошуються органи місцевого самоврядування Хмельницької області. Заявки приймаються до 16:00 3 квітня.',
};
const NEWS = {
  id: 'n1',
  published_at: '2026-05-14',
  text: 'Оголошено переможців конкурсу «Чиста вода громадам»: 12 громад отримають по 500 тис. грн.',
};

describe('hromada-grants extract', () => {
  it('answers each line in order and skips a bad one with its line number', () => {
    const r = run('extract', [JSON.stringify(CALL), '{"id": "broken"', JSON.stringify(NEWS), ''].join('\n'));
    expect(r.code).toBe(0);
    expect(r.out.map((o) => o.id)).toEqual(['c1', 'n1']);
    expect(r.err).toMatch(/^line 2: skipped: not valid JSON/m);
    expect(r.out[0]).toMatchObject({
      is_call: true,
      deadline: '2026-04-03',
      deadline_kind: 'fixed',
      amount_min: 150000,
      amount_max: 400000,
      currency: 'UAH',
      applicants: ['local_government'],
      regions: ['UA-68'],
      lang: 'uk',
    });
    expect(Object.keys(r.out[0]).sort()).toEqual(
      [
        'id',
        'is_call',
        'title',
        'donor',
        'deadline',
        'deadline_kind',
        'amount_min',
        'amount_max',
        'currency',
        'applicants',
        'regions',
        'topics',
        'lang',
      ].sort(),
    );
    expect(r.out[1]).toMatchObject({ id: 'n1', is_call: false });
  });
});

describe('hromada-grants dedupe', () => {
  it('puts a verbatim relay of a call in the same cluster and other calls apart', () => {
    const relay = { ...CALL, id: 'c2', url: 'https://www.prostir.ua/?grants=svitlo&utm_source=fb' };
    const r = run('dedupe', [CALL, NEWS, relay].map((l) => JSON.stringify(l)).join('\n'));
    expect(r.code).toBe(0);
    expect(r.out.map((o) => o.id)).toEqual(['c1', 'n1', 'c2']);
    const cluster = Object.fromEntries(r.out.map((o) => [o.id, o.cluster]));
    expect(cluster.c1).toBe(cluster.c2);
    expect(cluster.n1).not.toBe(cluster.c1);
    expect(r.out[0]).not.toHaveProperty('evidence');
  });

  it('--explain says why copies were merged', () => {
    const relay = { ...CALL, id: 'c2', url: 'https://www.prostir.ua/?grants=svitlo&utm_source=fb' };
    const r = run('dedupe', [CALL, relay].map((l) => JSON.stringify(l)).join('\n'), '--explain');
    expect(r.code).toBe(0);
    expect(r.out[1].cluster).toBe(r.out[0].cluster);
    expect(r.out[1].evidence.join(' ')).toMatch(/merged c1~c2 score/);
  });
});
