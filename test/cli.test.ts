// The newcomer's path, through the real command: `hromada-grants run --fixtures`, twice.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES } from '../src/sources/registry.ts';
import { openDb } from '../src/store/db.ts';

const BIN = path.resolve('src/bin/hromada-grants.js');
let tmp: string;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd: tmp,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: tmp,
        DATA_DIR: path.join(tmp, 'data'),
        OUT_DIR: path.join(tmp, 'out'),
        PUBLIC_URL: 'https://granty.example.org',
        ...env,
      },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Rows of the summary table: source → its columns. */
function summary(stdout: string): Record<string, Record<string, string>> {
  const lines = stdout.split('\n');
  const header = lines.findIndex((l) => l.startsWith('source'));
  const cols = lines[header]!.split(/\s{2,}/);
  const rows: Record<string, Record<string, string>> = {};
  for (const line of lines.slice(header + 2)) {
    if (!line.trim()) break;
    const cells = line.split(/\s{2,}/);
    rows[cells[0]!] = Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  }
  return rows;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'hg-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('hromada-grants run --fixtures', () => {
  let first: Outcome;
  beforeAll(async () => {
    first = await cli(['run', '--fixtures']);
  }, 120_000);

  it('reads every source, reports each, and writes the catalogue files', () => {
    expect(first.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
    expect(first.code).toBe(0);
    const rows = summary(first.stdout);
    expect(Object.keys(rows).sort()).toEqual(SOURCES.map((s) => s.id).sort());
    for (const row of Object.values(rows)) {
      expect(row.status).toBe('ok');
      expect(Number(row.items)).toBeGreaterThan(0);
      expect(Number(row['new calls'])).toBeGreaterThan(0);
    }
    const html = readFileSync(path.join(tmp, 'out', 'catalogue-2026-11.html'), 'utf8');
    const text = readFileSync(path.join(tmp, 'out', 'catalogue-2026-11.txt'), 'utf8');
    expect(html).toContain('lang="uk"');
    // Links are the real sites' links, never the local fixture server's.
    expect(html).not.toContain('127.0.0.1:');
    for (const host of ['ec.europa.eu', 'prostir.ua', 'decentralization.gov.ua']) {
      expect(html).toContain(host);
      expect(text).toContain(host);
    }
    expect(first.stdout).toContain(path.join(tmp, 'out', 'catalogue-2026-11.html'));
    expect(first.stderr).toMatch(/prostir: fetching/);
  });

  it('changes nothing when run a second time', async () => {
    const db = await openDb({ dataDir: path.join(tmp, 'data') });
    const count = async () =>
      (
        await db.query<{ calls: number; items: number; entries: number }>(
          `select (select count(*) from calls)::int as calls, (select count(*) from items)::int as items,
                  (select count(*) from edition_entries)::int as entries`,
        )
      ).rows[0];
    const before = await count();
    await db.close();

    const second = await cli(['run', '--fixtures']);
    expect(second.code).toBe(0);
    for (const row of Object.values(summary(second.stdout))) expect(row['new calls']).toBe('0');
    expect(second.stdout).toMatch(/draft unchanged/);

    const again = await openDb({ dataDir: path.join(tmp, 'data') });
    const after = (
      await again.query<{ calls: number; items: number; entries: number }>(
        `select (select count(*) from calls)::int as calls, (select count(*) from items)::int as items,
                (select count(*) from edition_entries)::int as entries`,
      )
    ).rows[0];
    await again.close();
    expect(after).toEqual(before);
  }, 120_000);
});

describe('hromada-grants calls: editors merge and split, and later runs obey', () => {
  // Runs on the database the passes above filled. Prostir announced «Чиста вода громадам» with
  // 20 November; decentralization.gov.ua later reported the extension to 4 December.
  const water = async () => {
    const r = await cli(['calls', 'list', '--query', 'Чиста вода', '--json']);
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { id: string; deadline: string; copies: number; url: string }[]).sort(
      (a, b) => b.copies - a.copies,
    );
  };

  it('shows the copies of one call from two sources, with the extended deadline', async () => {
    const calls = await water();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ copies: 2, deadline: '2026-12-04' });
    const shown = await cli(['calls', 'show', calls[0]!.id.slice(0, 8)]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/prostir \(aggregator\)/);
    expect(shown.stdout).toMatch(/decentralization \(news\)/);
    expect(shown.stdout).toMatch(/extension notice moves the deadline to 2026-12-04/);
  });

  it("keeps a programme's different announcements with the same date apart", async () => {
    // pl-ua.eu: the 3rd Call's partner search forum and its call for assessors both end 4 December
    const r = await cli(['calls', 'list', '--query', 'external assessors', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject([{ copies: 1 }]);
  });

  it("joins hromady.org's Ukrainian relay to UNDP's own page, which stays primary", async () => {
    const r = await cli(['calls', 'list', '--query', 'recovery planning', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject([
      { copies: 2, donor: 'UNDP', url: expect.stringContaining('undp.org') },
    ]);
  });

  it('keeps a split through the next run, and a merge after it', async () => {
    const [call] = await water();
    const split = await cli(['calls', 'split', call!.id]);
    expect(split.code).toBe(0);
    expect(split.stdout).toMatch(/Split into 2 calls/);
    expect(await water()).toHaveLength(2);

    expect((await cli(['run', '--fixtures'])).code).toBe(0);
    const apart = await water();
    expect(apart.map((c) => c.copies)).toEqual([1, 1]);

    const merged = await cli(['calls', 'merge', apart[0]!.id, apart[1]!.id]);
    expect(merged.code).toBe(0);
    expect((await cli(['run', '--fixtures'])).code).toBe(0);
    expect(await water()).toMatchObject([{ copies: 2, deadline: '2026-12-04' }]);
  }, 240_000);

  it('says what to do when a call id is wrong', async () => {
    const r = await cli(['calls', 'split', 'nonsense']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a call id.*calls list/);
    expect((await cli(['calls', 'frobnicate'])).stderr).toMatch(/list, show, merge or split/);
  });
});

describe('errors a person can act on', () => {
  it('stops on a bad setting with one line naming it', async () => {
    const r = await cli(['run', '--fixtures'], { PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^Configuration error: PORT="eighty" is invalid/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says what to do with a corrupt DATA_DIR instead of printing a stack trace', async () => {
    const dir = path.join(tmp, 'corrupt');
    mkdirSync(path.join(dir, 'pglite'), { recursive: true });
    writeFileSync(path.join(dir, 'pglite', 'PG_VERSION'), 'garbage\n');
    const r = await cli(['run', '--fixtures'], { DATA_DIR: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be opened.*move the folder aside/s);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('says which database it could not reach', async () => {
    const r = await cli(['sources'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot reach PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  });

  it('explains usage for an unknown command or option', async () => {
    expect((await cli(['fetch-everything'])).stderr).toMatch(/Unknown command "fetch-everything"/);
    const r = await cli(['run', '--today', '20.11.2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--today must be a date as YYYY-MM-DD/);
  });
});
