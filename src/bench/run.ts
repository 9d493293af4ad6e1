// `npm run bench`: one JSON line per scenario, {"scenario","value","unit","baseline","ratio"}, the
// baseline measured in the same run on the same machine so ratios survive noisy hardware.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { createFetcher } from '../fetch/client.ts';
import { fixturesCapturedOn, loadFixtureCases, startFixtureServer } from '../sources/fixtures.ts';
import { SOURCES } from '../sources/registry.ts';

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
  // Loaded here, not at the top: the fetch-parse process must not carry PGlite and MJML in its RSS.
  const { runPass } = await import('../pipeline/run.ts');
  const { openDb } = await import('../store/db.ts');
  const { migrate } = await import('../store/migrate.ts');
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

/**
 * Fetch + parse throughput over ≥1,000 realistic detail pages from a local server (politeness off):
 * the whole fetcher (guard, robots, limits, charset) and the adapter, against raw cheerio parsing
 * of the same bytes. Both sides are warmed up and timed alike (the median of three passes, taken
 * in turn), and the peak RSS is that of the fetch+parse passes alone.
 */
async function fetchParse(): Promise<void> {
  const http = await import('node:http');
  const def = SOURCES.find((s) => s.id === 'decentralization')!;
  const details = loadFixtureCases().filter(
    (c) => c.sourceId === 'decentralization' && c.parser === 'detail',
  );
  const templates = details.map((c) => readFileSync(c.file, 'utf8'));
  const PAGES = 1200;
  // Each page differs (id, title) so nothing is served from a cache by accident. The server holds
  // the encoded bytes, as a remote site would, rather than encoding a string per response.
  const page = (i: number) =>
    templates[i % templates.length]!.replaceAll('/news/2', `/news/${i}2`).replace('<h1', `<h1 data-n="${i}"`);
  const bodies = Array.from({ length: PAGES }, (_, i) => Buffer.from(page(i)));
  const server = http.createServer((req, res) => {
    const n = Number(/\/news\/(\d+)/.exec(req.url ?? '')?.[1] ?? -1);
    const body = bodies[n];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  const fetcher = createFetcher({
    timeoutMs: 10_000,
    maxBytes: 10 * 1024 * 1024,
    userAgent: 'hromada-grants-bench',
    guard: { allowHosts: [host] },
    oneAtATimePerHost: false,
  });
  const totalMb = bodies.reduce((n, b) => n + b.byteLength, 0) / 1e6;
  const CONCURRENCY = 8;
  const onePass = async (): Promise<number> => {
    const t0 = performance.now();
    let parsed = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < PAGES) {
          const i = next++;
          const url = `http://${host}/news/${i}`;
          const res = await fetcher.fetch({ url });
          if (res.changed && def.parseDetail!(res.doc, { url, hint: {} })) parsed++;
        }
      }),
    );
    if (parsed !== PAGES) throw new Error(`fetch-parse bench parsed ${parsed} of ${PAGES} pages`);
    return performance.now() - t0;
  };
  // Memory, and warm-up: fetch+parse passes alone. Peak RSS is read before the baseline's own
  // parsing runs in this process.
  for (let r = 0; r < 3; r++) await onePass();
  const peakRssMb = process.resourceUsage().maxRSS / 1024; // KiB → MB
  // Time: fetch+parse and baseline passes alternate, so a machine busy with other work slows both
  // alike; each side is the median of three.
  const pages = bodies.map((b) => b.toString('utf8'));
  rawParse(pages);
  const passes: number[] = [];
  const baselines: number[] = [];
  for (let r = 0; r < 3; r++) {
    passes.push(await onePass());
    baselines.push(rawParse(pages));
  }
  server.close();
  const ms = median(passes);
  const baselineMs = median(baselines);
  emit('fetch-parse-pages', PAGES / (ms / 1000), 'pages/s', PAGES / (baselineMs / 1000));
  emit('fetch-parse-throughput', totalMb / (ms / 1000), 'MB/s', totalMb / (baselineMs / 1000));
  emit('fetch-parse-overhead', ms, 'ms', baselineMs);
  // The baseline is the 300 MB budget.
  emit('fetch-parse-peak-rss', peakRssMb, 'MB', 300);
}

async function runPassScenarios(): Promise<void> {
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
}

/**
 * Extraction over the labeled announcements repeated to 6,000 texts, on this one thread; the
 * baseline merely normalizes and tokenizes the same texts.
 */
async function extractionBench(): Promise<void> {
  const { extract } = await import('../calls/extract/index.ts');
  const { cleanText } = await import('../calls/text.ts');
  const rows = readFileSync(new URL('../../fixtures/eval/extraction.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; title?: string; published_at?: string });
  const texts = Array.from({ length: 6000 }, (_, i) => rows[i % rows.length]!);
  for (const t of texts.slice(0, 500))
    extract({ text: t.text, title: t.title ?? null, publishedAt: t.published_at ?? null });
  let t0 = performance.now();
  for (const t of texts)
    extract({ text: t.text, title: t.title ?? null, publishedAt: t.published_at ?? null });
  const ms = performance.now() - t0;
  t0 = performance.now();
  let tokens = 0;
  for (const t of texts)
    tokens += cleanText(`${t.title ?? ''}\n${t.text}`)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).length;
  const baseMs = performance.now() - t0;
  if (tokens === 0) throw new Error('no tokens');
  emit(
    'extract-announcements',
    texts.length / (ms / 1000),
    'announcements/s',
    texts.length / (baseMs / 1000),
  );
}

// Each scenario group runs in its own process so peak memory is its own.
if (process.env.BENCH_SCENARIO === 'fetch-parse') await fetchParse();
else {
  await runPassScenarios();
  await extractionBench();
  const { execFileSync } = await import('node:child_process');
  process.stdout.write(
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL('../bin/run-ts.js', import.meta.url)), fileURLToPath(import.meta.url)],
      {
        env: { ...process.env, BENCH_SCENARIO: 'fetch-parse' },
      },
    ),
  );
  // dedupe at 10k and 100k items (BENCH_DEDUPE_1M=1 adds 1M, about two minutes): src/bench/dedupe.ts
  process.stdout.write(
    execFileSync(process.execPath, [
      fileURLToPath(new URL('../bin/run-ts.js', import.meta.url)),
      fileURLToPath(new URL('./dedupe.ts', import.meta.url)),
      '--fast',
      ...(process.env.BENCH_DEDUPE_1M === '1' ? ['--1m'] : []),
    ]),
  );
}
