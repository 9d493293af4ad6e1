// Processor for `fetch-source {sourceId}` jobs: looks the source up and runs the same collect and
// reconcile steps `hromada-grants run` runs in-process. The worker entry that binds it to BullMQ comes with
// `serve`/`worker`.
import type { CollectContext, SourceReport } from '../src/pipeline/collect.ts';
import { collectSource } from '../src/pipeline/collect.ts';
import { reconcileCalls } from '../src/pipeline/reconcile.ts';
import { creditNewCalls } from '../src/pipeline/run.ts';
import type { CollectSourceJob } from '../src/queue/names.ts';
import { getSource } from '../src/sources/registry.ts';

export class UnknownSourceError extends Error {
  override name = 'UnknownSourceError';
}

export async function processCollectSource(
  data: CollectSourceJob,
  ctx: CollectContext,
): Promise<SourceReport> {
  const def = getSource(data.sourceId);
  // Permanent: retrying a job for a source that no longer exists never helps.
  if (!def) throw new UnknownSourceError(`no source with id "${data.sourceId}"`);
  const report = await collectSource(ctx, def);
  // Copies become calls at once; the reconcile lock keeps concurrent jobs from racing.
  await creditNewCalls(ctx.db, [report], await reconcileCalls(ctx.db));
  return report;
}
