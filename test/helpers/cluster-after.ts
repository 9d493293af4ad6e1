// Clusters a labeled eval set after first clustering the other sets (or not), and prints a digest
// of the clusters: the same input must cluster the same way whatever the process did before.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type AnnouncementLine, dedupeLines } from '../../src/calls/contract.ts';
import { FIXTURES_DIR } from '../../src/sources/fixtures.ts';

const load = (file: string): AnnouncementLine[] =>
  readFileSync(path.join(FIXTURES_DIR, 'eval', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AnnouncementLine);

if (process.argv.includes('--warm'))
  for (const f of ['dedupe.jsonl', 'dedupe-holdout.jsonl', 'dedupe-fresh.jsonl', 'dedupe-fresh2.jsonl'])
    dedupeLines(load(f));
const clusters = dedupeLines(load('dedupe-fresh4.jsonl'));
process.stdout.write(
  createHash('sha1')
    .update(clusters.map((c) => c.cluster).join(','))
    .digest('hex'),
);
