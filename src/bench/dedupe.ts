// Synthetic-corpus benchmark for cross-source dedupe (src/calls/dedupe.ts `clusterAnnouncements`).
// `node src/bin/run-ts.js src/bench/dedupe.ts [--1m]` prints one JSON line per scenario
// {"scenario","value","unit","baseline","ratio"}. Each scenario runs in its own child process so
// its peak RSS is its own. Baseline: all-pairs comparison on the 10k corpus (same machine, same run).
// Features: the `10k-extract` scenario runs the full extract() per item; the others take the
// structured fields from the generator (as if extraction results were stored) and compute only the
// text features (extract() costs ~1–2 ms per item, ~30 min for 1M on one core — measured and
// reported as dedupe-extract-per-item, baseline = the fast feature path per item).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AnnouncementLine, dedupeDocOf } from '../calls/contract.ts';
import { clusterAnnouncements, type DedupeDoc, dedupeFeatures } from '../calls/dedupe.ts';
import { canonicalUrl } from '../calls/url.ts';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DONORS = [
  ['Український культурний фонд', 'УКФ', 'ucf.in.ua'],
  ['Фонд Східна Європа', 'ФСЄ', 'eef.org.ua'],
  ['ПРООН', 'UNDP', 'undp.org'],
  ['Міжнародний фонд «Відродження»', 'МФВ', 'irf.ua'],
  ['ІСАР Єднання', 'ІСАР', 'ednannia.ua'],
  ['Посольство США', 'US Embassy', 'ua.usembassy.gov'],
  ['Український ветеранський фонд', 'УВФ', 'veteranfund.com.ua'],
  ['USAID', 'USAID', 'usaid.gov'],
  ['GIZ', 'GIZ', 'giz.de'],
  ['House of Europe', 'HoE', 'houseofeurope.org.ua'],
];
const WORDS =
  'відновлення громади розвиток молодь культура енергоефективність спадщина підприємництво ветерани безпека вода довкілля освіта медицина туризм цифровізація інклюзія партнерство ініціативи простори мистецтво спорт агро лідерство жінки сім’я діти екологія транспорт житло укриття школи сади бібліотеки музеї ремесла кооперація стійкість прозорість участь волонтери'.split(
    ' ',
  );
const OBLASTS = [
  'Львівщини',
  'Волині',
  'Харківщини',
  'Чернігівщини',
  'Сумщини',
  'Одещини',
  'Миколаївщини',
  'Житомирщини',
  'Полтавщини',
  'Вінниччини',
];
const FILLER =
  'Програма підтримує ініціативи, що посилюють спроможність громад, покращують доступ мешканців до послуг і створюють нові можливості для місцевого розвитку. Заявники мають продемонструвати залучення мешканців, сталість результатів і прозорий бюджет. Подати заявку можуть органи місцевого самоврядування, комунальні заклади та громадські організації. Оцінювання проводить незалежна експертна комісія, результати оголосять на сайті донора.';
const ORD = ['перший', 'другий', 'третій', 'четвертий', 'п’ятий', 'шостий'];

export interface SynthItem {
  line: AnnouncementLine;
  group: number;
  donor: string;
  deadline: string;
  amount: number;
  region: string | null;
}

/** n items; ~dupRate of them are copies (rewritten, damaged, other URL) of another item's call. */
export function generateCorpus(n: number, dupRate = 0.15, seed = 7): SynthItem[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const calls: Omit<SynthItem, 'line'>[] = [];
  const meta: {
    name: string;
    year: number;
    ord: number;
    oblast: string | null;
    host: string;
    donorName: string;
    slug: string;
  }[] = [];
  const out: SynthItem[] = [];
  for (let i = 0; i < n; i++) {
    const copy = calls.length > 0 && r() < dupRate;
    const gi = copy ? Math.floor(r() * calls.length) : calls.length;
    if (!copy) {
      const d = pick(DONORS);
      const name = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`;
      const year = 2024 + Math.floor(r() * 4);
      const oblast = r() < 0.4 ? pick(OBLASTS) : null;
      const deadline = `${year - (r() < 0.5 ? 1 : 0)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      calls.push({
        group: gi,
        donor: d[0]!,
        deadline,
        amount: (1 + Math.floor(r() * 50)) * 20000,
        region: oblast,
      });
      meta.push({
        name,
        year,
        ord: 1 + Math.floor(r() * 4),
        oblast,
        host: d[2]!,
        donorName: d[0]!,
        slug: `${i.toString(36)}`,
      });
    }
    const c = calls[gi]!;
    const m = meta[gi]!;
    const [y, mo, da] = c.deadline.split('-');
    let title = pick([
      `«${m.name}» ${m.year} — ${m.ord}-й конкурс`,
      `${m.donorName} оголошує ${ORD[m.ord - 1]} конкурс «${m.name}» ${m.year}`,
      `Конкурс «${m.name}» ${m.year}, хвиля ${m.ord}: прийом заявок до ${da}.${mo}.${y}`,
      `«${m.name}» — ${m.year} (${m.ord}-й конкурс): як отримати грант`,
    ]);
    if (m.oblast) title += ` для громад ${m.oblast}`;
    if (copy && r() < 0.2) title = `${title.slice(0, 40)}…`;
    if (copy && r() < 0.2) title = title.replace(/[іїє]/g, '');
    if (copy && r() < 0.2) title = title.replace(/о/g, 'o').replace(/а/g, 'a');
    const text = `${m.donorName} оголошує конкурс «${m.name}» ${m.year} року (${ORD[m.ord - 1]} конкурс)${m.oblast ? ` для громад ${m.oblast}` : ''}. ${FILLER} Максимальна сума гранту — до ${c.amount} грн. Кінцевий термін подання заявок: ${da}.${mo}.${y}. ${r() < 0.5 ? FILLER : ''} Детальніше: https://${m.host}/programs/${m.slug}`;
    const url = copy
      ? pick([
          `https://news${Math.floor(r() * 500)}.ua/n/${i}`,
          `http://www.${m.host}/programs/${m.slug}/amp?utm_source=fb`,
          `https://t.me/granty/${i}`,
        ])
      : `https://${m.host}/programs/${m.slug}`;
    out.push({
      line: { id: `s-${String(i).padStart(7, '0')}`, title, text, url, published_at: '2026-10-01' },
      ...c,
    });
  }
  return out;
}

/** Features from the generator's structured fields (no extract()). */
export function fastDoc(s: SynthItem): DedupeDoc {
  return dedupeFeatures(
    {
      id: s.line.id,
      title: s.line.title ?? '',
      text: s.line.text,
      url: s.line.url ?? null,
      donor: s.donor,
      programme: null,
      deadline: s.deadline,
      amountMax: s.amount,
      currency: 'UAH',
      regions: [],
      lang: 'uk',
    },
    canonicalUrl,
  );
}

function quality(items: SynthItem[], clusters: { cluster: string }[]) {
  const byCluster = new Map<string, number>();
  const byGroup = new Map<number, number>();
  const both = new Map<string, number>();
  items.forEach((it, i) => {
    const c = clusters[i]!.cluster;
    byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
    byGroup.set(it.group, (byGroup.get(it.group) ?? 0) + 1);
    const k = `${c}|${it.group}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  });
  const pairs = (m: Map<unknown, number>) => [...m.values()].reduce((s, v) => s + (v * (v - 1)) / 2, 0);
  const tp = pairs(both);
  return { precision: tp / (pairs(byCluster) || 1), recall: tp / (pairs(byGroup) || 1) };
}

function runScenario(name: string): Record<string, number> {
  const n = {
    '10k': 10_000,
    '10k-extract': 10_000,
    '100k': 100_000,
    '1m': 1_000_000,
    'allpairs-10k': 10_000,
  }[name]!;
  const items = generateCorpus(n);
  const t0 = performance.now();
  const docs = name === '10k-extract' ? items.map((s) => dedupeDocOf(s.line)) : items.map(fastDoc);
  const tFeat = performance.now() - t0;
  const t1 = performance.now();
  const res = clusterAnnouncements(docs, { allPairs: name === 'allpairs-10k' });
  const tCluster = performance.now() - t1;
  const q = quality(items, res);
  // the full extract() per item, on a sample
  const sample = items.slice(0, 500);
  const t2 = performance.now();
  for (const s of sample) dedupeDocOf(s.line);
  const extractMs = (performance.now() - t2) / sample.length;
  return {
    featuresMs: tFeat,
    clusterMs: tCluster,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    precision: q.precision,
    recall: q.recall,
    extractMsPerItem: extractMs,
  };
}

function emit(scenario: string, value: number, unit: string, baseline: number) {
  const round = (x: number) => Math.round(x * 1000) / 1000;
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

const isMain = path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);
const only = argv.indexOf('--scenario');
if (!isMain) {
  // imported (tests, profiling): no side effects
} else if (only >= 0) {
  console.log(JSON.stringify(runScenario(argv[only + 1]!)));
} else {
  const self = fileURLToPath(import.meta.url);
  const runTs = path.resolve(path.dirname(self), '../bin/run-ts.js');
  const child = (s: string): Record<string, number> => {
    const out = execFileSync(process.execPath, ['--max-old-space-size=8192', runTs, self, '--scenario', s], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
  };
  const base = child('allpairs-10k');
  emit('dedupe-allpairs-10k-cluster-time', base.clusterMs!, 'ms', base.clusterMs!);
  const scen = ['10k', '10k-extract', '100k', ...(argv.includes('--1m') ? ['1m'] : [])];
  for (const s of scen) {
    const r = child(s);
    emit(`dedupe-${s}-features-time`, r.featuresMs!, 'ms', base.featuresMs!);
    emit(`dedupe-${s}-cluster-time`, r.clusterMs!, 'ms', base.clusterMs!);
    emit(`dedupe-${s}-peak-rss`, r.peakRssMb!, 'MiB', base.peakRssMb!);
    emit(`dedupe-${s}-precision`, r.precision!, 'ratio', base.precision!);
    emit(`dedupe-${s}-recall`, r.recall!, 'ratio', base.recall!);
  }
  emit('dedupe-extract-per-item', base.extractMsPerItem!, 'ms', base.featuresMs! / 10_000);
}
