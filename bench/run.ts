// `npm run bench`: one JSON line per scenario, {"scenario","value","unit","baseline","ratio"}, the
// baseline measured in the same run on the same machine so ratios survive noisy hardware.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { createFetcher } from '../src/fetch/client.ts';
import { runPass } from '../src/pipeline/run.ts';
import { fixturesCapturedOn, loadFixtureCases, startFixtureServer } from '../src/sources/fixtures.ts';
import { SOURCES } from '../src/sources/registry.ts';
import { openDb } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';

const REPS = Number(process.env.BENCH_REPS ?? 5);

function emit(scenario: string, value: number, unit: string, baseline: number) {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  console.log(
    JSON.stringify({
      scenario,
      value: round(value),
      unit,
      baseline: round(baseline),
      ratio: round(value / baseline),
    }),
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Baseline: cheerio parsing every fixture document, nothing else. */
function rawParse(docs: string[]): number {
  const t0 = performance.now();
  for (const d of docs) cheerio.load(d, { xml: d.trimStart().startsWith('<?xml') });
  return performance.now() - t0;
}

/** One full `run --fixtures` pass on a fresh embedded database (opening it is not counted). */
async function pass(): Promise<{ ms: number; items: number }> {
  const server = await startFixtureServer();
  const out = await mkdtemp(path.join(os.tmpdir(), 'hg-bench-'));
  const db = await openDb({ dataDir: 'memory://' });
  await migrate(db);
  try {
    const fetcher = createFetcher({
      timeoutMs: 10_000,
      maxBytes: 10 * 1024 * 1024,
      userAgent: 'hromada-grants-bench',
      rewrite: server.rewrite,
      guard: { allowHosts: [server.host] },
    });
    const t0 = performance.now();
    const result = await runPass({
      db,
      fetcher,
      sources: SOURCES,
      today: fixturesCapturedOn(),
      outDir: out,
      publicUrl: 'http://127.0.0.1:3000',
      polite: false,
    });
    const ms = performance.now() - t0;
    const failed = result.reports.filter((r) => r.status === 'failed');
    if (failed.length)
      throw new Error(
        `bench pass had failing sources: ${failed.map((r) => `${r.sourceId}: ${r.errorMessage}`).join('; ')}`,
      );
    return { ms, items: result.reports.reduce((n, r) => n + r.itemsSeen, 0) };
  } finally {
    await db.close();
    await server.close();
    await rm(out, { recursive: true, force: true });
  }
}

const docs = loadFixtureCases().map((c) => readFileSync(c.file, 'utf8'));
const mb = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;

await pass(); // warm-up: module loading, JIT, MJML's first compile
const passes: { ms: number; items: number }[] = [];
for (let i = 0; i < REPS; i++) passes.push(await pass());
rawParse(docs);
const parseMs = median(Array.from({ length: REPS * 5 }, () => rawParse(docs)));
const passMs = median(passes.map((p) => p.ms));
const items = passes[0]!.items;

emit('run-fixtures-pass', passMs, 'ms', parseMs);
emit('run-fixtures-throughput', mb / (passMs / 1000), 'MB/s', mb / (parseMs / 1000));
emit('run-fixtures-items', items / (passMs / 1000), 'items/s', items / (parseMs / 1000));
