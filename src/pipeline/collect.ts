// One source, one pass: fetch its documents, let the adapter parse them, normalize each item and
// store it with its provenance. Re-running on unchanged documents writes nothing new.
import { createHash } from 'node:crypto';
import { normalize } from '../calls/normalize.ts';
import { RawItem, type RawItemInput } from '../calls/schema.ts';
import { canonicalUrl } from '../calls/url.ts';
import type { Fetcher, FetchOptions } from '../fetch/client.ts';
import { FetchError } from '../fetch/errors.ts';
import {
  type DetailLink,
  type SourceDefinition,
  SourceFormatError,
  type SourceRequest,
} from '../sources/types.ts';
import * as callsRepo from '../store/calls.repo.ts';
import type { Db } from '../store/db.ts';
import * as sourcesRepo from '../store/sources.repo.ts';

export interface SourceReport {
  sourceId: string;
  name: string;
  status: sourcesRepo.RunStatus;
  itemsSeen: number;
  /** Copies stored for the first time / stored again because they changed. */
  newItems: number;
  changedItems: number;
  /** Calls that did not exist before this pass whose primary copy is this source's (set by reconcile). */
  newCalls: number;
  /** This run's row in source_runs. */
  runId: number | null;
  /** Items the adapter returned that did not validate (skipped, the rest stored). */
  badItems: number;
  durationMs: number;
  errorClass: string | null;
  errorMessage: string | null;
}

export type Progress = (sourceId: string, message: string) => void;

export interface CollectContext {
  db: Db;
  fetcher: Fetcher;
  /** false turns per-host delays off (fixtures, benchmarks); the fetcher paces per host. */
  polite?: boolean;
  progress?: Progress;
}

export async function collectSource(ctx: CollectContext, def: SourceDefinition): Promise<SourceReport> {
  const started = new Date();
  const report: SourceReport = {
    sourceId: def.id,
    name: def.name,
    status: 'ok',
    itemsSeen: 0,
    newItems: 0,
    changedItems: 0,
    newCalls: 0,
    runId: null,
    badItems: 0,
    durationMs: 0,
    errorClass: null,
    errorMessage: null,
  };
  await sourcesRepo.upsertSource(ctx.db, def);
  const previousItems = await sourcesRepo.lastItemsSeen(ctx.db, def.id);
  let unchangedDocs = 0;

  let docs = 0;
  try {
    const fetchOptions = { minDelayMs: ctx.polite === false ? 0 : (def.minDelayMs ?? 1000) };
    const budget = def.maxItems ?? 100;
    let handled = 0;
    for (const start of def.start) {
      let req: SourceRequest | undefined = start;
      for (let page = 1; req && page <= (def.maxPages ?? 1); page++) {
        const key = validatorKey(req);
        const res = await ctx.fetcher.fetch(req, await sourcesRepo.getValidators(ctx.db, key), fetchOptions);
        docs++;
        // Lists are newest first: an unchanged page means the pages after it hold nothing new.
        if (!res.changed) {
          unchangedDocs++;
          break;
        }
        const list = parseWith(def, () => def.parseList(res.doc));
        for (const item of list.items) {
          if (handled++ >= budget) break;
          await storeItem(ctx, def, item, report);
        }
        const details = list.details ?? [];
        for (const [i, link] of details.entries()) {
          if (handled++ >= budget) break;
          if (await knownDetail(ctx, def, link)) {
            report.itemsSeen++;
            continue;
          }
          ctx.progress?.(def.id, `detail ${i + 1}/${details.length}`);
          const item = await fetchDetail(ctx, def, link, fetchOptions);
          if (item) await storeItem(ctx, def, item, report);
        }
        // Saved last: if anything above failed, the next run parses this document again.
        await sourcesRepo.saveValidators(ctx.db, def.id, key, res.validators);
        req = list.next?.[0];
      }
    }
    if (unchangedDocs === docs) report.status = 'unchanged';
    else if (report.itemsSeen === 0 && report.badItems === 0 && (previousItems ?? 0) > 0) {
      report.status = 'empty';
      report.errorMessage = `returned no items where the last run had ${previousItems}: the layout may have changed`;
    } else if (report.itemsSeen === 0 && report.badItems > 0) {
      throw new SourceFormatError(`all ${report.badItems} items failed validation`);
    }
  } catch (err) {
    report.status = 'failed';
    report.errorClass =
      err instanceof FetchError ? err.errorClass : err instanceof SourceFormatError ? 'format' : 'bug';
    report.errorMessage = err instanceof Error ? err.message : String(err);
  }
  report.durationMs = Date.now() - started.getTime();
  report.runId = await sourcesRepo.recordRun(ctx.db, {
    sourceId: def.id,
    startedAt: started,
    finishedAt: new Date(),
    status: report.status,
    itemsSeen: report.itemsSeen,
    newCalls: report.newCalls,
    errorClass: report.errorClass,
    errorMessage: report.errorMessage,
  });
  return report;
}

/**
 * Only new or changed detail pages are fetched: an item already stored whose list entry still
 * says the same (title, date) is seen again without a request.
 */
async function knownDetail(ctx: CollectContext, def: SourceDefinition, link: DetailLink): Promise<boolean> {
  const stored = await callsRepo.findItem(ctx.db, def.id, canonicalUrl(link.url));
  if (!stored) return false;
  const same =
    (link.hint.title === undefined || stored.title === link.hint.title) &&
    (link.hint.publishedAt === undefined || stored.publishedAt === link.hint.publishedAt);
  if (same) await callsRepo.touchItem(ctx.db, stored.id);
  return same;
}

/** Detail pages are keyed by URL; an unchanged page is an item already stored. */
async function fetchDetail(
  ctx: CollectContext,
  def: SourceDefinition,
  link: DetailLink,
  options: FetchOptions,
): Promise<RawItemInput | null> {
  if (!def.parseDetail) throw new SourceFormatError(`${def.id} returned detail links but has no parseDetail`);
  const req = { url: link.url };
  const res = await ctx.fetcher.fetch(req, await sourcesRepo.getValidators(ctx.db, link.url), options);
  if (!res.changed) return null;
  const item = parseWith(def, () => def.parseDetail!(res.doc, link));
  await sourcesRepo.saveValidators(ctx.db, def.id, link.url, res.validators);
  return item && { ...link.hint, ...item };
}

function parseWith<T>(def: SourceDefinition, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof SourceFormatError) throw err;
    // Parsers fail on documents they do not understand; that is the document's shape, not a retry case.
    throw new SourceFormatError(`${def.id}: could not parse the document: ${(err as Error).message}`);
  }
}

async function storeItem(
  ctx: CollectContext,
  def: SourceDefinition,
  input: RawItemInput,
  report: SourceReport,
): Promise<void> {
  const parsed = RawItem.safeParse(input);
  if (!parsed.success) {
    report.badItems++;
    ctx.progress?.(def.id, `skipped an item (${input.url ?? 'no url'}): ${parsed.error.issues[0]?.message}`);
    return;
  }
  const raw = parsed.data;
  report.itemsSeen++;
  const urlKey = canonicalUrl(raw.url);
  const rawSha256 = createHash('sha256').update(JSON.stringify(raw)).digest('hex');

  // Which call the copy belongs to is decided after the whole pass (pipeline/reconcile.ts), when
  // every source's copies are in.
  await ctx.db.transaction(async (tx) => {
    const existing = await callsRepo.findItem(tx, def.id, urlKey);
    if (existing && existing.rawSha256 === rawSha256) return callsRepo.touchItem(tx, existing.id);
    const draft = normalize(raw, def.donor ?? null);
    await callsRepo.upsertItem(tx, { sourceId: def.id, urlKey, raw, rawSha256, draft });
    if (existing) report.changedItems++;
    else report.newItems++;
  });
}

function validatorKey(req: SourceRequest): string {
  if (!req.body) return req.url;
  // POST APIs answer per body: the body is part of what was asked.
  return `${req.url}#${createHash('sha256').update(req.body).digest('hex').slice(0, 16)}`;
}
