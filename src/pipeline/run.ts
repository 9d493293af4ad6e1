// `hromada-grants run`: one in-process pass, no Redis — collect every enabled source, compile the
// month's draft edition and write the catalogue files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KYIV_TZ } from '../config.ts';
import { renderCatalogue } from '../digest/render.ts';
import { compileEdition, type EditionDraft, editionEntries } from '../digest/select.ts';
import type { Fetcher } from '../fetch/client.ts';
import type { SourceDefinition } from '../sources/types.ts';
import * as callsRepo from '../store/calls.repo.ts';
import type { Db } from '../store/db.ts';
import * as editionsRepo from '../store/editions.repo.ts';
import * as sourcesRepo from '../store/sources.repo.ts';
import { collectSource, type Progress, type SourceReport } from './collect.ts';
import { type ReconcileResult, reconcileCalls } from './reconcile.ts';

export interface PassOptions {
  db: Db;
  fetcher: Fetcher;
  sources: readonly SourceDefinition[];
  /** Kyiv calendar day the pass runs on (pinned in fixtures mode). */
  today: string;
  outDir: string;
  publicUrl: string;
  polite?: boolean;
  /** Sources fetched at once; each is a different host, and each source is sequential inside. */
  concurrency?: number;
  progress?: Progress;
}

export interface PassResult {
  reports: SourceReport[];
  reconciled: ReconcileResult;
  month: string;
  editionState: editionsRepo.EditionState;
  draftResult: editionsRepo.SaveDraftResult;
  entries: number;
  files: { html: string; text: string };
}

export async function runPass(opts: PassOptions): Promise<PassResult> {
  const enabled = opts.sources.filter((s) => s.enabled !== false);
  const reports = await mapLimit(enabled, opts.concurrency ?? 4, async (def) => {
    opts.progress?.(def.id, 'fetching…');
    const report = await collectSource(
      { db: opts.db, fetcher: opts.fetcher, polite: opts.polite, progress: opts.progress },
      def,
    );
    opts.progress?.(
      def.id,
      `${report.status}: ${report.itemsSeen} items (${report.newItems} new, ${report.changedItems} changed)`,
    );
    return report;
  });

  opts.progress?.('dedupe', 'clustering copies into calls…');
  const reconciled = await reconcileCalls(opts.db);
  await creditNewCalls(opts.db, reports, reconciled);

  const month = opts.today.slice(0, 7);
  const candidates = await callsRepo.listCatalogueCandidates(opts.db, opts.today);
  const compiled = compileEdition(candidates, { month, today: opts.today });
  const { edition, result } = await opts.db.transaction((tx) =>
    editionsRepo.saveDraft(tx, month, opts.today, editionEntries(compiled)),
  );
  // An approved edition is rendered as approved, not as today's compile would have it.
  const draft =
    result === 'locked'
      ? fromStored(compiled, await editionsRepo.editionEntries(opts.db, edition.id))
      : compiled;
  const rendered = await renderCatalogue(draft, candidates, { today: opts.today, publicUrl: opts.publicUrl });

  await mkdir(opts.outDir, { recursive: true });
  const files = {
    html: path.join(opts.outDir, `catalogue-${month}.html`),
    text: path.join(opts.outDir, `catalogue-${month}.txt`),
  };
  await writeFile(files.html, rendered.html);
  await writeFile(files.text, rendered.text);
  return {
    reports,
    reconciled,
    month,
    editionState: edition.state,
    draftResult: result,
    entries: draft.sections.reduce((n, s) => n + s.callIds.length, 0),
    files,
  };
}

/** A new call counts for the source of its primary copy, in the report and in the run's record. */
export async function creditNewCalls(
  db: Db,
  reports: SourceReport[],
  reconciled: ReconcileResult,
): Promise<void> {
  for (const report of reports) {
    report.newCalls = reconciled.created.filter((c) => c.sourceId === report.sourceId).length;
    if (report.runId !== null && report.newCalls)
      await sourcesRepo.setRunNewCalls(db, report.runId, report.newCalls);
  }
}

function fromStored(compiled: EditionDraft, entries: editionsRepo.EditionEntry[]): EditionDraft {
  const sections: EditionDraft['sections'] = [];
  for (const e of entries) {
    const last = sections.at(-1);
    if (last && last.topic === e.section) last.callIds.push(e.callId);
    else
      sections.push({ topic: e.section as EditionDraft['sections'][number]['topic'], callIds: [e.callId] });
  }
  const kept = new Set(entries.map((e) => e.callId));
  return { ...compiled, sections, closingSoon: compiled.closingSoon.filter((id) => kept.has(id)) };
}

/** Today's calendar date in Kyiv, whatever the machine's timezone. */
export function kyivToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: KYIV_TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
