// Decides which copies are the same call. Pure: no I/O.
// - `callFingerprint`: exact fingerprint (normalized title + deadline) the pipeline uses to spot an
//   announcement seen again or relayed verbatim.
// - `clusterAnnouncements`: cross-source clustering of rewritten / translated / damaged copies
//   (features from `dedupeFeatures`; see the section below).
import { createHash } from 'node:crypto';

/** Lowercased letters and digits only, look-alike Latin letters folded into Cyrillic words. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function callFingerprint(c: { title: string; deadline: string | null; deadlineKind: string }): string {
  const key = `${normalizeTitle(c.title)}|${c.deadline ?? c.deadlineKind}`;
  return `t1:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Cross-source clustering. Copies of one call (same donor/programme, same edition, same lot) are
// linked by a strong URL signal or by title/text similarity, never across a hard blocker (another
// year, season, lot/wave/round number, oblast edition, programme, amount or an unexplained other
// deadline). Candidate pairs come from blocking (canonical URL, quoted links, rare title tokens),
// so cost grows ~linearly with the number of documents.

const CYR_LAT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};
/** Latin letters that look like Cyrillic ones (used inside words that are otherwise Cyrillic). */
const LOOKALIKE: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  i: 'і',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};
const CYR = /[\u0400-\u04ff]/;

/** NFKC, lowercase, look-alike Latin letters inside Cyrillic words folded to Cyrillic. */
export function foldText(s: string): string {
  const t = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`ʼ]/g, '');
  // only words that mix scripts need the per-word pass
  if (!MIXED.test(t)) return t;
  return t.replace(/[\p{L}\p{N}]+/gu, (w) =>
    CYR.test(w) ? w.replace(/[a-z]/g, (ch) => LOOKALIKE[ch] ?? ch) : w,
  );
}
const MIXED = /[a-z][\u0400-\u04ff]|[\u0400-\u04ff][a-z]/;

/** Cyrillic → Latin transliteration of folded text (uk and ru letters). */
export function translit(folded: string): string {
  return folded.replace(/[\u0400-\u04ff]/g, (ch) => CYR_LAT[ch] ?? ch);
}

/** Consonant skeleton of a transliterated word: survives dropped і/ї/є and uk/ru/pl spelling drift. */
function skeleton(w: string): string {
  return w
    .replace(/[ł]/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/kh/g, 'h')
    .replace(/c(?!h)/g, 'k')
    .replace(/z(?!h)/g, 's')
    .replace(/[gh]/g, 'h')
    .replace(/[aeiouywj]/g, '')
    .replace(/(.)\1+/g, '$1');
}

const STOP = new Set(
  [
    'та',
    'і',
    'й',
    'в',
    'у',
    'на',
    'до',
    'з',
    'із',
    'для',
    'від',
    'по',
    'про',
    'за',
    'the',
    'of',
    'and',
    'for',
    'in',
    'to',
    'a',
    'on',
    'и',
    'для',
    'от',
    'как',
    'як',
    'w',
    'i',
    'na',
    'do',
    'dla',
    'z',
    'оголошує',
    'оголошено',
    'объявляет',
    'прийом',
    'заявок',
    'прием',
    'грант',
    'гранти',
    'гранты',
    'отримати',
    'конкурс',
    'конкурсу',
    'call',
    'grants',
    'grant',
    'proposals',
    'нагадування',
    'запрошуємо',
    'громади',
    'області',
    'участі',
    'увага',
    'продовжено',
    'дедлайн',
    'open',
  ].map((w) => w),
);

/**
 * A small cross-language glossary of call vocabulary: transliterated uk/ru/pl/en word beginnings
 * → one concept token, so a translated title still shares tokens with the original.
 */
const GLOSSARY: [string, string[]][] = [
  ['#recovery', ['vidnovl', 'vdnovl', 'vosstanovl', 'odbudow', 'recover', 'rebuild']],
  ['#together', ['razom', 'vmeste', 'razem', 'together']],
  ['#community', ['hromad', 'gromad', 'obshchin', 'spolecznos', 'communit', 'gmin']],
  ['#small', ['malykh', 'malyi', 'mali', 'malye', 'malykh', 'malych', 'small', 'mikro', 'micro']],
  ['#solution', ['rishen', 'rshen', 'reshen', 'solution', 'rozwiaz']],
  ['#youth', ['molod', 'youth', 'mlodziez']],
  ['#culture', ['kultur', 'cultur']],
  ['#energy', ['enerh', 'energ']],
  ['#efficiency', ['efektyvn', 'efektivn', 'effektivn', 'efficien', 'efektywn']],
  ['#business', ['biznes', 'business']],
  ['#women', ['zhink', 'zhnk', 'zhensh', 'women', 'kobiet']],
  ['#veteran', ['veteran', 'weteran']],
  ['#education', ['osvit', 'obrazovan', 'educat', 'edukac']],
  ['#vocational', ['profesiin', 'profesin', 'professionaln', 'vocational', 'vet']],
  ['#safety', ['bezpek', 'bezopasn', 'safe', 'secur']],
  ['#digital', ['tsyfrov', 'tsifrov', 'digital', 'cyfrow']],
  ['#mobility', ['mobiln', 'mobility']],
  ['#partnership', ['partnerst', 'partnersh']],
  ['#innovation', ['innovats', 'innovat', 'innowac']],
  ['#environment', ['ekolo', 'ecolo', 'environ', 'dovkill']],
  ['#health', ['medyts', 'medits', 'health', 'zdorov']],
  ['#crossborder', ['transkordon', 'cross-border', 'crossborder', 'transgranich', 'transgranicz']],
  ['#development', ['rozvyt', 'rozvit', 'razvit', 'develop', 'rozwoj']],
  ['#local', ['mistsev', 'mstsev', 'mestn', 'local', 'lokaln']],
  ['#initiative', ['initsiat', 'ntsiat', 'initiat', 'inicjat']],
  ['#heritage', ['spadshchyn', 'nasledi', 'heritage', 'dziedzictw']],
  ['#capacity', ['spromozhn', 'potentsial', 'capacity', 'potencjal']],
  ['#international', ['mizhnarodn', 'mezhdunarodn', 'international', 'miedzynarod']],
  ['#activity', ['zakhod', 'meropriiat', 'activit', 'wydarzen']],
  ['#building', ['rozbudov', 'building']],
];

function concept(latin: string): string | null {
  for (const [c, stems] of GLOSSARY) for (const st of stems) if (latin.startsWith(st)) return c;
  return null;
}

/** Word → its tokens; vocabulary repeats, so the regex work is done once per distinct word. */
const wordCache = new Map<string, readonly string[]>();

function wordTokens(w: string): readonly string[] {
  const hit = wordCache.get(w);
  if (hit) return hit;
  let out: string[];
  if (/^\d+$/.test(w)) out = [w];
  else {
    const latin = translit(w)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l');
    out = [];
    const c = concept(latin);
    if (c) out.push(c);
    const sk = skeleton(latin);
    if (sk.length >= 2) out.push(sk);
  }
  if (wordCache.size > 500_000) wordCache.clear();
  wordCache.set(w, out);
  return out;
}

function tokens(folded: string): string[] {
  const out: string[] = [];
  for (const w of folded.split(/[^\p{L}\p{N}+]+/u)) {
    if (!w || STOP.has(w)) continue;
    for (const t of wordTokens(w)) out.push(t);
  }
  return out;
}

const ORD_WORDS: [RegExp, number][] = [
  [/^(перш|перв|first|pierwsz|1st)/, 1],
  [/^(друг|втор|second|drug|2nd)/, 2],
  [/^(трет|third|trzec|3rd)/, 3],
  [/^(четв|fourth|czwart|4th)/, 4],
  [/^(пят|п'ят|fifth|piąt|5th)/, 5],
  [/^(шост|шест|sixth|szóst|6th)/, 6],
];
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };
const EDITION_KW =
  /^(лот\p{L}*|хвил\p{L}*|волн\p{L}*|раунд\p{L}*|конкурс\p{L}*|набір|набор\p{L}*|набору|відб\p{L}*|черг\p{L}*|lot|wave|round|call|calls|edition|nabór|naboru|konkurs|cohort|stage)$/u;
const MONTH =
  /^(січ|лют|бер|квіт|трав|черв|лип|серп|вер|жовт|лист|груд|янв|фев|мар|апр|мая|май|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sty|lut|kwi|maj|cze|lip|sie|wrz|paź|lis|gru)/;

function ordinalOf(w: string): number | null {
  const m = /^(\d{1,2})(-?(й|ий|го|а|ша|тя|я|ій|st|nd|rd|th))?$/.exec(w);
  if (m) return Number(m[1]);
  if (ROMAN[w] !== undefined) return ROMAN[w]!;
  for (const [re, n] of ORD_WORDS) if (re.test(w)) return n;
  return null;
}

/** Edition numbers (lot / wave / round / call / competition ordinals) stated near a keyword. */
export function editionNumbers(folded: string): number[] {
  const ws = folded.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i < ws.length; i++) {
    if (!EDITION_KW.test(ws[i]!)) continue;
    // keyword N  (not a date: "раунд 1 лютого")
    const next = ws[i + 1];
    if (next && /^\d{1,2}$/.test(next) && !MONTH.test(ws[i + 2] ?? '') && !/^20\d\d$/.test(next))
      out.add(Number(next));
    // N-й / ordinal word / roman numeral up to 3 words before the keyword
    for (let k = 1; k <= 3 && i - k >= 0; k++) {
      const w = ws[i - k]!;
      if (/^\d{1,2}$/.test(w) && k > 1) continue;
      if (/^\d{1,2}$/.test(w) && MONTH.test(ws[i - k + 1] ?? '')) continue;
      const n = /^\d{1,2}$/.test(w) && k === 1 ? Number(w) : ordinalOf(w);
      if (n !== null && (k === 1 || !/^\d/.test(w))) {
        out.add(n);
        break;
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

const SEASONS: [RegExp, string][] = [
  [/(весн|весен|spring|wiosn)/, 'spring'],
  [/(осін|осен|autumn|fall\b|jesie)/, 'autumn'],
  [/(зим|winter|zim)/, 'winter'],
  [/(літн|летн|summer|letni)/, 'summer'],
];
function seasonsOf(folded: string): string[] {
  return SEASONS.filter(([re]) => re.test(folded)).map(([, s]) => s);
}
function yearsOf(folded: string): number[] {
  return [...new Set([...folded.matchAll(/(?<!\d)(20[1-4]\d)(?!\d)/g)].map((m) => Number(m[1])))];
}
function quotedNames(folded: string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(/[«„“"]([^»“”"]{3,80})[»“”"]/g)) {
    const t = tokens(m[1]!).join(' ');
    if (t) out.push(t);
  }
  return out;
}
const EXTENDED = /(продовж|продлен|продлил|подовж|extended|extension|prolong|przedłuż|przedluz)/;

export interface DedupeDoc {
  id: string;
  /** Skeleton tokens of the title (transliterated, look-alikes folded, vowels dropped). */
  titleTokens: string[];
  /** Skeleton tokens of the first part of the text. */
  textTokens: string[];
  donor: string | null;
  programme: string | null;
  deadline: string | null;
  /** The text says the deadline was extended. */
  extended: boolean;
  amountMax: number | null;
  currency: string | null;
  /** ISO oblast codes; 'UA' means all Ukraine. */
  regions: string[];
  years: number[];
  editions: number[];
  seasons: string[];
  /** Quoted programme names «…» from the title, as skeleton token strings. */
  names: string[];
  lang: string;
  topics: string[];
  applicants: string[];
  /** Canonical URL of the page itself. */
  url: string | null;
  /** Canonical URLs quoted in the text. */
  links: string[];
}

export interface DocInput {
  id: string;
  title: string;
  text: string;
  url: string | null;
  donor: string | null;
  programme: string | null;
  deadline: string | null;
  amountMax: number | null;
  currency: string | null;
  regions: string[];
  lang: string;
  topics?: string[];
  applicants?: string[];
}

const OBLASTS: [string, string[]][] = [
  ['UA-05', ['вінниц', 'вінничч', 'винниц', 'vinnyts', 'winnic']],
  ['UA-07', ['волинськ', 'волинщ', '=волині', '=волинь', 'волынск', '=volyn', 'wołyń', 'wołyńsk']],
  ['UA-09', ['луганськ', 'луганщ', 'luhansk']],
  ['UA-12', ['дніпропетровськ', 'дніпропетровщ', 'днепропетровск', 'dnipropetrovsk']],
  ['UA-14', ['донецьк', 'донеччин', 'донецк', 'donetsk']],
  ['UA-18', ['житомирськ', 'житомирщ', 'житомирск', 'zhytomyr', 'żytomier']],
  ['UA-21', ['закарпатськ', 'закарпатт', 'закарпатск', 'zakarpatt', 'transcarpath']],
  ['UA-23', ['запорізьк', 'запоріжж', 'запорожск', 'запорож', 'zaporizhzh']],
  ['UA-26', ['івано-франківськ', 'франківськ', 'прикарпатт', 'ivano-frankivsk', 'frankivsk']],
  ['UA-32', ['київщин', 'київськ област', 'киевск област', 'kyiv oblast']],
  ['UA-35', ['кіровоградськ', 'кіровоградщ', 'kirovohrad']],
  ['UA-46', ['львівськ', 'львівщ', 'львовск', '=lviv', 'lwowsk']],
  ['UA-48', ['миколаївськ', 'миколаївщ', 'николаевск', 'mykolaiv']],
  ['UA-51', ['одеськ', 'одещин', 'одесск', '=odesa', '=odessa']],
  ['UA-53', ['полтавськ', 'полтавщ', 'poltav']],
  ['UA-56', ['рівненськ', 'рівненщ', 'ровенск', 'rivne']],
  ['UA-59', ['сумськ', 'сумщин', '=sumy']],
  ['UA-61', ['тернопільськ', 'тернопільщ', 'ternopil']],
  ['UA-63', ['харківськ', 'харківщ', 'харьковск', 'kharkiv', 'charków']],
  ['UA-65', ['херсонськ', 'херсонщ', 'херсонск', 'kherson']],
  ['UA-68', ['хмельницьк', 'хмельниччин', 'khmelnyts']],
  ['UA-71', ['черкаськ', 'черкащ', 'черкасск', 'cherkas']],
  ['UA-74', ['чернігівськ', 'чернігівщ', 'черниговск', 'черниговщ', 'chernihiv', 'czernihow']],
  ['UA-77', ['чернівецьк', 'буковин', 'черновицк', 'chernivts']],
];
/** Whole-word key that survives dropped і/ї but keeps vowels (волині ≠ вільні). */
const exactKey = (w: string) => translit(foldText(w)).replace(/i/g, '');

const OBLAST_SK: [string, string, boolean][] = OBLASTS.flatMap(([code, stems]) =>
  stems.map((st): [string, string, boolean] => {
    const exact = st.startsWith('=');
    const sk = st
      .replace(/^=/, '')
      .split(/\s+/)
      .map((w) => (exact ? exactKey(w) : skeleton(translit(foldText(w)))))
      .join(' ');
    return [code, sk, exact];
  }),
);

/** Oblasts named in a folded string, robust to dropped і/ї/є and look-alike letters. */
export function oblastsIn(folded: string): string[] {
  const sk = folded
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean)
    .map((w) => skeleton(translit(w)));
  const joined = ` ${sk.join(' ')}`;
  const exactWords = folded
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean)
    .map(exactKey);
  const out = new Set<string>();
  for (const [code, stem, exact] of OBLAST_SK) {
    if (stem.length < 3) continue;
    if (exact ? exactWords.includes(stem) : joined.includes(` ${stem}`)) out.add(code);
  }
  return [...out].sort();
}

/** Language segments in a URL path (/en/, /uk/, itpr_en) removed: translations of one page id. */
export function languageFreeUrl(u: string): string {
  return u
    .replace(/\/(en|uk|ua|ru|pl|de|fr|eng|ukr)(?=\/|$)/g, '')
    .replace(/[_-](en|uk|ua|ru|pl|eng|ukr)(?=\/|$|\.)/g, '')
    .replace(/([?&])lang=[a-z]+/g, '$1');
}

/** Precomputes the comparison features of one announcement (extraction results passed in). */
export function dedupeFeatures(d: DocInput, canon: (u: string) => string): DedupeDoc {
  const title = foldText(d.title);
  const text = foldText(d.text);
  const head = text.slice(0, 400);
  const pick = <T>(fromTitle: T[], fromHead: () => T[]) => (fromTitle.length ? fromTitle : fromHead());
  const links = [...d.text.matchAll(/https?:\/\/[^\s)\]»"'<>,]+/g)].map((m) =>
    canon(m[0].replace(/[.;:]+$/, '')),
  );
  return {
    id: d.id,
    titleTokens: [...new Set(tokens(title))],
    textTokens: [...new Set(tokens(text.slice(0, 1500)))],
    donor: d.donor,
    programme: d.programme,
    deadline: d.deadline,
    extended: EXTENDED.test(title) || EXTENDED.test(text),
    amountMax: d.amountMax,
    currency: d.currency,
    regions: d.regions.length ? d.regions : oblastsIn(title),
    years: pick(yearsOf(title.replace(/\d{1,2}[./]\d{1,2}[./](20\d\d)/g, ' ')), () => []),
    editions: pick(editionNumbers(title), () => editionNumbers(head)),
    seasons: pick(seasonsOf(title), () => seasonsOf(head)),
    names: quotedNames(title),
    lang: d.lang,
    topics: d.topics ?? [],
    applicants: d.applicants ?? [],
    url: d.url ? canon(d.url) : null,
    links: [...new Set(links)],
  };
}

const disjoint = <T>(a: T[], b: T[]) => a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));

function trigramSet(s: string): Set<string> {
  const out = new Set<string>();
  const p = ` ${s} `;
  for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  return out;
}
function dice(a: string, b: string): number {
  const A = trigramSet(a);
  const B = trigramSet(b);
  let n = 0;
  for (const x of A) if (B.has(x)) n++;
  return A.size + B.size ? (2 * n) / (A.size + B.size) : 0;
}

/** Same page (any URL variant or translation), or one quotes the other's page or the same link. */
export function urlRelated(a: DedupeDoc, b: DedupeDoc): boolean {
  if (a.url && b.url && (a.url === b.url || languageFreeUrl(a.url) === languageFreeUrl(b.url))) return true;
  if ((a.url && b.links.includes(a.url)) || (b.url && a.links.includes(b.url))) return true;
  return a.links.some((l) => b.links.includes(l) && isPageLink(l));
}

/** The reason two documents can never be one call, or null. */
export function blocker(a: DedupeDoc, b: DedupeDoc): string | null {
  if (a.donor && b.donor && a.donor !== b.donor && !urlRelated(a, b)) return `donor ${a.donor} ≠ ${b.donor}`;
  if (
    a.programme &&
    b.programme &&
    !a.programme.startsWith(b.programme) &&
    !b.programme.startsWith(a.programme)
  )
    return `programme ${a.programme} ≠ ${b.programme}`;
  if (disjoint(a.years, b.years)) return `year ${a.years} ≠ ${b.years}`;
  if (disjoint(a.editions, b.editions)) return `lot/wave/round ${a.editions} ≠ ${b.editions}`;
  if (disjoint(a.seasons, b.seasons)) return `season ${a.seasons} ≠ ${b.seasons}`;
  const ra = a.regions.filter((r) => r !== 'UA');
  const rb = b.regions.filter((r) => r !== 'UA');
  if (disjoint(ra, rb)) return `oblast ${ra} ≠ ${rb}`;
  if (
    a.amountMax !== null &&
    b.amountMax !== null &&
    a.currency === b.currency &&
    Math.abs(a.amountMax - b.amountMax) > 0.01 * Math.max(a.amountMax, b.amountMax)
  )
    return `amount ${a.amountMax} ≠ ${b.amountMax}`;
  if (a.deadline && b.deadline && a.deadline !== b.deadline) {
    const later = a.deadline > b.deadline ? a : b;
    const days = Math.abs(Date.parse(a.deadline) - Date.parse(b.deadline)) / 86_400_000;
    if (!later.extended || !(days <= 92)) return `deadline ${a.deadline} ≠ ${b.deadline}`;
  }
  if (a.names.length && b.names.length && a.lang === b.lang) {
    // each side quotes a name the other does not (a shared quoted donor name does not count)
    const unmatched = (xs: string[], ys: string[]) => xs.find((x) => !ys.some((y) => dice(x, y) >= 0.5));
    const ua = unmatched(a.names, b.names);
    const ub = unmatched(b.names, a.names);
    if (ua !== undefined && ub !== undefined) return `programme name «${ua}» ≠ «${ub}»`;
  }
  return null;
}

export const MERGE_THRESHOLD = 1;

export interface PairScore {
  score: number;
  reasons: string[];
}

type Weights = Map<string, number>;

export function idfWeights(docs: DedupeDoc[]): Weights {
  const df = new Map<string, number>();
  for (const d of docs)
    for (const t of new Set([...d.titleTokens, ...d.textTokens])) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const w: Weights = new Map();
  for (const [t, c] of df) w.set(t, Math.log(1 + n / c));
  return w;
}

function overlap(a: string[], b: string[], w: Weights): { cont: number; jac: number } {
  const A = new Set(a);
  const B = new Set(b);
  let sa = 0;
  let sb = 0;
  let s = 0;
  for (const t of A) sa += w.get(t) ?? 1;
  for (const t of B) {
    const x = w.get(t) ?? 1;
    sb += x;
    if (A.has(t)) s += x;
  }
  if (!sa || !sb) return { cont: 0, jac: 0 };
  return { cont: s / Math.min(sa, sb), jac: s / (sa + sb - s) };
}

const isPageLink = (u: string) => {
  try {
    return new URL(u).pathname.length > 1;
  } catch {
    return false;
  }
};

/** How strongly two blocker-free documents look like copies of one call; ≥ 1 means merge. */
export function scorePair(a: DedupeDoc, b: DedupeDoc, w: Weights): PairScore {
  const reasons: string[] = [];
  let url = false;
  if (a.url && a.url === b.url) {
    url = true;
    reasons.push(`same canonical url ${a.url}`);
  } else if (a.url && b.url && languageFreeUrl(a.url) === languageFreeUrl(b.url)) {
    url = true;
    reasons.push(`translations of one page ${a.url} / ${b.url}`);
  } else if ((a.url && b.links.includes(a.url)) || (b.url && a.links.includes(b.url))) {
    url = true;
    reasons.push('one quotes the other’s url');
  } else {
    const shared = a.links.filter((l) => b.links.includes(l) && isPageLink(l));
    if (shared.length) {
      url = true;
      reasons.push(`same official link ${shared[0]}`);
    }
  }
  const t = overlap(a.titleTokens, b.titleTokens, w);
  const x = overlap(a.textTokens, b.textTokens, w);
  const deadlineEq = a.deadline !== null && a.deadline === b.deadline;
  const deadlineExt = a.deadline !== null && b.deadline !== null && !deadlineEq;
  const amountEq = a.amountMax !== null && a.amountMax === b.amountMax;
  const donorEq = a.donor !== null && a.donor === b.donor;
  const yearEq = a.years.length > 0 && !disjoint(a.years, b.years) && b.years.length > 0;
  let score = 0.9 * t.jac + 0.5 * t.cont + 1.0 * x.jac;
  if (deadlineEq) score += 0.15;
  if (deadlineExt) score += 0.05;
  if (amountEq) score += 0.1;
  if (donorEq) score += 0.1;
  if (yearEq) score += 0.05;
  if (url) score += 0.6;
  // language-independent agreement: counts only when donor, deadline and amount all agree
  const structured = donorEq && deadlineEq && amountEq;
  const jacc = (p: string[], q: string[]) =>
    p.length && q.length ? p.filter((v) => q.includes(v)).length / new Set([...p, ...q]).size : 0;
  const edEq = a.editions.length > 0 && b.editions.length > 0 && !disjoint(a.editions, b.editions);
  const seasonEq = a.seasons.length > 0 && b.seasons.length > 0 && !disjoint(a.seasons, b.seasons);
  const ra = a.regions.filter((r) => r !== 'UA');
  const regEq =
    ra.length > 0 && ra.length === b.regions.filter((r) => r !== 'UA').length && !disjoint(ra, b.regions);
  let agree = 0;
  // cross-language copies share little text: let the language-independent fields speak for them
  if (structured && a.lang !== b.lang) {
    agree += 0.2 * jacc(a.topics, b.topics) + 0.1 * jacc(a.applicants, b.applicants);
    if (edEq) agree += 0.15;
    if (seasonEq) agree += 0.1;
    if (regEq) agree += 0.1;
    if (yearEq) agree += 0.05;
    score += agree;
    reasons.push(`structured agreement ${agree.toFixed(2)}`);
  }
  reasons.push(
    `title jac ${t.jac.toFixed(2)} cont ${t.cont.toFixed(2)}, text jac ${x.jac.toFixed(2)}`,
    ...(deadlineEq ? [`deadline ${a.deadline}`] : deadlineExt ? ['deadline extended'] : []),
    ...(amountEq ? [`amount ${a.amountMax}`] : []),
    ...(donorEq ? [`donor ${a.donor}`] : []),
  );
  // same language, no URL evidence: the titles or the texts themselves must be close — another
  // programme of one donor often shares the template text, deadline and amount
  // donors are extracted from free text (a relay may name a co-funder): with URL evidence the
  // mismatch is only a penalty (see blocker)
  if (a.donor && b.donor && a.donor !== b.donor) {
    score -= 0.4;
    reasons.push(`donor ${a.donor} ≠ ${b.donor}`);
  }
  if (!url && a.lang === b.lang && t.cont < 0.5 && x.jac < 0.45) {
    score = Math.min(score, MERGE_THRESHOLD - 0.01);
    reasons.push('same language but neither title nor text close');
  }
  return { score, reasons };
}

/**
 * Candidate pairs by blocking: same canonical URL (also without a language segment) or quoted link,
 * shared rare title/text tokens, donor+deadline, deadline+amount. Keys shared by too many documents
 * are dropped, so the number of pairs grows ~linearly. Yields each pair once (i < j).
 */
function* candidatePairs(docs: DedupeDoc[], w: Weights): Generator<[number, number]> {
  const n = docs.length;
  const maxPosting = Math.max(20, Math.min(200, Math.ceil(n * 0.02)));
  const keyId = new Map<string, number>();
  const postings: number[][] = [];
  const docKeys: number[][] = [];
  const rarest = (ts: string[]) =>
    [...new Set(ts)].sort((x, y) => (w.get(y) ?? 0) - (w.get(x) ?? 0)).slice(0, 6);
  docs.forEach((d, i) => {
    const keys = new Set<string>();
    if (d.url) {
      keys.add(`u:${d.url}`);
      keys.add(`u:${languageFreeUrl(d.url)}`);
    }
    for (const l of d.links) if (isPageLink(l)) keys.add(`u:${l}`);
    for (const t of rarest(d.titleTokens)) keys.add(`t:${t}`);
    for (const t of rarest(d.textTokens)) keys.add(`t:${t}`);
    if (d.deadline) keys.add(`d:${d.donor ?? ''}|${d.deadline}`);
    if (d.deadline && d.amountMax !== null) keys.add(`a:${d.deadline}|${d.amountMax}`);
    const ids: number[] = [];
    for (const key of keys) {
      let k = keyId.get(key);
      if (k === undefined) {
        k = postings.length;
        keyId.set(key, k);
        postings.push([]);
      }
      const list = postings[k]!;
      if (list.length <= maxPosting) list.push(i);
      ids.push(k);
    }
    docKeys.push(ids);
  });
  for (let i = 0; i < n; i++) {
    const mine = new Set<number>();
    for (const k of docKeys[i]!) {
      const list = postings[k]!;
      if (list.length < 2 || list.length > maxPosting) continue;
      for (const j of list) if (j > i) mine.add(j);
    }
    for (const j of mine) yield [i, j];
  }
}

export interface ClusterResult {
  id: string;
  cluster: string;
  evidence: string[];
}

export interface ClusterOptions {
  /** Compare every pair instead of blocked candidates (the benchmark's baseline; O(n²)). */
  allPairs?: boolean;
  /**
   * Document index pairs an editor merged: united before any scored pair, even across a blocker
   * (evidence "merged A~B (editor merge)").
   */
  mustLink?: Array<[number, number]>;
  /**
   * Document index pairs an editor split: never in one cluster. A union that would join them is
   * refused like a blocker (evidence "refused … (editor split)"); a split wins over a merge.
   */
  cannotLink?: Array<[number, number]>;
}

/**
 * Clusters announcements: applies editors' merges, scores blocked candidate pairs, then unites the
 * best pairs first and refuses any union that would put two documents with a hard blocker or an
 * editor's split into one cluster. Cluster id = the smallest document id of the cluster; ties
 * between equal scores are broken by document ids, so the clustering does not depend on the
 * order of `docs` (as long as ids are unique).
 */
export function clusterAnnouncements(docs: DedupeDoc[], opts: ClusterOptions = {}): ClusterResult[] {
  const n = docs.length;
  const checkIndex = (i: number, what: string) => {
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new RangeError(`${what}: document index ${i} is outside 0..${n - 1}`);
  };
  const w = idfWeights(docs);
  const accepted: { i: number; j: number; score: number; reasons: string[] }[] = [];
  const consider = (i: number, j: number) => {
    const a = docs[i]!;
    const b = docs[j]!;
    if (blocker(a, b)) return;
    const s = scorePair(a, b, w);
    if (s.score >= MERGE_THRESHOLD) accepted.push({ i, j, ...s });
  };
  if (opts.allPairs) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) consider(i, j);
  } else for (const [i, j] of candidatePairs(docs, w)) consider(i, j);
  // strongest first; ties by document id, so the result does not depend on input or blocking order
  const lo = (p: { i: number; j: number }) =>
    docs[p.i]!.id <= docs[p.j]!.id ? docs[p.i]!.id : docs[p.j]!.id;
  const hi = (p: { i: number; j: number }) =>
    docs[p.i]!.id <= docs[p.j]!.id ? docs[p.j]!.id : docs[p.i]!.id;
  const cmpId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  accepted.sort((p, q) => q.score - p.score || cmpId(lo(p), lo(q)) || cmpId(hi(p), hi(q)));
  const parent = Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  // editor splits: per cluster root, the documents that must stay out of it
  const split: number[][] = Array.from({ length: n }, () => []);
  for (const [i, j] of opts.cannotLink ?? []) {
    checkIndex(i, 'cannotLink');
    checkIndex(j, 'cannotLink');
    if (i === j) continue;
    split[i]!.push(j);
    split[j]!.push(i);
  }
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const editorSplit = (ri: number, rj: number): string | null => {
    const [a, b] = split[ri]!.length <= split[rj]!.length ? [ri, rj] : [rj, ri];
    for (const x of split[a]!) if (find(x) === b) return docs[x]!.id;
    return null;
  };
  const unite = (ri: number, rj: number) => {
    const [big, small] = members[ri]!.length >= members[rj]!.length ? [ri, rj] : [rj, ri];
    parent[small] = big;
    members[big]!.push(...members[small]!);
    members[small] = [];
    split[big]!.push(...split[small]!);
    split[small] = [];
  };
  const evidence: string[][] = Array.from({ length: n }, () => []);
  // editors first, in a fixed order (by document ids)
  const merges = (opts.mustLink ?? []).map(([i, j]) => {
    checkIndex(i, 'mustLink');
    checkIndex(j, 'mustLink');
    return docs[i]!.id <= docs[j]!.id ? { i, j } : { i: j, j: i };
  });
  merges.sort((p, q) => cmpId(docs[p.i]!.id, docs[q.i]!.id) || cmpId(docs[p.j]!.id, docs[q.j]!.id));
  for (const p of merges) {
    const ri = find(p.i);
    const rj = find(p.j);
    if (ri === rj) continue;
    const what = `${docs[p.i]!.id}~${docs[p.j]!.id} (editor merge)`;
    const other = editorSplit(ri, rj);
    if (other !== null) {
      evidence[p.i]!.push(`refused ${what} (editor split)`);
      continue;
    }
    evidence[p.i]!.push(`merged ${what}`);
    evidence[p.j]!.push(`merged ${what}`);
    unite(ri, rj);
  }
  for (const p of accepted) {
    const ri = find(p.i);
    const rj = find(p.j);
    if (ri === rj) continue;
    const what = `${docs[p.i]!.id}~${docs[p.j]!.id} score ${p.score.toFixed(2)}: ${p.reasons.join('; ')}`;
    if (editorSplit(ri, rj) !== null) {
      evidence[p.i]!.push(`refused ${what} (editor split)`);
      continue;
    }
    let conflict: string | null = null;
    outer: for (const x of members[ri]!)
      for (const y of members[rj]!) {
        conflict = blocker(docs[x]!, docs[y]!);
        if (conflict) {
          conflict = `${docs[x]!.id}/${docs[y]!.id}: ${conflict}`;
          break outer;
        }
      }
    if (conflict) {
      evidence[p.i]!.push(`refused ${what} (blocked by ${conflict})`);
      continue;
    }
    evidence[p.i]!.push(`merged ${what}`);
    evidence[p.j]!.push(`merged ${what}`);
    unite(ri, rj);
  }
  const minId = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const cur = minId.get(r);
    const id = docs[i]!.id;
    if (cur === undefined || id < cur) minId.set(r, id);
  }
  return docs.map((d, i) => ({ id: d.id, cluster: minId.get(find(i))!, evidence: evidence[i]! }));
}
