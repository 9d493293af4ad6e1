// The `hromada-grants` command. Exit codes: 0 all good; 1 finished but some source or line failed
// (see the report); 2 could not run at all (configuration, database, usage).

import readline from 'node:readline';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type AnnouncementLine, dedupeLines, extractLine, parseLine } from './calls/contract.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { createFetcher } from './fetch/client.ts';
import type { SourceReport } from './pipeline/collect.ts';
import { mergeCalls, OverrideError, resolveCall, splitCall } from './pipeline/overrides.ts';
import { kyivToday, runPass } from './pipeline/run.ts';
import { fixturesCapturedOn, startFixtureServer } from './sources/fixtures.ts';
import { GenericSourcesError } from './sources/generic/load.ts';
import { sourcesWith } from './sources/registry.ts';
import * as callsRepo from './store/calls.repo.ts';
import { DatabaseError, openDb } from './store/db.ts';
import { migrate } from './store/migrate.ts';
import { sourceHealth } from './store/sources.repo.ts';

const USAGE = `Usage: hromada-grants <command> [options]

Commands:
  run [--fixtures] [--today YYYY-MM-DD] [--source ID]...
        One full pass in-process: fetch every enabled source, store the calls, compile this
        month's draft and write out/catalogue-YYYY-MM.{html,txt}. --fixtures serves the bundled
        fixtures from a local server (offline) with today pinned to their capture date.
  sources [--json]
        Health of every source after the last runs.
  extract [--explain] < announcements.jsonl
        One JSON line per input line: is it a call, deadline, amount, applicants, regions,
        topics, donor, language. Offline, no database; a bad line is reported and skipped.
  dedupe [--explain] < announcements.jsonl
        One {"id","cluster"} line per input line; the same cluster is the same call.
        --explain adds "evidence": why each copy was merged with another or kept apart.
  calls list [--query TEXT] [--json]
        Calls in the database with their ids and how many copies each has.
  calls show ID [--json]
        One call: its record, every copy (provenance) and why its copies were merged.
  calls merge ID ID [ID]...
        Editors' decision: these calls are one call. Kept on every later run.
  calls split ID [--copy COPY_ID]...
        Editors' decision: the named copies are another call (without --copy, every copy is
        its own call). Kept on every later run.

Environment: see .env.example (DATABASE_URL unset = embedded database in DATA_DIR).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest);
      case 'sources':
        return await sourcesCommand(rest);
      case 'extract':
        return await extractCommand(rest);
      case 'dedupe':
        return await dedupeCommand(rest);
      case 'calls':
        return await callsCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command ? 0 : 2;
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (
      err instanceof ConfigError ||
      err instanceof DatabaseError ||
      err instanceof UsageError ||
      err instanceof OverrideError ||
      err instanceof GenericSourcesError
    ) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}

class UsageError extends Error {}

function parse<const T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${USAGE}`);
  }
}

async function withDb<T>(
  config: Config,
  fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>,
): Promise<T> {
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function runCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    fixtures: { type: 'boolean', default: false },
    today: { type: 'string' },
    source: { type: 'string', multiple: true },
  });
  const config = loadConfig();
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    throw new UsageError(`--today must be a date as YYYY-MM-DD, got "${values.today}".`);
  const all = sourcesWith(config.SOURCES_FILE);
  const sources = values.source?.length ? all.filter((s) => values.source!.includes(s.id)) : all;
  const unknown = (values.source ?? []).filter((id) => !all.some((s) => s.id === id));
  if (unknown.length)
    throw new UsageError(`Unknown source ${unknown.join(', ')}. Known: ${all.map((s) => s.id).join(', ')}.`);

  const server = values.fixtures ? await startFixtureServer() : null;
  const today = values.today ?? (values.fixtures ? fixturesCapturedOn() : kyivToday());
  const fetcher = createFetcher({
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    userAgent: `hromada-grants/0.1 (+${config.USER_AGENT_CONTACT})`,
    // The fixture server is on loopback, which the SSRF guard otherwise refuses.
    ...(server ? { rewrite: server.rewrite, guard: { allowHosts: [server.host] } } : { minDelayMs: 1000 }),
  });
  const started = Date.now();
  console.error(
    `hromada-grants run: ${sources.length} sources, today ${today}${server ? ' (fixtures served from a local server)' : ''}`,
  );
  try {
    return await withDb(config, async (db) => {
      const result = await runPass({
        db,
        fetcher,
        sources,
        today,
        outDir: config.OUT_DIR,
        publicUrl: config.PUBLIC_URL,
        polite: !server,
        progress: (id, msg) => console.error(`  ${id}: ${msg}`),
      });
      console.log(`\n${summaryTable(result.reports)}\n`);
      const r = result.reconciled;
      const copies = result.reports.reduce((n, x) => n + x.itemsSeen, 0);
      console.log(
        `Calls: ${r.calls} (${r.created.length} new, ${r.updated} updated, ${r.mergedAway} merged into others, ${r.retired} no longer calls) from ${copies} copies seen in this pass.`,
      );
      const draft =
        result.draftResult === 'locked'
          ? `${result.editionState}, not recompiled`
          : `draft ${result.draftResult}`;
      console.log(`Catalogue ${result.month} (${draft}): ${result.entries} calls`);
      console.log(`  ${result.files.html}\n  ${result.files.text}`);
      console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      const failed = result.reports.filter((r) => r.status === 'failed');
      if (failed.length) {
        console.error(
          `\n${failed.length} source(s) failed: ${failed.map((r) => r.sourceId).join(', ')}. The others were stored; run again later or check the source (hromada-grants sources).`,
        );
        return 1;
      }
      return 0;
    });
  } finally {
    await server?.close();
  }
}

async function sourcesCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean', default: false } });
  const config = loadConfig();
  return withDb(config, async (db) => {
    const rows = await sourceHealth(db);
    if (values.json) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    const table = rows.map((r) => ({
      source: r.id,
      health: r.health,
      'last run': r.lastRunAt ? r.lastRunAt.toISOString().slice(0, 16).replace('T', ' ') : '—',
      items: r.lastItemsSeen === null ? '—' : String(r.lastItemsSeen),
      failures: String(r.consecutiveFailures),
      error: r.lastError ? `${r.lastErrorClass}: ${r.lastError}` : '',
    }));
    console.log(
      rows.length ? formatTable(table) : 'No source has run yet: try `hromada-grants run --fixtures`.',
    );
    return rows.some((r) => r.health === 'failing') ? 1 : 0;
  });
}

export function summaryTable(reports: SourceReport[]): string {
  const rows = reports.map((r) => ({
    source: r.sourceId,
    status: r.status,
    items: String(r.itemsSeen),
    'new calls': String(r.newCalls),
    time: `${(r.durationMs / 1000).toFixed(1)} s`,
    error: r.errorMessage
      ? `${r.errorClass ? `${r.errorClass}: ` : ''}${r.errorMessage}`
      : r.badItems
        ? `${r.badItems} bad items skipped`
        : '',
  }));
  return formatTable(rows);
}

function formatTable(rows: Record<string, string>[]): string {
  const cols = Object.keys(rows[0] ?? {});
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length));
  const line = (cells: string[]) =>
    cells
      .map((v, i) => v.padEnd(width(cols[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(cols),
    line(cols.map((c) => '-'.repeat(width(c)))),
    ...rows.map((r) => line(cols.map((c) => r[c] ?? ''))),
  ].join('\n');
}

/** Reads JSON Lines from stdin; bad lines are reported on stderr (with their number) and skipped. */
async function readAnnouncements(onLine: (a: AnnouncementLine) => void): Promise<number> {
  let n = 0;
  let bad = 0;
  for await (const line of readline.createInterface({
    input: process.stdin,
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    n++;
    if (!line.trim()) continue;
    const parsed = parseLine(line);
    if (parsed.ok) onLine(parsed.value);
    else {
      bad++;
      console.error(`line ${n}: skipped: ${parsed.error}`);
    }
  }
  return bad;
}

async function extractCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { explain: { type: 'boolean', default: false } });
  await readAnnouncements((a) => {
    try {
      process.stdout.write(`${JSON.stringify(extractLine(a, values.explain))}\n`);
    } catch (err) {
      console.error(`id ${a.id}: skipped: extraction failed: ${(err as Error).message}`);
    }
  });
  return 0;
}

async function dedupeCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { explain: { type: 'boolean', default: false } });
  const lines: AnnouncementLine[] = [];
  await readAnnouncements((a) => lines.push(a));
  for (const row of dedupeLines(lines, { explain: values.explain }))
    process.stdout.write(`${JSON.stringify(row)}\n`);
  return 0;
}

async function callsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const config = loadConfig();
  switch (sub) {
    case 'list': {
      const { values } = parse(rest, {
        query: { type: 'string' },
        json: { type: 'boolean', default: false },
      });
      return withDb(config, async (db) => {
        const calls = values.query
          ? await callsRepo.searchCalls(db, values.query, 50)
          : await callsRepo.listStandingCalls(db);
        const copies = await callsRepo.copyCounts(db);
        if (values.json) {
          console.log(JSON.stringify(calls.map((c) => ({ ...c, copies: copies.get(c.id) ?? 0 }))));
          return 0;
        }
        if (!calls.length) {
          console.log(
            values.query
              ? `No call matches "${values.query}".`
              : 'No calls yet: run `hromada-grants run --fixtures` first.',
          );
          return 0;
        }
        console.log(
          formatTable(
            calls.map((c) => ({
              id: c.id.slice(0, 8),
              deadline: c.deadline ?? c.deadlineKind,
              copies: String(copies.get(c.id) ?? 0),
              donor: (c.donor ?? '').slice(0, 30),
              title: c.title.length > 70 ? `${c.title.slice(0, 69)}…` : c.title,
            })),
          ),
        );
        return 0;
      });
    }
    case 'show': {
      const { values, positionals } = parse(rest, { json: { type: 'boolean', default: false } }, true);
      if (positionals.length !== 1) throw new UsageError('Usage: hromada-grants calls show ID');
      return withDb(config, async (db) => {
        const call = await resolveCall(db, positionals[0]!);
        const copies = await callsRepo.callCopies(db, call.id);
        if (values.json) {
          console.log(JSON.stringify({ ...call, copies }, null, 2));
          return 0;
        }
        console.log(`${call.title}\n${call.id}\n`);
        const amount =
          call.amountMax !== null || call.amountMin !== null
            ? `${call.amountMin ?? '…'}–${call.amountMax ?? '…'} ${call.currency ?? ''}`.trim()
            : '—';
        console.log(
          formatTable(
            [
              ['donor', call.donor ?? '—'],
              [
                'deadline',
                `${call.deadline ?? call.deadlineKind}${call.deadlineTime ? ` ${call.deadlineTime}` : ''}`,
              ],
              ['amount', amount],
              ['applicants', call.applicants.join(', ') || '—'],
              ['regions', call.regions.join(', ') || '—'],
              ['url', call.url],
            ].map(([field, value]) => ({ field: field!, value: value! })),
          ),
        );
        console.log(`\nCopies (${copies.length}):`);
        console.log(
          formatTable(
            copies.map((c) => ({
              copy: String(c.itemId),
              primary: c.itemId === call.primaryItemId ? '*' : '',
              source: `${c.sourceId} (${c.role})`,
              'first seen': c.firstSeen.toISOString().slice(0, 10),
              'last seen': c.lastSeen.toISOString().slice(0, 10),
              url: c.url,
            })),
          ),
        );
        const { fields, links } = call.mergeEvidence;
        if (fields.length + links.length)
          console.log(`\nWhy:\n${[...fields, ...links].map((l) => `  ${l}`).join('\n')}`);
        return 0;
      });
    }
    case 'merge': {
      const { positionals } = parse(rest, {}, true);
      if (positionals.length < 2) throw new UsageError('Usage: hromada-grants calls merge ID ID [ID]...');
      return withDb(config, async (db) => {
        const { callId, copies } = await mergeCalls(db, positionals);
        console.log(`Merged into call ${callId} (${copies} copies). Later runs keep them together.`);
        return 0;
      });
    }
    case 'split': {
      const { values, positionals } = parse(rest, { copy: { type: 'string', multiple: true } }, true);
      if (positionals.length !== 1)
        throw new UsageError('Usage: hromada-grants calls split ID [--copy COPY_ID]...');
      const copies = (values.copy ?? []).map((c) => {
        if (!/^\d+$/.test(c))
          throw new UsageError(`--copy takes a copy id (a number from calls show), got "${c}".`);
        return Number(c);
      });
      return withDb(config, async (db) => {
        const { callIds } = await splitCall(db, positionals[0]!, copies);
        console.log(`Split into ${callIds.length} calls: ${callIds.join(', ')}. Later runs keep them apart.`);
        return 0;
      });
    }
    default:
      throw new UsageError(
        `${sub ? `Unknown calls command "${sub}"` : 'calls needs a command'}: list, show, merge or split.\n\n${USAGE}`,
      );
  }
}
