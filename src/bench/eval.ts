// `npm run eval`: scores extraction and dedupe on the labeled sets in fixtures/eval/ (labeled from
// the texts by hand). Prints one table per task and the targets the issues set.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dedupeLines, extractLine, parseLine } from '../calls/contract.ts';
import { extract } from '../calls/extract/index.ts';
import { FIXTURES_DIR } from '../sources/fixtures.ts';

const EVAL = path.join(FIXTURES_DIR, 'eval');

interface Expected {
  is_call: boolean;
  deadline?: string | null;
  deadline_kind?: string;
  amount_min?: number | null;
  amount_max?: number | null;
  currency?: string | null;
  applicants?: string[];
  regions?: string[];
  topics?: string[];
  donor?: string | null;
  lang?: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(path.join(EVAL, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const f3 = (n: number) => n.toFixed(3);

/** Donor names compare after the gazetteer's own canonicalization ("МХП-Громаді" = "MHP – Hromadi"). */
function canonicalDonor(name: string | null | undefined): string | null {
  if (!name) return null;
  const viaGazetteer = extract({ text: name }).donor ?? name;
  return viaGazetteer
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function microF1(pairs: [string[], string[]][]): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [want, got] of pairs) {
    const w = new Set(want);
    const g = new Set(got);
    for (const x of g) w.has(x) ? tp++ : fp++;
    for (const x of w) if (!g.has(x)) fn++;
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/**
 * Scores one labeled extraction set. `extraction.jsonl` is the set the rules were developed on.
 * `extraction-holdout.jsonl` was written afterwards, in batches (h-001–123, h-124–169, h-170–209),
 * each labeled from the text and scored before any rule was changed for it; the rules were then
 * generalized from its errors. Its table now guards phrasing the first set lacks; an honest estimate
 * for unseen announcements needs a new batch, scored before it is used.
 */
function evalExtraction(file: string, label: string): void {
  const rows = readJsonl<{ id: string; expected: Expected } & Record<string, unknown>>(file);
  const results = rows.map((row) => {
    const parsed = parseLine(JSON.stringify(row));
    if (!parsed.ok) throw new Error(`fixtures/eval/${file} ${row.id}: ${parsed.error}`);
    return { want: row.expected, got: extractLine(parsed.value) };
  });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { want, got } of results) {
    if (got.is_call && want.is_call) tp++;
    else if (got.is_call) fp++;
    else if (want.is_call) fn++;
  }
  const calls = results.filter((r) => r.want.is_call);
  const acc = (field: keyof Expected & keyof (typeof results)[number]['got']) =>
    calls.filter((r) => (r.want[field] ?? null) === (r.got[field] ?? null)).length / calls.length;
  const amount =
    calls.filter(
      (r) =>
        (r.want.amount_min ?? null) === r.got.amount_min &&
        (r.want.amount_max ?? null) === r.got.amount_max &&
        (r.want.currency ?? null) === r.got.currency,
    ).length / calls.length;
  const set = (field: 'applicants' | 'regions' | 'topics') =>
    microF1(calls.map((r) => [r.want[field] ?? [], r.got[field]] as [string[], string[]]));
  const donor =
    calls.filter((r) => canonicalDonor(r.want.donor) === canonicalDonor(r.got.donor)).length / calls.length;
  const lang =
    results.filter((r) => r.want.lang === undefined || r.want.lang === r.got.lang).length / results.length;

  const table: [string, string, string][] = [
    ['is_call precision', f3(tp / (tp + fp)), '≥ 0.97'],
    ['is_call recall', f3(tp / (tp + fn)), '≥ 0.95'],
    ['deadline (exact date)', pct(acc('deadline')), '≥ 97%'],
    ['deadline kind', pct(acc('deadline_kind')), ''],
    ['amount min+max+currency', pct(amount), '≥ 95%'],
    ['  amount_min', pct(acc('amount_min')), ''],
    ['  amount_max', pct(acc('amount_max')), ''],
    ['  currency', pct(acc('currency')), ''],
    ['applicants micro F1', f3(set('applicants').f1), '≥ 0.92'],
    ['regions micro F1', f3(set('regions').f1), '≥ 0.92'],
    ['topics micro F1', f3(set('topics').f1), ''],
    ['donor', pct(donor), ''],
    ['language', pct(lang), ''],
  ];
  console.log(`${label} — ${rows.length} announcements (${calls.length} calls), fixtures/eval/${file}`);
  printTable(['field', 'score', 'target'], table);
  if (process.env.EVAL_ERRORS) printErrors(file, results);
}

/** `EVAL_ERRORS=1 npm run eval` lists every disagreement, to study errors without a debugger. */
function printErrors(file: string, results: { want: Expected; got: ReturnType<typeof extractLine> }[]): void {
  const fields = ['deadline', 'deadline_kind', 'amount_min', 'amount_max', 'currency'] as const;
  for (const { want, got } of results) {
    const diffs: string[] = [];
    if (want.is_call !== got.is_call) diffs.push(`is_call want ${want.is_call} got ${got.is_call}`);
    if (want.is_call) {
      for (const f of fields)
        if ((want[f] ?? null) !== (got[f] ?? null)) diffs.push(`${f} want ${want[f] ?? null} got ${got[f]}`);
      for (const f of ['applicants', 'regions'] as const) {
        const w = [...(want[f] ?? [])].sort().join(',');
        const g = [...got[f]].sort().join(',');
        if (w !== g) diffs.push(`${f} want [${w}] got [${g}]`);
      }
    }
    if (diffs.length) console.log(`  ${file} ${got.id}: ${diffs.join('; ')}`);
  }
}

interface DedupeScore {
  p: number;
  r: number;
  hardMerges: number;
}

function scoreDedupe(
  rows: { id: string; group: string }[],
  clusters: Map<string, number | string>,
  hard: { a: string; b: string; why?: string }[],
  label: string,
  hardRows: { id: string; group: string }[] = rows,
): DedupeScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: string[] = [];
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      const same = rows[i]!.group === rows[j]!.group;
      const merged = clusters.get(rows[i]!.id) === clusters.get(rows[j]!.id);
      if (same && merged) tp++;
      else if (merged) {
        fp++;
        wrong.push(
          `  ${label} wrong merge: ${rows[i]!.id} (${rows[i]!.group}) + ${rows[j]!.id} (${rows[j]!.group})`,
        );
      } else if (same) fn++;
    }
  // a half's copies wrongly merged with the other half's count against it too
  if (hardRows !== rows) {
    const mine = new Set(rows.map((r) => r.id));
    for (const x of rows)
      for (const y of hardRows)
        if (!mine.has(y.id) && clusters.get(x.id) === clusters.get(y.id)) {
          fp++;
          wrong.push(`  ${label} wrong merge: ${x.id} (${x.group}) + ${y.id} (${y.group}, other half)`);
        }
  }
  const groupOf = new Map<string, string[]>();
  for (const r of hardRows) groupOf.set(r.group, [...(groupOf.get(r.group) ?? []), r.id]);
  const hardHit = hard.filter(({ a, b }) =>
    (groupOf.get(a) ?? []).some((x) =>
      (groupOf.get(b) ?? []).some((y) => clusters.get(x) === clusters.get(y)),
    ),
  );
  if (process.env.EVAL_ERRORS) {
    const mine = new Set(rows.map((r) => r.group));
    for (const [group, ids] of groupOf) {
      if (!mine.has(group)) continue;
      const parts = new Map<number | string, string[]>();
      for (const id of ids) parts.set(clusters.get(id)!, [...(parts.get(clusters.get(id)!) ?? []), id]);
      if (parts.size > 1)
        console.log(`  ${label} split ${group}: ${[...parts.values()].map((p) => p.join(' ')).join(' | ')}`);
    }
    for (const w of wrong) console.log(w);
    if (hardRows === rows || label === 'dev')
      for (const h of hardHit)
        console.log(`  ${label} hard-negative merge: ${h.a} + ${h.b} — ${h.why ?? ''}`);
  }
  return {
    p: tp + fp ? tp / (tp + fp) : 1,
    r: tp + fn ? tp / (tp + fn) : 1,
    hardMerges: hardHit.length,
  };
}

function dedupeTable(s: DedupeScore): string[][] {
  return [
    ['pairwise precision', f3(s.p), '≥ 0.98'],
    ['pairwise recall', f3(s.r), '≥ 0.92'],
    ['pairwise F1', f3(s.p + s.r ? (2 * s.p * s.r) / (s.p + s.r) : 0), ''],
    ['hard-negative merges', String(s.hardMerges), '0'],
  ];
}

/**
 * Scores dedupe on one labeled set. With `split`, the set is clustered once and scored in two halves
 * by group number: "dev" = odd-numbered groups (studied when changing rules), "test" = even-numbered
 * groups (not studied; the honest estimate). Hard negatives are scored over the whole set in both.
 */
function evalDedupe(file: string, hardFile: string, label: string, split = false): void {
  const rows = readJsonl<{ id: string; group: string } & Record<string, unknown>>(file);
  const hard = JSON.parse(readFileSync(path.join(EVAL, hardFile), 'utf8')) as {
    a: string;
    b: string;
    why?: string;
  }[];
  const lines = rows.map((r) => {
    const parsed = parseLine(JSON.stringify(r));
    if (!parsed.ok) throw new Error(`fixtures/eval/${file} ${r.id}: ${parsed.error}`);
    return parsed.value;
  });
  const t0 = performance.now();
  const clusters = new Map<string, number | string>(dedupeLines(lines).map((c) => [c.id, c.cluster]));
  const ms = performance.now() - t0;
  const groups = new Set(rows.map((r) => r.group));
  if (!split) {
    console.log(
      `\n${label} — ${rows.length} copies in ${groups.size} calls, ${hard.length} hard-negative pairs (${ms.toFixed(0)} ms), fixtures/eval/${file}`,
    );
    printTable(['metric', 'score', 'target'], dedupeTable(scoreDedupe(rows, clusters, hard, label)));
    return;
  }
  const odd = (g: string) => Number(/(\d+)\s*$/.exec(g)?.[1] ?? 0) % 2 === 1;
  for (const [half, keep] of [
    ['dev', odd],
    ['test', (g: string) => !odd(g)],
  ] as const) {
    const sub = rows.filter((r) => keep(r.group));
    const subGroups = new Set(sub.map((r) => r.group));
    console.log(
      `\n${label}, ${half} half — ${sub.length} copies in ${subGroups.size} calls; ${hard.length} hard-negative pairs over the whole set (${ms.toFixed(0)} ms for all ${rows.length}), fixtures/eval/${file}`,
    );
    printTable(['metric', 'score', 'target'], dedupeTable(scoreDedupe(sub, clusters, hard, half, rows)));
  }
}

function printTable(head: string[], rows: string[][]): void {
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(w[i]!))
      .join('  ')
      .trimEnd();
  console.log([line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n'));
}

evalExtraction('extraction.jsonl', 'Extraction');
console.log('');
evalExtraction('extraction-holdout.jsonl', 'Extraction, held-out set');
// The dedupe sets, each written from scratch in the style of real announcements and labeled from
// the text (groups = calls, plus hard-negative pairs of groups that must stay apart). Each held-out
// set was scored once, unseen, before any rule was changed for it; its first scores are in the
// commit that added it (and in the closing notes). After that the rules were generalized from the
// errors of its dev half (odd groups); a test half counts as unseen only until its own errors are
// studied — by 2026-12-07 the test halves of dedupe-holdout and -fresh to -fresh4 had been, those of
// -fresh5 to -fresh13 not (the misses of -fresh8's, -fresh9's and -fresh11's were listed once, and
// one copy of -fresh12's read, with no rule changed for them). An honest figure for new copies is a
// new set's first score.
evalDedupe('dedupe.jsonl', 'dedupe-hard-negatives.json', 'Dedupe');
evalDedupe('dedupe-holdout.jsonl', 'dedupe-holdout-hard-negatives.json', 'Dedupe, held-out set', true);
evalDedupe('dedupe-fresh.jsonl', 'dedupe-fresh-hard-negatives.json', 'Dedupe, fresh held-out set', true);
evalDedupe(
  'dedupe-fresh2.jsonl',
  'dedupe-fresh2-hard-negatives.json',
  'Dedupe, second fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh3.jsonl',
  'dedupe-fresh3-hard-negatives.json',
  'Dedupe, third fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh4.jsonl',
  'dedupe-fresh4-hard-negatives.json',
  'Dedupe, fourth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh5.jsonl',
  'dedupe-fresh5-hard-negatives.json',
  'Dedupe, fifth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh6.jsonl',
  'dedupe-fresh6-hard-negatives.json',
  'Dedupe, sixth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh7.jsonl',
  'dedupe-fresh7-hard-negatives.json',
  'Dedupe, seventh fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh8.jsonl',
  'dedupe-fresh8-hard-negatives.json',
  'Dedupe, eighth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh9.jsonl',
  'dedupe-fresh9-hard-negatives.json',
  'Dedupe, ninth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh10.jsonl',
  'dedupe-fresh10-hard-negatives.json',
  'Dedupe, tenth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh11.jsonl',
  'dedupe-fresh11-hard-negatives.json',
  'Dedupe, eleventh fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh12.jsonl',
  'dedupe-fresh12-hard-negatives.json',
  'Dedupe, twelfth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh13.jsonl',
  'dedupe-fresh13-hard-negatives.json',
  'Dedupe, thirteenth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh14.jsonl',
  'dedupe-fresh14-hard-negatives.json',
  'Dedupe, fourteenth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh15.jsonl',
  'dedupe-fresh15-hard-negatives.json',
  'Dedupe, fifteenth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh16.jsonl',
  'dedupe-fresh16-hard-negatives.json',
  'Dedupe, sixteenth fresh held-out set',
  true,
);
evalDedupe(
  'dedupe-fresh17.jsonl',
  'dedupe-fresh17-hard-negatives.json',
  'Dedupe, seventeenth fresh held-out set',
  true,
);
