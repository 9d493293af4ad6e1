// Decides which copies are the same call. Pure: no I/O.
// - `callFingerprint`: exact fingerprint (normalized title + deadline) the pipeline uses to spot an
//   announcement seen again or relayed verbatim.
// - `clusterAnnouncements`: cross-source clustering of rewritten / translated / damaged copies
//   (features from `dedupeFeatures`; see the section below).
import { createHash } from 'node:crypto';
import { KNOWN_DONORS } from './extract/donors.ts';
import { canonicalUrl } from './url.ts';

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
// linked by a strong URL signal, by title/text similarity or by agreeing facts any language states
// (donor or any party the text names, deadline or a stage of it, amount, oblasts, the call's quoted
// name, organization acronyms), never across a hard blocker (another year, season, lot/wave/round
// number, oblast edition, programme, amount, deadline month, an unexplained other deadline, or
// publication five months apart). A copy naming no oblast that matches two oblast editions joins
// neither. Candidate pairs come from blocking (canonical URL, quoted links, rare title and text
// tokens, donor+deadline, deadline+amount) with a bounded number of comparisons per document, so
// the cost grows linearly with the number of documents. Built for a million documents on one
// core: features are compact (interned token ids, 16 bits each, in shared arrays), the hot loops
// compare numbers, and strings are compared only when their hashes agree.

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

// Word splitting. `\p{L}` classes under the /u flag are slow in V8; text that only uses Latin,
// Cyrillic and common punctuation (nearly all of ours) is split with an equivalent plain class
// generated from the Unicode one, so both paths cut exactly the same words.
const SAFE_RANGES: [number, number][] = [
  [0x0000, 0x024f],
  [0x0400, 0x052f],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
];
const hex = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;
function classOf(test: (ch: string) => boolean): string {
  let out = '';
  for (const [lo, hi] of SAFE_RANGES) {
    let start = -1;
    for (let cp = lo; cp <= hi + 1; cp++) {
      const inside = cp <= hi && test(String.fromCharCode(cp));
      if (inside && start < 0) start = cp;
      if (!inside && start >= 0) {
        out += start === cp - 1 ? hex(start) : `${hex(start)}-${hex(cp - 1)}`;
        start = -1;
      }
    }
  }
  return out;
}
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const WORD_CLASS = classOf((ch) => WORD_CHAR.test(ch));
const UNSAFE = new RegExp(`[^${SAFE_RANGES.map(([lo, hi]) => `${hex(lo)}-${hex(hi)}`).join('')}]`);
const SPLIT_PLUS = { fast: new RegExp(`[^${WORD_CLASS}+]+`), slow: /[^\p{L}\p{N}+]+/u };
const SPLIT_DASH = { fast: new RegExp(`[^${WORD_CLASS}\\-]+`), slow: /[^\p{L}\p{N}-]+/u };
/** `s.split(/[^\p{L}\p{N}+]+/u)` (kind plus) or `s.split(/[^\p{L}\p{N}-]+/u)` (kind dash). */
function splitWords(s: string, kind: typeof SPLIT_PLUS): string[] {
  return s.split(UNSAFE.test(s) ? kind.slow : kind.fast);
}

/** A word's tokens: its glossary concept and its consonant skeleton (numbers stay as they are). */
function wordTokens(w: string): string[] {
  if (/^\d+$/.test(w)) return [w];
  const latin = translit(w)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l');
  const out: string[] = [];
  const c = concept(latin);
  if (c) out.push(c);
  const sk = skeleton(latin);
  // the same string when nothing changed (ids, codes): the word cache already holds it
  if (sk.length >= 2) out.push(sk === w ? w : sk);
  return out;
}

// Tokens are interned to small integers for the life of the process, so a document's token list
// is a small integer array (see DedupeDoc.tokens) and comparing two documents touches no strings.
const tokenIdOf = new Map<string, number>();
const tokenTexts: string[] = [];
/**
 * A hash of each token's text, by id: ids depend on the order words were first met in this
 * process, so anything ordering documents by their tokens (the MinHash sketch of blocking) uses
 * these, and clusters the same input the same way whatever the process clustered before.
 */
let tokenHashes = new Int32Array(1 << 12);
function intern(t: string): number {
  let id = tokenIdOf.get(t);
  if (id === undefined) {
    id = tokenTexts.length;
    tokenIdOf.set(t, id);
    tokenTexts.push(t);
    if (id === tokenHashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(tokenHashes);
      tokenHashes = grown;
    }
    tokenHashes[id] = hashChars(t, 0, t.length);
  }
  return id;
}
/** The token an interned id stands for (`DedupeDoc.tokens` holds ids). */
export function tokenText(id: number): string {
  return tokenTexts[id] ?? `#${id}`;
}

/** A copy of s that shares no memory with a longer string (a cached slice would pin the whole text). */
const detached = (s: string): string =>
  // V8 copies short slices; a longer one would be a view of its parent
  s.length < 13 ? `${s} `.slice(0, -1) : (JSON.parse(JSON.stringify(s)) as string);

// Word cache: folded word → its token ids (at most two: a glossary concept and a skeleton; -1 for
// none, both -1 for a stop word). Open addressing keyed by a hash of the word's characters, so the
// scanner finds a word in place, without cutting it out of the text.
const WC_MAX = 1 << 17;
let wcCap = 1 << 14;
let wcSlots = new Int32Array(wcCap).fill(-1);
let wcHash = new Int32Array(1 << 13);
let wcTok = new Int32Array(2 << 13);
let wcWords: string[] = [];

function hashChars(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
function wcSlot(h: number): number {
  return (h ^ (h >>> 13)) & (wcCap - 1);
}
/** The cache entry of word s[start..end) (its hash h), or -1. */
function wcFind(s: string, start: number, end: number, h: number): number {
  const len = end - start;
  for (let slot = wcSlot(h); ; slot = (slot + 1) & (wcCap - 1)) {
    const e = wcSlots[slot]!;
    if (e === -1) return -1;
    if (wcHash[e] !== h) continue;
    const w = wcWords[e]!;
    if (w.length !== len) continue;
    let k = 0;
    while (k < len && w.charCodeAt(k) === s.charCodeAt(start + k)) k++;
    if (k === len) return e;
  }
}
/** Works out word w's tokens and caches them; returns the entry. */
function wcAdd(w: string, h: number): number {
  if (wcWords.length >= WC_MAX) {
    wcCap = 1 << 14;
    wcSlots = new Int32Array(wcCap).fill(-1);
    wcWords = [];
  }
  const e = wcWords.length;
  if (e === wcHash.length) {
    const hash = new Int32Array(e * 2);
    hash.set(wcHash);
    wcHash = hash;
    const tok = new Int32Array(e * 4);
    tok.set(wcTok);
    wcTok = tok;
  }
  if (2 * (e + 1) > wcCap) {
    wcCap *= 2;
    wcSlots = new Int32Array(wcCap).fill(-1);
    for (let f = 0; f < e; f++) {
      let slot = wcSlot(wcHash[f]!);
      while (wcSlots[slot] !== -1) slot = (slot + 1) & (wcCap - 1);
      wcSlots[slot] = f;
    }
  }
  const ts = STOP.has(w) ? [] : wordTokens(w);
  wcWords.push(w);
  wcHash[e] = h;
  wcTok[2 * e] = ts.length > 0 ? intern(ts[0]!) : -1;
  wcTok[2 * e + 1] = ts.length > 1 ? intern(ts[1]!) : -1;
  let slot = wcSlot(h);
  while (wcSlots[slot] !== -1) slot = (slot + 1) & (wcCap - 1);
  wcSlots[slot] = e;
  return e;
}
/** The cache entry of word s[start..end), added if new. */
function wordEntry(s: string, start: number, end: number, h: number): number {
  const e = wcFind(s, start, end, h);
  return e >= 0 ? e : wcAdd(detached(s.slice(start, end)), h);
}

function tokens(folded: string): string[] {
  const out: string[] = [];
  for (const w of splitWords(folded, SPLIT_PLUS)) {
    if (!w) continue;
    const e = wordEntry(w, 0, w.length, hashChars(w, 0, w.length));
    const t1 = wcTok[2 * e]!;
    const t2 = wcTok[2 * e + 1]!;
    if (t1 >= 0) out.push(tokenTexts[t1]!);
    if (t2 >= 0) out.push(tokenTexts[t2]!);
  }
  return out;
}

// Distinct token ids of one text, in order of appearance, stored 16 bits each (an id ≥ 0xffff as
// 0xffff and two more units, low half first) in a shared arena: one allocation per 512 KiB
// instead of one buffer per document, and half the memory of 32-bit ids.
let seenAt = new Int32Array(1 << 16);
let seenStamp = 0;
let scratch = new Uint32Array(1024);
let scratchLen = 0;
const ARENA = 1 << 18;
let arena = new Uint16Array(ARENA);
let arenaUsed = 0;
const ESC = 0xffff;

/** Starts a new distinct set (ids already in scratch stay). */
function newStamp(): void {
  if (++seenStamp === 0x7fffffff) {
    seenAt.fill(0);
    seenStamp = 1;
  }
}
function addId(id: number): void {
  if (id < 0) return;
  if (id >= seenAt.length) {
    const grown = new Int32Array(Math.max(seenAt.length * 2, id + 1));
    grown.set(seenAt);
    seenAt = grown;
  }
  if (seenAt[id] === seenStamp) return;
  seenAt[id] = seenStamp;
  if (scratchLen === scratch.length) {
    const grown = new Uint32Array(scratchLen * 2);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[scratchLen++] = id;
}
/** Adds the tokens of cached word e. */
function addWord(e: number): void {
  addId(wcTok[2 * e]!);
  addId(wcTok[2 * e + 1]!);
}
/** Encoded length of scratch[from..to). */
function encodedLength(from: number, to: number): number {
  let n = to - from;
  for (let q = from; q < to; q++) if (scratch[q]! >= ESC) n += 2;
  return n;
}
/**
 * Encodes the ids collected since scratch was emptied into the arena and empties scratch; returns
 * where they start in `arena` (which may have been replaced by a fresh one to make room).
 */
function storeIds(): number {
  const k = scratchLen;
  const len = encodedLength(0, k);
  if (arenaUsed + len > arena.length) {
    arena = new Uint16Array(Math.max(ARENA, len));
    arenaUsed = 0;
  }
  const start = arenaUsed;
  let p = start;
  for (let q = 0; q < k; q++) {
    const id = scratch[q]!;
    if (id < ESC) arena[p++] = id;
    else {
      arena[p++] = ESC;
      arena[p++] = id & 0xffff;
      arena[p++] = id >>> 16;
    }
  }
  arenaUsed = p;
  scratchLen = 0;
  return start;
}

/** Decodes tokens[from..to) into out (grown as needed); returns out and sets `decoded` to the count. */
let decoded = 0;
function decode(
  tokens: Uint16Array,
  from: number,
  to: number,
  out: Uint32Array<ArrayBuffer>,
): Uint32Array<ArrayBuffer> {
  if (out.length < to - from) out = new Uint32Array(Math.max(to - from, out.length * 2));
  let k = 0;
  for (let q = from; q < to; ) {
    const u = tokens[q++]!;
    if (u !== ESC) out[k++] = u;
    else {
      out[k++] = tokens[q]! | (tokens[q + 1]! << 16);
      q += 2;
    }
  }
  decoded = k;
  return out;
}
/** The interned token ids of a document's title and of its text (see `DedupeDoc.tokens`). */
export function tokenIds(d: DedupeDoc): { title: number[]; text: number[] } {
  const title = [...decode(d.tokens, d.tokenStart, d.titleEnd, new Uint32Array(0)).subarray(0, decoded)];
  const text = [...decode(d.tokens, d.titleEnd, d.tokenEnd, new Uint32Array(0)).subarray(0, decoded)];
  return { title, text };
}

// The scanner's character classes (see splitWords).
const WORD_CODE = new Uint8Array(0x20d0);
for (const [lo, hi] of SAFE_RANGES)
  for (let cp = lo; cp <= hi; cp++) WORD_CODE[cp] = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 0;

/**
 * Adds the distinct token ids of `folded.slice(0, end)` to scratch: the same as splitting it into
 * words with /[^\p{L}\p{N}+]+/u, but in one pass over the characters.
 */
function scanTokenIds(folded: string, end: number): void {
  newStamp();
  if (UNSAFE.test(folded)) {
    for (const w of splitWords(end < folded.length ? folded.slice(0, end) : folded, SPLIT_PLUS))
      if (w) addWord(wordEntry(w, 0, w.length, hashChars(w, 0, w.length)));
    return;
  }
  const lim = Math.min(end, folded.length);
  let start = -1;
  let h = 0;
  for (let i = 0; i <= lim; i++) {
    const c = i < lim ? folded.charCodeAt(i) : 0x20;
    if (c === 0x2b || WORD_CODE[c] === 1) {
      if (start < 0) {
        start = i;
        h = 0x811c9dc5 | 0;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (start >= 0) {
      addWord(wordEntry(folded, start, i, h));
      start = -1;
    }
  }
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
  /^(лот\p{L}*|хвил\p{L}*|волн\p{L}*|раунд\p{L}*|конкурс\p{L}*|набір|набор\p{L}*|набору|відб\p{L}*|черг\p{L}*|lot|wave|round|call|calls|edition|nabór|naboru|naborze|konkurs\p{L}*|cohort|stage)$/u;
const MONTH =
  /^(січ|лют|бер|квіт|трав|черв|лип|серп|вер|жовт|лист|груд|янв|фев|мар|апр|мая|май|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sty|lut|kwi|maj|cze|lip|sie|wrz|paź|lis|gru)/;
/** Cheap pre-test: every EDITION_KW word starts with one of these letters. */
const EDITION_FIRST = new Set('лхврконвчlwrcensk');

function ordinalOf(w: string): number | null {
  const m = /^(\d{1,2})(-?(й|ий|го|а|ша|тя|я|ій|st|nd|rd|th))?$/.exec(w);
  if (m) return Number(m[1]);
  if (ROMAN[w] !== undefined) return ROMAN[w]!;
  for (const [re, n] of ORD_WORDS) if (re.test(w)) return n;
  return null;
}

/** Edition numbers (lot / wave / round / call / competition ordinals) stated near a keyword. */
export function editionNumbers(folded: string): number[] {
  const ws = splitWords(folded, SPLIT_DASH).filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i < ws.length; i++) {
    if (!EDITION_FIRST.has(ws[i]![0]!) || !EDITION_KW.test(ws[i]!)) continue;
    // keyword N  (not a date: "раунд 1 лютого")
    const next = ws[i + 1];
    if (
      next &&
      /^\d{1,2}$/.test(next) &&
      Number(next) > 0 &&
      !MONTH.test(ws[i + 2] ?? '') &&
      !/^20\d\d$/.test(next)
    )
      out.add(Number(next));
    // N-й / ordinal word / roman numeral up to 3 words before the keyword
    for (let k = 1; k <= 3 && i - k >= 0; k++) {
      const w = ws[i - k]!;
      if (/^\d{1,2}$/.test(w) && k > 1) continue;
      if (/^\d{1,2}$/.test(w) && MONTH.test(ws[i - k + 1] ?? '')) continue;
      const n = /^\d{1,2}$/.test(w) && k === 1 ? Number(w) : ordinalOf(w);
      // («18:00 Лот …»: the minutes of a time are no round number)
      if (n !== null && n > 0 && (k === 1 || !/^\d/.test(w))) {
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
/** A name of several words, or one with a year: a programme's own name, not a donor's brand. */
const specificName = (t: string) => /\b20\d\d\b/.test(t) || t.split(' ').length >= 3;
/** The specific quoted names of a title's names and the text's head (distinct). */
function specificNames(titleNames: readonly string[], text: string): readonly string[] {
  const head = text.slice(0, 600);
  if (!/[«„“"]/.test(head) && !titleNames.length) return NO_STRINGS;
  const out: string[] = [];
  for (const t of [...titleNames, ...quotedNames(head)]) if (specificName(t) && !out.includes(t)) out.push(t);
  return out.length ? out : NO_STRINGS;
}
/**
 * Official call identifiers: EU portal topic ids (CERV-2027-CITIZENS-TOWN-TT, HORIZON-MISS-2027-…,
 * a year or number among three or more upper-case segments) and EuropeAid references.
 */
const CALL_ID = /\b[A-Z][A-Z0-9]{1,15}(?:-[A-Z0-9]{1,20}){2,7}\b|\bEuropeAid\/\d{5,}(?:\/[A-Z]{1,6})*/g;
function callIdsOf(raw: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(CALL_ID)) {
    const id = m[0].toUpperCase();
    if (/(^|[-/])(20\d\d|\d{4,})([-/]|$)/.test(id) && !out.includes(id)) out.push(id);
  }
  return out;
}
/** Upper-case Latin words that are not organizations: currencies, zones, legal forms, generic terms. */
const NOT_ORG = new Set(
  'EU UA UN EUR USD UAH PLN CHF GBP CAD JPY CET CEST EET EEST UTC NGO NGOS CSO CSOS OMS CEO PDF URL FAQ QA ID IT ICT SME SMES MSME FOP LLC JSC IDP IDPS COVID HR PR TV AI VR ESG GDP CV NB PS OK UK USA PL RO HU SK MD DREAM ESUP CNAP OSBB SDG SDGS FY II III IV VI VII VIII'.split(
    ' ',
  ),
);
/**
 * Names of organizations that survive translation: acronyms in Latin capitals (ESTDEV, RITA, E5P:
 * 3–8 letters or digits, compared as written) and — in a Cyrillic text — Latin names of two or more
 * capitalized words («„Людина в біді“ (People in Need)», compared by their words).
 */
function orgNamesOf(raw: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(/(?<![\p{L}\p{N}/.-])[A-Z][A-Z0-9]{2,7}(?![\p{L}\p{N}])/gu))
    if (!NOT_ORG.has(m[0]) && !out.includes(m[0])) out.push(m[0]);
  if (CYR.test(raw))
    for (const m of raw.matchAll(
      /(?<![\p{L}\p{N}/.-])[A-Z][a-z]+(?: (?:(?:in|of|for|and|the|de|du|la|für|und) )?[A-Z][a-z]+){1,4}(?![\p{L}\p{N}])/gu,
    )) {
      const t = tokens(foldText(m[0])).join(' ');
      if (t && !out.includes(t)) out.push(t);
    }
  return out;
}

/** Two identifiers name the same call (equal, or one is the other's prefix at a segment boundary). */
function sameCallId(x: string, y: string): boolean {
  if (x === y) return true;
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  return l.startsWith(s) && (l[s.length] === '-' || l[s.length] === '/');
}
const EXTENDED = /(продовж|продлен|продлил|подовж|extended|extension|prolong|przedłuż|przedluz)/;

export interface DedupeDoc {
  id: string;
  /**
   * Skeleton tokens (transliterated, look-alikes folded, vowels dropped) as interned ids
   * (`tokenText`): the title's, distinct, in order of appearance, at tokens[tokenStart..titleEnd),
   * then likewise the first 1500 characters of the text's at tokens[titleEnd..tokenEnd). Encoded
   * 16 bits per id (an id ≥ 0xffff takes three units) in an array shared by many documents, so
   * the features of a million documents fit in memory; read them with `tokenIds`.
   */
  tokens: Uint16Array;
  tokenStart: number;
  titleEnd: number;
  tokenEnd: number;
  donor: string | null;
  programme: string | null;
  deadline: string | null;
  /** `Date.parse(deadline)` in days; null without a deadline. */
  deadlineDay: number | null;
  /** The days of the call's other stage dates (concept note, full application); often empty. */
  stageDays: readonly number[];
  /** The deadline is named as a later stage (a full application): an earlier stage comes before it. */
  laterStage: boolean;
  /** Without a deadline, the month a vague one ends in («до кінця вересня»: YYYY-MM), or null. */
  deadlineMonth: string | null;
  /** The text says the deadline was extended. */
  extended: boolean;
  amountMax: number | null;
  currency: string | null;
  /** ISO oblast codes; 'UA' means all Ukraine. */
  regions: readonly string[];
  /** Oblasts the title names: part of the call's name (an oblast edition). */
  titleRegions: readonly string[];
  /**
   * The headline names an oblast and the text opens the call to several: names two or more, or says
   * «та ще шести областей» (false when the headline names none: nothing asks then).
   */
  severalOblasts: boolean;
  /**
   * The headline tells one oblast's readers what they can get («Громади Запорізької області можуть
   * модернізувати школи…», «Школы Днепропетровщины могут…»): a local site's view of a call, not the
   * name of an oblast's edition («…: конкурс для громад Житомирської області»).
   */
  readersOblast: boolean;
  /**
   * The headline names the oblast the call is for («…: конкурс для громад Житомирської області»,
   * "Small grants for Zhytomyr Oblast"): an oblast edition's name, not a local site's view.
   */
  editionName: boolean;
  years: readonly number[];
  editions: readonly number[];
  seasons: readonly string[];
  /** Quoted programme names «…» from the title, as skeleton token strings. */
  names: readonly string[];
  /** Specific quoted names (see `specificName`) from the title and the text's head, likewise. */
  quoted: readonly string[];
  lang: string;
  topics: readonly string[];
  applicants: readonly string[];
  /** Canonical URL of the page itself. */
  url: string | null;
  /** Canonical URLs quoted in the text, language-free (see `languageFreeUrl`). */
  links: readonly string[];
  /** Official call identifiers stated in the title or text (upper case, see `callIdsOf`). */
  callIds: readonly string[];
  /** Latin names of organizations (ESTDEV, RITA, People in Need): they survive translation (see `orgNamesOf`). */
  orgNames: readonly string[];
  /** Publication date in days since the epoch; null when unknown. */
  publishedDay: number | null;
  /** The donor families (see `donorFamily`) of every known donor the text names. */
  parties: readonly string[];
  /** Programmes the text sets its call apart from («Це окрема програма, не «Кусаноне»»). */
  apart: readonly string[];
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
  regions: readonly string[];
  lang: string;
  topics?: readonly string[];
  applicants?: readonly string[];
  /** YYYY-MM-DD */
  publishedAt?: string | null;
  /** Every known donor the text names (`Extraction.parties`). */
  parties?: readonly string[];
  /** Programmes the text sets its call apart from (`Extraction.apart`). */
  apart?: readonly string[];
  /** The dates of a two-stage call's stages (YYYY-MM-DD). */
  stages?: readonly string[];
  /** The stage the deadline is named as (`Extraction.deadlineStage`). */
  deadlineStage?: string | null;
  /** The month a vague deadline ends in, YYYY-MM (`Extraction.deadlineMonth`). */
  deadlineMonth?: string | null;
}

const OBLASTS: [string, string[]][] = [
  ['UA-05', ['вінниц', 'вінничч', 'винниц', 'винничин', 'vinnyts', 'winnic']],
  ['UA-07', ['волинськ', 'волинщ', '=волині', '=волинь', 'волынск', '=volyn', 'wołyń', 'wołyńsk']],
  ['UA-09', ['луганськ', 'луганщ', 'luhansk']],
  ['UA-12', ['дніпропетровськ', 'дніпропетровщ', 'днепропетровск', 'днепропетровщ', 'dnipropetrovsk']],
  ['UA-14', ['донецьк', 'донеччин', 'донецк', 'донетчин', 'donetsk']],
  ['UA-18', ['житомирськ', 'житомирщ', 'житомирск', 'zhytomyr', 'żytomier']],
  ['UA-21', ['закарпатськ', 'закарпатт', 'закарпатск', 'zakarpatt', 'transcarpath']],
  ['UA-23', ['запорізьк', 'запоріжж', 'запорожск', 'запорож', 'zaporizhzh']],
  [
    'UA-26',
    [
      'івано-франківськ',
      'франківськ',
      'прикарпатт',
      'ивано-франковск',
      'франковск',
      'прикарпать',
      'ivano-frankivsk',
      'frankivsk',
    ],
  ],
  ['UA-32', ['київщин', 'киевщин', 'київськ област', 'киевск област', 'kyiv oblast']],
  ['UA-35', ['кіровоградськ', 'кіровоградщ', 'кировоградск', 'кировоградщ', 'kirovohrad']],
  ['UA-46', ['львівськ', 'львівщ', 'львовск', 'львовщ', '=lviv', 'lwowsk']],
  ['UA-48', ['миколаївськ', 'миколаївщ', 'николаевск', 'николаевщ', 'mykolaiv']],
  ['UA-51', ['одеськ', 'одещин', 'одесск', 'одесщин', '=odesa', '=odessa']],
  ['UA-53', ['полтавськ', 'полтавщ', 'poltav']],
  // Rivne whole: the skeleton of «rivne» is that of «рівень», «рівних можливостей», «на низовому рівні»
  ['UA-56', ['рівненськ', 'рівненщ', 'ровенск', 'ровенщ', '=рівне', '=rivne', 'rivnens', '=równe']],
  ['UA-59', ['сумськ', 'сумщин', '=sumy']],
  ['UA-61', ['тернопільськ', 'тернопільщ', 'тернопольск', 'тернопольщ', 'ternopil', 'tarnopol']],
  [
    'UA-63',
    // Polish forms whole: the skeleton of «charkowski» is that of «черкаський»
    [
      'харківськ',
      'харківщ',
      'харьковск',
      'kharkiv',
      ...[
        'charków',
        'charkowa',
        'charkowie',
        'charkowski',
        'charkowskiego',
        'charkowskim',
        'charkowska',
        'charkowskiej',
      ].map((w) => `=${w}`),
    ],
  ],
  ['UA-65', ['херсонськ', 'херсонщ', 'херсонск', 'kherson']],
  ['UA-68', ['хмельницьк', 'хмельниччин', 'khmelnyts']],
  ['UA-71', ['черкаськ', 'черкащ', 'черкасск', 'черкасщ', 'cherkas']],
  ['UA-74', ['чернігівськ', 'чернігівщ', 'черниговск', 'черниговщ', 'chernihiv', 'czernihow']],
  ['UA-77', ['чернівецьк', 'буковин', 'черновицк', 'chernivts']],
];
/** Whole-word key that survives dropped і/ї but keeps vowels (волині ≠ вільні). */
const exactKey = (w: string) => translit(foldText(w)).replace(/i/g, '');

/**
 * A skeleton stem must also agree with the word's first letters, vowels kept: skeletons alone make
 * «desk» and «дискусії» Odesa, «Horizon» Kherson, «пілотування» Poltava, «рівність» Rivne,
 * «заміщення» and «Ізюмський» Sumy, «events» Vinnytsia, «вільнюський» Volyn.
 */
const HEAD = 4;
const OBLAST_SK: [string, string, boolean, string][] = OBLASTS.flatMap(([code, stems]) =>
  stems.map((st): [string, string, boolean, string] => {
    const exact = st.startsWith('=');
    const sk = st
      .replace(/^=/, '')
      .split(/\s+/)
      .map((w) => (exact ? exactKey(w) : skeleton(translit(foldText(w)))))
      .join(' ');
    return [code, sk, exact, exactKey(st.replace(/^=/, '')).slice(0, HEAD)];
  }),
).filter(([, stem]) => stem.length >= 3);
const OBLAST_WORD = OBLAST_SK.filter(([, stem]) => !stem.includes(' '));
const OBLAST_PHRASE = OBLAST_SK.filter(([, stem]) => stem.includes(' '));

/** Word → its skeleton and the oblasts a single-word stem finds in it (titles repeat words). */
const oblastWordCache = new Map<string, { sk: string; codes: readonly string[] }>();
function oblastWord(w: string): { sk: string; codes: readonly string[] } {
  let hit = oblastWordCache.get(w);
  if (hit) return hit;
  const sk = skeleton(translit(w));
  const exact = exactKey(w);
  const codes: string[] = [];
  // a whole-word form wins over skeleton stems («charkowskiego» has the skeleton of «черкаськ…»)
  for (const [code, stem, isExact] of OBLAST_WORD) if (isExact && exact === stem) codes.push(code);
  // a stem matches the start of a word's skeleton (" stem" in the space-joined skeletons)
  if (!codes.length)
    for (const [code, stem, isExact, head] of OBLAST_WORD)
      if (!isExact && sk.startsWith(stem) && exact.startsWith(head) && !codes.includes(code))
        codes.push(code);
  hit = { sk, codes: codes.length ? codes : NO_STRINGS };
  if (oblastWordCache.size > 20_000) oblastWordCache.clear();
  oblastWordCache.set(detached(w), hit);
  return hit;
}

/** Oblasts named in a folded string, robust to dropped і/ї/є and look-alike letters. */
export function oblastsIn(folded: string): string[] {
  const out = new Set<string>();
  let joined = '';
  for (const w of splitWords(folded, SPLIT_DASH)) {
    if (!w) continue;
    const o = oblastWord(w);
    for (const c of o.codes) out.add(c);
    joined += ` ${o.sk}`;
  }
  for (const [code, stem] of OBLAST_PHRASE) if (joined.includes(` ${stem}`)) out.add(code);
  return [...out].sort();
}

/** Language segments in a URL path (/en/, /uk/, itpr_en) removed: translations of one page id. */
export function languageFreeUrl(u: string): string {
  return u
    .replace(/\/(en|uk|ua|ru|pl|de|fr|eng|ukr)(?=\/|$)/g, '')
    .replace(/[_-](en|uk|ua|ru|pl|eng|ukr)(?=\/|$|\.)/g, '')
    .replace(/([?&])lang=[a-z]+/g, '$1');
}

const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_NUMBERS: readonly number[] = Object.freeze([]);
/** Small feature lists repeat across documents (years, editions, seasons): share one copy. */
const sharedLists = new Map<string, readonly (string | number)[]>();
function shared<T extends string | number>(xs: T[], empty: readonly T[]): readonly T[] {
  if (xs.length === 0) return empty;
  const key = `${typeof xs[0]}:${xs.join('\u0001')}`;
  const hit = sharedLists.get(key);
  if (hit) return hit as readonly T[];
  if (sharedLists.size > 10_000) sharedLists.clear();
  sharedLists.set(key, Object.freeze(xs));
  return xs;
}

const isPageLink = (u: string) => {
  try {
    return new URL(u).pathname.length > 1;
  } catch {
    return false;
  }
};

/**
 * A URL `canonicalUrl` returns unchanged: https, lowercase host without www, a path of plain
 * segments (no dot segments, trailing slash or AMP suffix), no port, query or fragment. Most page
 * URLs look like this, and recognizing them is ~100× cheaper than parsing.
 */
const CANONICAL_SHAPE =
  /^https:\/\/(?!www\.)(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$/;
export function isCanonicalShape(u: string): boolean {
  return CANONICAL_SHAPE.test(u) && !/(\/amp|\.amp)$/.test(u);
}
const canonicalPage = (canon: (u: string) => string, u: string) =>
  canon === canonicalUrl && isCanonicalShape(u) ? u : canon(u);
/** The link names a page (a path beyond "/"). */
const isPage = (u: string) => (isCanonicalShape(u) ? u.indexOf('/', 8) >= 0 : isPageLink(u));

/**
 * Canonical quoted links: copies of one call quote the same official links, so canonicalization
 * (a URL parse) is remembered per canonicalizer (assumed pure) and raw link.
 */
const linkMemo = new WeakMap<(u: string) => string, Map<string, string>>();
function canonicalLink(canon: (u: string) => string, raw: string): string {
  let memo = linkMemo.get(canon);
  if (!memo) {
    memo = new Map();
    linkMemo.set(canon, memo);
  }
  let url = memo.get(raw);
  if (url === undefined) {
    const key = detached(raw);
    url = canonicalPage(canon, key);
    if (memo.size > 20_000) memo.clear();
    memo.set(key, url);
  }
  return url;
}
/** A link with its scheme. */
const LINK = /https?:\/\/[^\s)\]»"'<>,]+/g;
/**
 * A link with its scheme or without («rhf.org.ua/uk/calls/sumy-2026/»: a host, then a path); run
 * only on texts where `BARE_LINK_HINT` finds a host and a slash outside a URL (it is ~5× slower).
 */
const ANY_LINK = /(?:https?:\/\/|(?<![\p{L}\p{N}@./-])(?=(?:[a-z0-9-]+\.)+[a-z]{2,}\/))[^\s)\]»"'<>,]+/gu;
const BARE_LINK_HINT = /(?:^|[\s(«"'>:])(?:[a-z0-9-]+\.)+[a-z]{2,}\//;

/** x as a small integer when it is one (V8 then stores it unboxed in the object). */
const smallInt = (x: number) => (Number.isInteger(x) && Math.abs(x) < 2 ** 30 ? x | 0 : x);

/**
 * An oblast's own office in a headline («Харківська ОВА інформує», «Волинська ОДА», «Черкасская
 * областная администрация»): who passes the call on, not the oblast the call is for.
 */
const ANNOUNCER =
  /[\p{L}'’-]+\s+(?:ова|ода|ога|облдержадміністраці\p{L}*|облрад\p{L}*|обласн\p{L}*\s+(?:(?:військов|державн)\p{L}*\s+)?(?:адміністраці|рад)\p{L}*|областн\p{L}*\s+(?:(?:военн|государственн)\p{L}*\s+)?(?:администраци|совет)\p{L}*|oblast\s+(?:military\s+|state\s+)?(?:administration|council))(?![\p{L}])/gu;

const ANNOUNCER_HINT = /ова|ода|ога|обл|oblast/;
const REGION_WORD_HINT = /област|регіон|регион|oblast|region/;
/** «можуть отримати», «могут утеплить», "can apply": a headline telling its readers (see `readersOblast`). */
const READERS_CAN = /(?<!\p{L})(?:можуть|може|зможуть|могут|может|смогут|can)(?!\p{L})/u;
/** «для громад …», "for … Oblast", «dla …»: a headline naming whom the call is for (see `editionName`). */
const EDITION_FOR = /(?<!\p{L})(?:для|for|dla)(?!\p{L})/u;
/** «та ще шести областей», «семи областей, зокрема Сумської», "and six other oblasts". */
const MORE_OBLASTS =
  /(?:ще|інших|других|ещ[её]|other|more)\s+(?:\p{L}+\s+)?(?:област|регіон|регион|oblast|region)|(?:двох|трьох|чотирьох|п.яти|шести|семи|восьми|дев.яти|десяти|кількох|декількох|двух|тр[её]х|четыр[её]х|пяти|нескольких|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:\p{L}+\s+)?(?:областей|областях|регіонів|регионов|oblasts|regions)/u;

/** A YYYY-MM-DD date in days since the epoch; null rather than NaN (a NaN would make V8 box every document's value). */
function dayOf(iso: string | null | undefined): number | null {
  const t = iso ? Date.parse(iso.slice(0, 10)) : Number.NaN;
  return Number.isNaN(t) ? null : smallInt(t / 86_400_000);
}

/** Precomputes the comparison features of one announcement (extraction results passed in). */
export function dedupeFeatures(d: DocInput, canon: (u: string) => string): DedupeDoc {
  const title = foldText(d.title);
  const text = foldText(d.text);
  const head = text.slice(0, 400);
  const url = d.url ? canonicalPage(canon, d.url) : null;
  let links: string[] = [];
  const ownFree = url ? languageFreeUrl(url) : null;
  for (const m of d.text.matchAll(BARE_LINK_HINT.test(d.text) ? ANY_LINK : LINK)) {
    const raw = m[0].replace(/[.;:]+$/, '');
    // quoted links in their language-free form: a relay quoting the /uk/ page quotes the /en/ one too
    const l = languageFreeUrl(canonicalLink(canon, raw.startsWith('http') ? raw : `https://${raw}`));
    // a page often quotes its own URL: keep one string
    if (!links.includes(l)) links.push(l === ownFree ? ownFree : l);
  }
  // exact-size copy: an array grown by push keeps room for 17 elements
  links = links.length ? links.slice() : (NO_STRINGS as string[]);
  const editions = editionNumbers(title);
  const seasons = seasonsOf(title);
  const names = quotedNames(title);
  const titleOblasts = oblastsIn(ANNOUNCER_HINT.test(title) ? title.replace(ANNOUNCER, ' ') : title);
  scanTokenIds(title, title.length);
  const titleUnits = encodedLength(0, scratchLen);
  scanTokenIds(text, 1500);
  const tokenStart = storeIds();
  return {
    id: d.id,
    tokens: arena,
    tokenStart,
    titleEnd: tokenStart + titleUnits,
    tokenEnd: arenaUsed,
    donor: d.donor,
    programme: d.programme,
    deadline: d.deadline,
    deadlineDay: dayOf(d.deadline),
    stageDays: d.stages?.length ? d.stages.map((s) => dayOf(s)!).filter((x) => x !== null) : NO_NUMBERS,
    laterStage: d.deadlineStage === 'full application' || d.deadlineStage === 'stage 2',
    deadlineMonth: d.deadline ? null : (d.deadlineMonth ?? null),
    extended: EXTENDED.test(title) || EXTENDED.test(text),
    amountMax: d.amountMax === null ? null : smallInt(d.amountMax),
    currency: d.currency,
    regions: d.regions.length ? d.regions : shared(titleOblasts, NO_STRINGS),
    titleRegions: shared(titleOblasts, NO_STRINGS),
    // (asked only of copies whose headline names an oblast: see `clusterAnnouncements`' conflict)
    severalOblasts:
      titleOblasts.length > 0 &&
      (d.regions.filter((r) => r !== 'UA').length > 1 ||
        (REGION_WORD_HINT.test(text) && MORE_OBLASTS.test(text))),
    readersOblast: titleOblasts.length > 0 && READERS_CAN.test(title),
    editionName: titleOblasts.length > 0 && EDITION_FOR.test(title) && !READERS_CAN.test(title),
    // (a date's year and a programme period «2021–2027» say nothing of the edition)
    years: shared(
      yearsOf(title.replace(/\d{1,2}[./]\d{1,2}[./](20\d\d)|20\d\d\s*[-–—]\s*20\d\d/g, ' ')),
      NO_NUMBERS,
    ),
    editions: shared(editions.length ? editions : editionNumbers(head), NO_NUMBERS),
    seasons: shared(seasons.length ? seasons : seasonsOf(head), NO_STRINGS),
    names: names.length ? names.slice() : NO_STRINGS,
    quoted: specificNames(names, text),
    lang: d.lang,
    topics: d.topics ?? NO_STRINGS,
    applicants: d.applicants ?? NO_STRINGS,
    url,
    links,
    callIds: shared(callIdsOf(`${d.title}\n${d.text}`), NO_STRINGS),
    orgNames: shared(orgNamesOf(`${d.title}\n${d.text.slice(0, 1500)}`), NO_STRINGS),
    publishedDay: dayOf(d.publishedAt),
    parties: d.parties?.length ? shared([...new Set(d.parties.map(donorFamily))], NO_STRINGS) : NO_STRINGS,
    apart: d.apart?.length ? shared([...d.apart], NO_STRINGS) : NO_STRINGS,
  };
}

function disjoint<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (let i = 0; i < a.length; i++) if (b.includes(a[i]!)) return false;
  return true;
}
/** Oblast editions: disjoint once 'UA' (all Ukraine) is left out. */
function disjointRegions(a: readonly string[], b: readonly string[]): boolean {
  let na = 0;
  for (const r of a) if (r !== 'UA') na++;
  if (na === 0) return false;
  let nb = 0;
  for (const r of b) if (r !== 'UA') nb++;
  if (nb === 0) return false;
  for (const r of a) if (r !== 'UA' && b.includes(r)) return false;
  return true;
}

/**
 * The distinct character trigrams of ` s `, each packed into one integer (10 bits per character),
 * sorted; null when a character does not fit (then `dice` compares strings).
 */
function trigramCodes(s: string): Int32Array | null {
  const p = ` ${s} `;
  const codes = new Int32Array(Math.max(0, p.length - 2));
  for (let i = 0; i + 3 <= p.length; i++) {
    const a = p.charCodeAt(i);
    const b = p.charCodeAt(i + 1);
    const c = p.charCodeAt(i + 2);
    if ((a | b | c) >= 1024) return null;
    codes[i] = (a << 20) | (b << 10) | c;
  }
  codes.sort();
  let k = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) codes[k++] = codes[i]!;
  return codes.subarray(0, k);
}
function trigramSet(s: string): Set<string> {
  const out = new Set<string>();
  const p = ` ${s} `;
  for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  return out;
}
/** Trigram codes of recently compared names (a document is compared with many others). */
const trigramCache = new Map<string, Int32Array | null>();
function cachedTrigrams(s: string): Int32Array | null {
  let codes = trigramCache.get(s);
  if (codes === undefined) {
    codes = trigramCodes(s);
    if (trigramCache.size >= 4096) trigramCache.clear();
    trigramCache.set(s, codes);
  }
  return codes;
}
/** Dice coefficient of the two strings' trigram sets. */
function dice(a: string, b: string): number {
  const A = cachedTrigrams(a);
  const B = cachedTrigrams(b);
  if (A && B) {
    let n = 0;
    for (let i = 0, j = 0; i < A.length && j < B.length; )
      if (A[i]! < B[j]!) i++;
      else if (A[i]! > B[j]!) j++;
      else {
        n++;
        i++;
        j++;
      }
    return A.length + B.length ? (2 * n) / (A.length + B.length) : 0;
  }
  const As = trigramSet(a);
  const Bs = trigramSet(b);
  let n = 0;
  for (const x of As) if (Bs.has(x)) n++;
  return As.size + Bs.size ? (2 * n) / (As.size + Bs.size) : 0;
}

/** How two documents' URLs relate (the first that holds, in this order). */
const UrlRelation = { None: 0, SameUrl: 1, Translation: 2, Quotes: 3, SharedLink: 4 } as const;
type UrlRelation = (typeof UrlRelation)[keyof typeof UrlRelation];

function urlRelation(a: DedupeDoc, b: DedupeDoc): UrlRelation {
  if (a.url && a.url === b.url) return UrlRelation.SameUrl;
  if (a.url && b.url && languageFreeUrl(a.url) === languageFreeUrl(b.url)) return UrlRelation.Translation;
  if (
    (a.url && b.links.includes(languageFreeUrl(a.url))) ||
    (b.url && a.links.includes(languageFreeUrl(b.url)))
  )
    return UrlRelation.Quotes;
  if (sharedPageLink(a, b) !== undefined) return UrlRelation.SharedLink;
  return UrlRelation.None;
}
const sharedPageLink = (a: DedupeDoc, b: DedupeDoc) => a.links.find((l) => b.links.includes(l) && isPage(l));

/** Same page (any URL variant or translation), or one quotes the other's page or the same link. */
export function urlRelated(a: DedupeDoc, b: DedupeDoc): boolean {
  return urlRelation(a, b) !== UrlRelation.None;
}

/**
 * `blocker(a, b) !== null` without the names check, the donor check (see `donorsClash`) and the
 * reason. Shared feature lists (see `shared`) are compared by reference first.
 */
function blockedCheap(a: DedupeDoc, b: DedupeDoc): boolean {
  return blockedBesidesRegions(a, b) || oblastsClash(a, b);
}
/**
 * The texts' or the headlines' oblasts clash: oblast editions — or local sites each telling their
 * own oblast about a call open to several, which a copy listing them all reconciles (see `localViews`).
 */
const oblastsClash = (a: DedupeDoc, b: DedupeDoc) => regionsClash(a, b) || titleOblastsClash(a, b);
/** Oblast editions: both name oblasts and share none (see `disjointRegions`). */
const regionsClash = (a: DedupeDoc, b: DedupeDoc) =>
  a.regions !== b.regions && disjointRegions(a.regions, b.regions);
/**
 * Both headlines name oblasts and share none: two oblast editions — unless each text opens the call
 * to both headlines' oblasts (local sites headlining their own oblast of a call open to several).
 */
const titleOblastsClash = (a: DedupeDoc, b: DedupeDoc) =>
  a.titleRegions !== b.titleRegions &&
  disjointRegions(a.titleRegions, b.titleRegions) &&
  !(oblastsWithin(b.titleRegions, a.regions) && oblastsWithin(a.titleRegions, b.regions));
/**
 * Copies of one call appear within weeks of each other (the labelled sets spread at most 107 days,
 * extension notices included); five months apart is the next season's or year's edition.
 */
const PUBLISHED_APART_DAYS = 150;
const publishedApart = (a: DedupeDoc, b: DedupeDoc) =>
  a.publishedDay !== null &&
  b.publishedDay !== null &&
  Math.abs(a.publishedDay - b.publishedDay) > PUBLISHED_APART_DAYS;
/**
 * One copy's deadline is a stage date of the other, or the later one is named as a full application
 * with the other date within the half year before it: a two-stage call quoted by its concept-note
 * date in one copy and by its full-application date in another.
 */
const otherStage = (a: DedupeDoc, b: DedupeDoc) => {
  if (a.deadlineDay === null || b.deadlineDay === null) return false;
  if (b.stageDays.includes(a.deadlineDay) || a.stageDays.includes(b.deadlineDay)) return true;
  const [early, late] = a.deadlineDay < b.deadlineDay ? [a, b] : [b, a];
  return late.laterStage && late.deadlineDay! - early.deadlineDay! <= 183;
};
/**
 * a's vague deadline month («до кінця червня») is not b's deadline's month, and b is no later
 * extension: another round, or another call.
 */
const monthClash = (a: DedupeDoc, b: DedupeDoc) =>
  a.deadlineMonth !== null &&
  (b.deadline !== null
    ? !b.deadline.startsWith(a.deadlineMonth) && !(b.extended && b.deadline > a.deadlineMonth)
    : b.deadlineMonth !== null && b.deadlineMonth !== a.deadlineMonth);
/** b's deadline is one of the last days of the month a's vague deadline names: the same date. */
const endOfMonth = (a: DedupeDoc, b: DedupeDoc) =>
  !!a.deadlineMonth && !!b.deadline?.startsWith(a.deadlineMonth) && b.deadline.slice(8) >= '28';
/** `blockedCheap` without the oblast checks (see `oblastsClash`). */
function blockedBesidesRegions(a: DedupeDoc, b: DedupeDoc): boolean {
  if (
    a.amountMax !== null &&
    b.amountMax !== null &&
    a.currency === b.currency &&
    Math.abs(a.amountMax - b.amountMax) > 0.01 * Math.max(a.amountMax, b.amountMax)
  )
    return true;
  if (a.deadline && b.deadline && a.deadline !== b.deadline && !otherStage(a, b)) {
    const days = Math.abs(a.deadlineDay! - b.deadlineDay!);
    if (!(days <= 92)) return true;
    if (a.extended !== b.extended || !a.extended) {
      const later = a.deadline > b.deadline ? a : b;
      if (!later.extended) return true;
    }
  }
  if (a.years !== b.years && disjoint(a.years, b.years)) return true;
  if (publishedApart(a, b)) return true;
  if (monthClash(a, b) || monthClash(b, a)) return true;
  if (a.editions !== b.editions && disjoint(a.editions, b.editions)) return true;
  if (a.seasons !== b.seasons && disjoint(a.seasons, b.seasons)) return true;
  if (a.callIds !== b.callIds && callIdsClash(a, b)) return true;
  if (setApart(a, b)) return true;
  if (
    a.programme &&
    b.programme &&
    !a.programme.startsWith(b.programme) &&
    !b.programme.startsWith(a.programme)
  )
    return true;
  return false;
}
/** Both state official call identifiers and none of a's names the call one of b's names. */
function callIdsClash(a: DedupeDoc, b: DedupeDoc): boolean {
  return a.callIds.length > 0 && b.callIds.length > 0 && !sharedCallId(a, b);
}
/** Both state the same official call identifier (near-decisive evidence for one call). */
function sharedCallId(a: DedupeDoc, b: DedupeDoc): boolean {
  if (!a.callIds.length || !b.callIds.length) return false;
  if (a.callIds === b.callIds) return true;
  for (const x of a.callIds) for (const y of b.callIds) if (sameCallId(x, y)) return true;
  return false;
}
/**
 * Funders and the bodies that run their calls, as the extractor names them: one copy may credit
 * the funder, another the executive body or implementing agency of the same call.
 */
const DONOR_FAMILY = new Map<string, string>([
  ['European Commission', 'European Union'],
  ['Solidarity Fund PL', 'Polish Aid'],
  ['Ukrainian Youth Fund', 'Ministry of Youth and Sports of Ukraine'],
  ['Ukrainian Veterans Fund', 'Ministry of Veterans Affairs of Ukraine'],
]);
const ANY_OBLAST = 'oblast *';
const ANY_CITY = 'city *';
const familyMemo = new Map<string, string>();
function donorFamily(d: string): string {
  let f = familyMemo.get(d);
  if (f === undefined) {
    // the gazetteer's canonical names are one per funder already (and an acronym's skeleton may be
    // empty: JICA, KOICA and IOM must not become one family, nor «State Regional Development Fund»
    // an oblast's body); names as written are compared by their skeletons: «Метінвест» and
    // «Метинвест» are one donor
    const named = DONOR_FAMILY.get(d) ?? d;
    f = GAZETTEER_DONORS.has(named)
      ? named
      : (localAuthority(d) ?? (tokens(foldText(d)).join(' ') || foldText(d)));
    if (familyMemo.size > 10_000) familyMemo.clear();
    familyMemo.set(d, f);
  }
  return f;
}
/** One funder's names (see `donorFamily`); an oblast's body named without its oblast is any oblast's. */
function sameFamily(x: string, y: string): boolean {
  const fx = donorFamily(x);
  const fy = donorFamily(y);
  return (
    fx === fy ||
    (fx === ANY_OBLAST && fy.startsWith('oblast ')) ||
    (fy === ANY_OBLAST && fx.startsWith('oblast ')) ||
    (fx === ANY_CITY && fy.startsWith('city ')) ||
    (fy === ANY_CITY && fx.startsWith('city '))
  );
}
/**
 * An oblast's or a city's own bodies, named in any language («Черкаська обласна рада», «Черкасский
 * областной совет», "Cherkasy Oblast Council", the oblast administration): one funder, since the
 * council finances what the administration announces. Null for other donors.
 */
/** A city's own body: «міська рада», «городской совет», «горсовет», «мерія», "city council". */
const CITY_BODY = /міськ|городск|city|горсовет|горрад|мэри|мері/;
function localAuthority(name: string): string | null {
  const folded = foldText(name);
  if (/обласн|областн|oblast|regional/.test(folded)) {
    const oblasts = oblastsIn(folded);
    // «Обласна військова адміністрація» without its oblast: any oblast's (see `donorsDiffer`)
    return oblasts.length === 1 ? `oblast ${oblasts[0]}` : oblasts.length === 0 ? ANY_OBLAST : null;
  }
  if (CITY_BODY.test(folded)) {
    const first = folded.split(' ')[0] ?? '';
    // «Міська рада» without its city: any city's (see `sameFamily`)
    if (first.search(CITY_BODY) === 0) return ANY_CITY;
    const city = tokens(first).at(-1);
    return city ? `city ${city}` : null;
  }
  return null;
}
/**
 * The donor as extracted names an organization: a canonical name from the gazetteer, or
 * words an organization's name has (фонд, рада, посольство…). A name guessed from the text's first
 * words («Через збої», a project's «Вода для громад») can set two copies of one call apart by
 * mistake, so it never does.
 */
const ORGANIZATION_WORD =
  /[a-z]|фонд|рад[аиі]|совет|адміністрац|администрац|міністерств|министерств|посольств|агентств|програм|банк|центр|організац|организац|асоціац|ассоциац|інститут|институт|університет|университет|компані|корпорац|товариств|представництв|представительств|фундац|fundacj|stowarzysz|(?:^|\s)(?:го|бф|гс|тов|оо|мбф)(?:\s|$)/;
const organizationMemo = new Map<string, boolean>();
/** The extraction gazetteer's canonical donor names («ІСАР Єднання» too, though it has no such word). */
const GAZETTEER_DONORS = new Set(KNOWN_DONORS);
function namesOrganization(donor: string): boolean {
  let yes = organizationMemo.get(donor);
  if (yes === undefined) {
    yes = GAZETTEER_DONORS.has(donor) || ORGANIZATION_WORD.test(donor.toLowerCase());
    if (organizationMemo.size > 10_000) organizationMemo.clear();
    organizationMemo.set(donor, yes);
  }
  return yes;
}
/**
 * Both name a donor, the donors differ, and neither copy names the other's donor as a party to
 * the call (the embassy's copy names the fund that runs its programme; the ministry's copy names
 * the bank): a blocker unless the URLs relate them.
 */
const donorsDiffer = (a: DedupeDoc, b: DedupeDoc) => {
  if (
    !a.donor ||
    !b.donor ||
    a.donor === b.donor ||
    !namesOrganization(a.donor) ||
    !namesOrganization(b.donor)
  )
    return false;
  if (sameFamily(a.donor, b.donor)) return false;
  return !a.parties.includes(donorFamily(b.donor)) && !b.parties.includes(donorFamily(a.donor));
};
/**
 * Something ties two copies to one call even though their extracted donors differ (a relay may
 * name the funder, another the implementer): the same page, a quoted link, the call identifier, or
 * the same named programme or specific quoted call name with the same deadline (Culture Bridges is
 * the EU's, run by the British Council).
 */
const tiedDespiteDonor = (a: DedupeDoc, b: DedupeDoc) =>
  urlRelated(a, b) || sharedCallId(a, b) || tiedByName(a, b);
/**
 * The same named programme or specific quoted call name, with the same deadline; `exactly`
 * compares the names as spelt, without looking for one name written apart.
 */
const tiedByName = (a: DedupeDoc, b: DedupeDoc, exactly = false) =>
  a.deadline !== null &&
  a.deadline === b.deadline &&
  ((a.programme !== null && a.programme === b.programme) ||
    (exactly ? a.quoted.some((x) => b.quoted.includes(x)) : sharedQuotedName(a, b) !== undefined));
/** `blocker(a, b) !== null`, without building the reason. */
const blocked = (a: DedupeDoc, b: DedupeDoc) =>
  blockedCheap(a, b) || (donorsDiffer(a, b) && !tiedDespiteDonor(a, b)) || unmatchedNames(a, b) !== null;

/** A name word the other name lacks (skeletons equal, or one a prefix of the other). */
function ownWord(xs: readonly string[], ys: readonly string[]): boolean {
  // one word's skeleton a prefix of the other's is one word with another ending («Питної»/«Питна»),
  // not a longer word («Енергоефективна» is not «Енергія»)
  const sameWord = (u: string, v: string) =>
    u === v ||
    (u.length >= 2 &&
      v.length >= 2 &&
      Math.abs(u.length - v.length) <= 2 &&
      (u.startsWith(v) || v.startsWith(u)));
  return xs.some((u) => !ys.some((v) => sameWord(u, v)));
}
/**
 * Two similar quoted names that each have a word the other lacks («Світло громадам» vs «Вода
 * громадам») name different programmes; a name that only adds words («… — 2027») does not.
 */
function ownWordEach(x: string, y: string): boolean {
  const xs = x.split(' ');
  const ys = y.split(' ');
  return ownWord(xs, ys) && ownWord(ys, xs);
}
let mentionBuf = new Uint32Array(0);
/** Every word of a quoted name is among d's title and text tokens (it names it, quoted or not). */
function mentions(d: DedupeDoc, name: string): boolean {
  mentionBuf = decode(d.tokens, d.tokenStart, d.tokenEnd, mentionBuf);
  const ids = mentionBuf.subarray(0, decoded);
  return name.split(' ').every((t) => {
    const id = tokenIdOf.get(t);
    return id !== undefined && ids.includes(id);
  });
}
/**
 * Each side's headline quotes a name the other copy neither quotes nor mentions: two programmes.
 * A relay headlined with the funder's quoted name («МФ «Відродження»: …») or a lot's name the other
 * copy states in its text is the same call.
 */
function unmatchedNames(a: DedupeDoc, b: DedupeDoc): [string, string] | null {
  if (!a.names.length || !b.names.length || a.lang !== b.lang) return null;
  const unmatched = (xs: readonly string[], ys: readonly string[], other: DedupeDoc) =>
    xs.find(
      (x) => !ys.some((y) => x === y || (dice(x, y) >= 0.5 && !ownWordEach(x, y))) && !mentions(other, x),
    );
  const ua = unmatched(a.names, b.names, b);
  if (ua === undefined) return null;
  const ub = unmatched(b.names, a.names, a);
  return ub === undefined ? null : [ua, ub];
}

/** One copy's programme is the one the other's text sets its call apart from. */
const setApart = (a: DedupeDoc, b: DedupeDoc) =>
  (a.programme !== null && b.apart.includes(a.programme)) ||
  (b.programme !== null && a.apart.includes(b.programme));

/** The reason two documents can never be one call, or null. */
export function blocker(a: DedupeDoc, b: DedupeDoc): string | null {
  if (donorsDiffer(a, b) && !tiedDespiteDonor(a, b)) return `donor ${a.donor} ≠ ${b.donor}`;
  if (callIdsClash(a, b)) return `call identifier ${a.callIds} ≠ ${b.callIds}`;
  if (setApart(a, b))
    return `one copy sets its call apart from the other's programme ${a.programme ?? b.programme}`;
  if (
    a.programme &&
    b.programme &&
    !a.programme.startsWith(b.programme) &&
    !b.programme.startsWith(a.programme)
  )
    return `programme ${a.programme} ≠ ${b.programme}`;
  if (disjoint(a.years, b.years)) return `year ${a.years} ≠ ${b.years}`;
  if (monthClash(a, b) || monthClash(b, a))
    return `deadline month ${a.deadlineMonth ?? a.deadline} ≠ ${b.deadlineMonth ?? b.deadline}`;
  if (titleOblastsClash(a, b)) return `oblast edition ${a.titleRegions} ≠ ${b.titleRegions}`;
  if (publishedApart(a, b)) return `published more than ${PUBLISHED_APART_DAYS} days apart`;
  if (disjoint(a.editions, b.editions)) return `lot/wave/round ${a.editions} ≠ ${b.editions}`;
  if (disjoint(a.seasons, b.seasons)) return `season ${a.seasons} ≠ ${b.seasons}`;
  if (disjointRegions(a.regions, b.regions)) {
    const ra = a.regions.filter((r) => r !== 'UA');
    const rb = b.regions.filter((r) => r !== 'UA');
    return `oblast ${ra} ≠ ${rb}`;
  }
  if (
    a.amountMax !== null &&
    b.amountMax !== null &&
    a.currency === b.currency &&
    Math.abs(a.amountMax - b.amountMax) > 0.01 * Math.max(a.amountMax, b.amountMax)
  )
    return `amount ${a.amountMax} ≠ ${b.amountMax}`;
  if (a.deadline && b.deadline && a.deadline !== b.deadline && !otherStage(a, b)) {
    const later = a.deadline > b.deadline ? a : b;
    const days = Math.abs(a.deadlineDay! - b.deadlineDay!);
    if (!later.extended || !(days <= 92)) return `deadline ${a.deadline} ≠ ${b.deadline}`;
  }
  const names = unmatchedNames(a, b);
  if (names) return `programme name «${names[0]}» ≠ «${names[1]}»`;
  return null;
}

export const MERGE_THRESHOLD = 1;
/** Share of one copy's title (idf-weighted) the other copy repeats, for reworded copies. */
const HEADLINE_RESTATED = 0.6;

export interface PairScore {
  score: number;
  reasons: string[];
}

/** IDF weight per interned token id (`Math.log(1 + n / df)`; 0 for tokens no document has). */
export type Weights = Float64Array;

/** Document frequencies over title ∪ text tokens; marks is scratch space (≥ vocabulary size). */
function idf(docs: readonly DedupeDoc[]): Weights {
  const vocab = tokenTexts.length;
  const df = new Int32Array(vocab);
  const mark = new Int32Array(vocab);
  let ids = new Uint32Array(256);
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const stamp = i + 1;
    ids = decode(d.tokens, d.tokenStart, d.tokenEnd, ids);
    for (let q = 0; q < decoded; q++) {
      const t = ids[q]!;
      if (mark[t] !== stamp) {
        mark[t] = stamp;
        df[t]!++;
      }
    }
  }
  const w = new Float64Array(vocab);
  const n = docs.length;
  for (let t = 0; t < vocab; t++) if (df[t]) w[t] = Math.log(1 + n / df[t]!);
  return w;
}

export function idfWeights(docs: readonly DedupeDoc[]): Weights {
  return idf(docs);
}

let sumIds = new Uint32Array(256);
function weightSum(tokens: Uint16Array, from: number, to: number, w: Weights): number {
  sumIds = decode(tokens, from, to, sumIds);
  let s = 0;
  for (let q = 0; q < decoded; q++) s += w[sumIds[q]!]!;
  return s;
}

/** Weighted containment and Jaccard of two token sets, from their weight sums and shared weight. */
interface Overlap {
  cont: number;
  jac: number;
}
function overlapOf(sa: number, sb: number, s: number, out: Overlap): Overlap {
  if (!sa || !sb) {
    out.cont = 0;
    out.jac = 0;
  } else {
    out.cont = s / Math.min(sa, sb);
    out.jac = s / (sa + sb - s);
  }
  return out;
}
/** Weight of the tokens in b[bFrom..bTo) that a[aFrom..aTo) has too (summed in b's order). */
function sharedWeight(
  a: Uint16Array,
  aFrom: number,
  aTo: number,
  b: Uint16Array,
  bFrom: number,
  bTo: number,
  w: Weights,
): number {
  newStamp();
  sumIds = decode(a, aFrom, aTo, sumIds);
  for (let q = 0; q < decoded; q++) {
    const id = sumIds[q]!;
    if (id < seenAt.length) seenAt[id] = seenStamp;
  }
  sumIds = decode(b, bFrom, bTo, sumIds);
  let s = 0;
  for (let q = 0; q < decoded; q++) {
    const id = sumIds[q]!;
    if (id < seenAt.length && seenAt[id] === seenStamp) s += w[id]!;
  }
  return s;
}

/**
 * Weighted share of a's title tokens that b states somewhere (b's title or text head): how much of
 * one copy's headline the other copy repeats.
 */
function titleCovered(a: DedupeDoc, b: DedupeDoc, w: Weights): number {
  const total = weightSum(a.tokens, a.tokenStart, a.titleEnd, w);
  if (!total) return 0;
  return sharedWeight(b.tokens, b.tokenStart, b.tokenEnd, a.tokens, a.tokenStart, a.titleEnd, w) / total;
}

/** Every oblast (not 'UA') of `part` is one of `whole`'s. */
function oblastsWithin(part: readonly string[], whole: readonly string[]): boolean {
  for (const r of part) if (r !== 'UA' && !whole.includes(r)) return false;
  return true;
}
/**
 * c names several oblasts, among them every oblast a and b name in their texts and headlines: parts
 * of one call's geography.
 */
function coversOblasts(c: DedupeDoc, a: DedupeDoc, b: DedupeDoc): boolean {
  return (
    c.regions.length > 1 &&
    oblastsWithin(a.regions, c.regions) &&
    oblastsWithin(b.regions, c.regions) &&
    oblastsWithin(a.titleRegions, c.regions) &&
    oblastsWithin(b.titleRegions, c.regions)
  );
}
/**
 * Two copies that each name one oblast, and a copy of the same cluster opens the call to both (and
 * is no edition of one of them itself): local sites telling their own readers («Громади Львівщини
 * можуть отримати…») about a call open to several oblasts. Oblast editions' texts name one oblast
 * each (another edition's oblast named for «a separate call» is not read as the call's).
 */
const localViews = (a: DedupeDoc, b: DedupeDoc, c: DedupeDoc) =>
  coversOblasts(c, a, b) && !titleOblastsClash(c, a) && !titleOblastsClash(c, b);

function jaccard(p: readonly string[], q: readonly string[]): number {
  if (!p.length || !q.length) return 0;
  return p.filter((v) => q.includes(v)).length / new Set([...p, ...q]).size;
}
function intersects<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length > 0 && b.length > 0 && !disjoint(a, b);
}
function sameOblasts(a: readonly string[], b: readonly string[]): boolean {
  const ra = a.filter((r) => r !== 'UA');
  return ra.length > 0 && ra.length === b.filter((r) => r !== 'UA').length && !disjoint(ra, b);
}

/**
 * The pair score from the two overlaps and the other fields; `reasons` (when given) receives the
 * evidence. The one formula behind `scorePair` and the clustering's hot path.
 */
function scoreWith(
  a: DedupeDoc,
  b: DedupeDoc,
  t: Overlap,
  x: Overlap,
  rel: UrlRelation,
  reasons: string[] | null,
  w: Weights,
): number {
  const url = rel !== UrlRelation.None;
  const callId = sharedCallId(a, b);
  if (reasons) {
    if (callId)
      reasons.push(`same call identifier ${a.callIds.find((x) => b.callIds.some((y) => sameCallId(x, y)))}`);
    if (rel === UrlRelation.SameUrl) reasons.push(`same canonical url ${a.url}`);
    else if (rel === UrlRelation.Translation) reasons.push(`translations of one page ${a.url} / ${b.url}`);
    else if (rel === UrlRelation.Quotes) reasons.push('one quotes the other’s url');
    else if (rel === UrlRelation.SharedLink) reasons.push(`same official link ${sharedPageLink(a, b)}`);
  }
  const deadlineEq =
    (a.deadline !== null && (a.deadline === b.deadline || otherStage(a, b))) ||
    endOfMonth(a, b) ||
    endOfMonth(b, a);
  const deadlineExt = a.deadline !== null && b.deadline !== null && !deadlineEq;
  const amountEq = a.amountMax !== null && a.amountMax === b.amountMax;
  // one copy leaves the date (or the grant) out: nothing to compare, nothing to contradict
  const undated = a.deadline === null || b.deadline === null;
  // neither gives a date, not even a month: a call open until the money runs out
  const neitherDated =
    a.deadline === null && b.deadline === null && a.deadlineMonth === null && b.deadlineMonth === null;
  const amountMissing = a.amountMax === null || b.amountMax === null;
  // copies the extractor gives no donor (or one only), naming the same organization in Latin
  // (ESTDEV, RITA, People in Need): that is the funder both name, in any language
  const donorEq =
    a.donor !== null && b.donor !== null ? sameFamily(a.donor, b.donor) : sameOrganization(a, b);
  // no donor contradicts: the same one, one copy names none, or each names the other's as a party
  // (the EU funds the call the ministry runs)
  const donorOk = donorEq || !a.donor || !b.donor || !donorsDiffer(a, b);
  const yearEq = intersects(a.years, b.years);
  let score = 0.9 * t.jac + 0.5 * t.cont + 1.0 * x.jac;
  if (deadlineEq) score += 0.15;
  if (deadlineExt) score += 0.05;
  if (amountEq) score += 0.1;
  if (donorEq) score += 0.1;
  if (yearEq) score += 0.05;
  if (url) score += 0.6;
  if (callId) score += 0.8;
  // cross-language copies share little text: let the language-independent fields speak for them,
  // but only when donor, deadline and amount all agree — or, when one copy leaves the amount out,
  // donor, deadline and the same named oblasts
  const amountAgrees = amountEq || (amountMissing && sameOblasts(a.regions, b.regions));
  // …or, when one copy names no donor, deadline, amount, the same oblasts and mostly the same
  // subjects — unless each names an organization the other never mentions (ESTDEV vs RITA)
  const unnamedAgrees =
    (a.donor === null || b.donor === null) &&
    amountEq &&
    sameOblasts(a.regions, b.regions) &&
    // (a copy whose subjects the extractor misses is no evidence either way)
    (jaccard(a.topics, b.topics) >= 0.5 || !a.topics.length || !b.topics.length) &&
    !(a.orgNames.length && b.orgNames.length && !sameOrganization(a, b));
  // …or neither gives a date (a call open until the money runs out), with the same funder, grant
  // and oblasts
  const openEnded = neitherDated && donorEq && amountEq && sameOblasts(a.regions, b.regions);
  if ((((donorEq ? amountAgrees : unnamedAgrees) && deadlineEq) || openEnded) && a.lang !== b.lang) {
    let agree = 0.2 * jaccard(a.topics, b.topics) + 0.1 * jaccard(a.applicants, b.applicants);
    if (intersects(a.editions, b.editions)) agree += 0.15;
    if (intersects(a.seasons, b.seasons)) agree += 0.1;
    if (sameOblasts(a.regions, b.regions)) agree += 0.1;
    if (yearEq) agree += 0.05;
    score += agree;
    reasons?.push(`structured agreement ${agree.toFixed(2)}`);
    // a translation restates the same funder, deadline and amount; with one more agreeing fact
    // (subject, oblast, round, year) and nothing contradicting, that is the same call
    if (
      (intersects(a.topics, b.topics) ||
        sameOblasts(a.regions, b.regions) ||
        intersects(a.editions, b.editions) ||
        yearEq ||
        // both write the organization's acronym (RITA): the name corroborates
        sameOrganization(a, b)) &&
      !(a.topics.length && b.topics.length && disjoint(a.topics, b.topics))
    ) {
      score = Math.max(score, MERGE_THRESHOLD);
      reasons?.push(
        `translation: ${donorEq ? 'same donor, ' : ''}${deadlineEq ? 'deadline' : 'no date'} and amount, corroborated`,
      );
    }
  }
  if (reasons) {
    reasons.push(`title jac ${t.jac.toFixed(2)} cont ${t.cont.toFixed(2)}, text jac ${x.jac.toFixed(2)}`);
    if (deadlineEq) reasons.push(`deadline ${a.deadline}`);
    else if (deadlineExt) reasons.push('deadline extended');
    if (amountEq) reasons.push(`amount ${a.amountMax}`);
    if (donorEq) reasons.push(`donor ${a.donor}`);
  }
  // donors are extracted from free text (a relay may name a co-funder): with URL evidence the
  // mismatch is only a penalty (see blocker)
  if (donorsDiffer(a, b) && !callId) {
    score -= 0.4;
    reasons?.push(`donor ${a.donor} ≠ ${b.donor}`);
  }
  // a relay that links to the announcement's own page, restating its deadline and amount or leaving
  // them out («деталі та дедлайн за посиланням»), is a copy of it, in any language and whatever
  // funder each one names (another round that links the last one states another deadline: a
  // blocker); so are two relays quoting the same official page with the same amount
  if (score < MERGE_THRESHOLD && rel !== UrlRelation.None && rel !== UrlRelation.SameUrl) {
    const linked = rel === UrlRelation.Quotes || rel === UrlRelation.Translation;
    if (linked && (deadlineEq || undated) && (amountMissing || amountEq)) {
      score = MERGE_THRESHOLD;
      reasons?.push('links to the other copy’s page, nothing contradicting');
    } else if (amountEq && (deadlineEq || undated)) {
      score = MERGE_THRESHOLD;
      reasons?.push('links to the same page and states the same amount, nothing contradicting');
    }
  }
  // same language, no URL evidence: the titles or the texts themselves must be close — another
  // programme of one donor often shares the template text, deadline and amount — or the facts
  // below must tie the copies (a close pair short of the threshold gets the same chance)
  const notClose = t.cont < 0.5 && x.jac < 0.45;
  if (!url && !callId && a.lang === b.lang && (notClose || score < MERGE_THRESHOLD)) {
    // a reworded copy of one call: same donor, deadline and amount, and one copy's headline is
    // largely restated in the other (another programme or direction of the donor names its own
    // subject, which the other copy does not mention)
    // (or both open it to the same oblasts: one oblast's call closing that day with that grant)
    const covered =
      donorOk &&
      (deadlineEq || deadlineExt || (undated && a.amountMax === null && b.amountMax === null)) &&
      // (neither states a grant — a state fund's call for investment projects names none — and
      // neither names a programme the other does not)
      (amountEq ||
        (a.amountMax === null && b.amountMax === null && donorEq && a.programme === b.programme)) &&
      ((score >= MERGE_THRESHOLD - 0.5 &&
        Math.max(titleCovered(a, b, w), titleCovered(b, a, w)) >= HEADLINE_RESTATED) ||
        (deadlineEq && sameOblasts(a.regions, b.regions) && score >= MERGE_THRESHOLD - 0.6));
    // a relay leaving the grant out, naming the funder, the date and the organization that runs
    // the call by its acronym (ICLD for Sida)
    const operatorNamed =
      donorEq && deadlineEq && amountMissing && orgAcronymShared(a, b) && score >= MERGE_THRESHOLD - 0.5;
    // a relay leaving the date out of one oblast's call by the same funder, with its grant
    const undatedRelay =
      undated && donorEq && amountEq && sameOblasts(a.regions, b.regions) && score >= MERGE_THRESHOLD - 0.5;
    if (covered) {
      score = Math.max(score, MERGE_THRESHOLD);
      const date = deadlineEq ? 'deadline' : deadlineExt ? 'extended deadline' : 'no date in one copy';
      reasons?.push(
        `same donor, ${date}, ${amountEq ? 'same amount' : 'neither states a grant'}; one headline restated in the other copy`,
      );
    } else if (operatorNamed) {
      score = Math.max(score, MERGE_THRESHOLD);
      reasons?.push('same donor, deadline and operator; one copy leaves the grant out');
    } else if (undatedRelay) {
      score = Math.max(score, MERGE_THRESHOLD);
      reasons?.push('same donor, amount and oblasts; one copy leaves the date out');
    } else if (notClose) {
      score = Math.min(score, MERGE_THRESHOLD - 0.01);
      reasons?.push('same language but neither title nor text close');
    }
  }
  // one copy may lack a fact another states (a relay drops the amount or the funder): with no
  // blocker, an agreeing deadline and the call's own name or round stated by both, the facts
  // that are there carry the merge
  // a relay leaving the date out («до кінця вересня») of a named programme's round with the same
  // amount: another call of the programme's round would name another amount or lot
  if (
    score < MERGE_THRESHOLD &&
    undated &&
    a.programme &&
    b.programme &&
    intersects(a.editions, b.editions) &&
    amountEq &&
    donorOk
  ) {
    score = MERGE_THRESHOLD;
    reasons?.push(`same programme ${a.programme}, round ${a.editions} and amount, no date to contradict`);
  }
  // an extension notice restating the call's grant, with its oblasts, round or quoted name, in any
  // language (the notice's wording shares little with the announcement's)
  const laterExtended = deadlineExt && (a.deadline! > b.deadline! ? a : b).extended;
  if (
    score < MERGE_THRESHOLD &&
    laterExtended &&
    amountEq &&
    donorOk &&
    (sameOblasts(a.regions, b.regions) ||
      intersects(a.editions, b.editions) ||
      sharedQuotedName(a, b) !== undefined)
  ) {
    score = MERGE_THRESHOLD;
    reasons?.push('an extension notice restating the grant, with the same oblasts, round or name');
  }
  // an extension notice restating only the call's headline and year («Deadline extended: WPHF
  // Ukraine 2026 Call for Proposals»): one headline is the other's, with nothing else
  if (score < MERGE_THRESHOLD && laterExtended && donorEq && yearEq && score >= MERGE_THRESHOLD - 0.5) {
    if (Math.max(titleCovered(a, b, w), titleCovered(b, a, w)) >= HEADLINE_RESTATED) {
      score = MERGE_THRESHOLD;
      reasons?.push('an extension notice restating the call’s headline and year');
    }
  }
  // a relay leaving the date out quotes the call's own name («Укрнафта — громадам:
  // енергостійкість»); two posts giving only the name need its round too (хвиля 3)
  if (
    score < MERGE_THRESHOLD &&
    undated &&
    (a.deadline !== null || b.deadline !== null || intersects(a.editions, b.editions))
  ) {
    const name = sharedQuotedName(a, b);
    if (name !== undefined && donorOk) {
      score = MERGE_THRESHOLD;
      reasons?.push(`quoted name «${name}», no date to contradict`);
    }
  }
  // the same named programme and deadline, the grant the same or stated in another currency
  // (10 млн єн «≈ 2,8 млн грн»); a programme's other notices about the round (a partner search,
  // assessors wanted) state no grant
  if (
    score < MERGE_THRESHOLD &&
    deadlineEq &&
    a.programme !== null &&
    a.programme === b.programme &&
    a.amountMax !== null &&
    b.amountMax !== null &&
    (amountEq || a.currency !== b.currency) &&
    donorOk
  ) {
    score = MERGE_THRESHOLD;
    reasons?.push(`same programme ${a.programme} and deadline, nothing contradicting`);
  }
  // a named programme open until its money runs out, with the same grant, in any language: one
  // standing call (the same programme's other lines state other grants)
  if (
    score < MERGE_THRESHOLD &&
    a.programme !== null &&
    a.programme === b.programme &&
    amountEq &&
    neitherDated &&
    donorOk
  ) {
    score = MERGE_THRESHOLD;
    reasons?.push(`same programme ${a.programme} and grant, open with no date`);
  }
  if (score < MERGE_THRESHOLD && (deadlineEq || deadlineExt)) {
    const name = sharedQuotedName(a, b);
    if (name !== undefined) {
      score = MERGE_THRESHOLD;
      reasons?.push(`same deadline and quoted name «${name}», nothing contradicting`);
    } else if (
      // an extension notice of the round: a programme's other announcements about one round
      // (partner search, assessors wanted, info days) share programme, round and often the date,
      // so the round alone needs some likeness; an extension restating the call's amount with a
      // later deadline needs none
      (a.extended || b.extended) &&
      a.programme &&
      b.programme &&
      donorOk &&
      ((intersects(a.editions, b.editions) &&
        (score >= MERGE_THRESHOLD - 0.5 || (deadlineExt && amountMissing))) ||
        (deadlineExt && amountEq))
    ) {
      score = MERGE_THRESHOLD;
      reasons?.push(`same programme ${a.programme}, round ${a.editions} and deadline, nothing contradicting`);
    }
  }
  return score;
}
/** Both copies write the same acronym, or one's Latin name is among the other's words (see `orgNamesOf`). */
const sameOrganization = (a: DedupeDoc, b: DedupeDoc) => {
  const named = (x: DedupeDoc, y: DedupeDoc) =>
    x.orgNames.some((n) => (ACRONYM.test(n) ? y.orgNames.includes(n) : mentions(y, n)));
  return named(a, b) || named(b, a);
};
const ACRONYM = /^[A-Z][A-Z0-9]+$/;
/** Both copies write one organization's acronym (ICLD, RITA): the body running the call. */
const orgAcronymShared = (a: DedupeDoc, b: DedupeDoc) =>
  a.orgNames.some((n) => ACRONYM.test(n) && b.orgNames.includes(n));
/** A specific quoted name both copies state (title or text head), or undefined. */
function sharedQuotedName(a: DedupeDoc, b: DedupeDoc): string | undefined {
  if (!a.quoted.length || !b.quoted.length) return undefined;
  // «Ветеранський бізнес у громадах» and «Ветеранский бизнес в громадах»: one name, spelt apart
  return a.quoted.find((x) => b.quoted.some((y) => x === y || (dice(x, y) >= 0.7 && !ownWordEach(x, y))));
}

/** How strongly two blocker-free documents look like copies of one call; ≥ 1 means merge. */
export function scorePair(a: DedupeDoc, b: DedupeDoc, w: Weights): PairScore {
  const t = overlapOf(
    weightSum(a.tokens, a.tokenStart, a.titleEnd, w),
    weightSum(b.tokens, b.tokenStart, b.titleEnd, w),
    sharedWeight(a.tokens, a.tokenStart, a.titleEnd, b.tokens, b.tokenStart, b.titleEnd, w),
    { cont: 0, jac: 0 },
  );
  const x = overlapOf(
    weightSum(a.tokens, a.titleEnd, a.tokenEnd, w),
    weightSum(b.tokens, b.titleEnd, b.tokenEnd, w),
    sharedWeight(a.tokens, a.titleEnd, a.tokenEnd, b.tokens, b.titleEnd, b.tokenEnd, w),
    { cont: 0, jac: 0 },
  );
  const reasons: string[] = [];
  const score = scoreWith(a, b, t, x, urlRelation(a, b), reasons, w);
  return { score, reasons };
}

/** The evidence of a document no union mentions (shared: one empty array, not a million). */
const NO_EVIDENCE: string[] = Object.freeze([]) as unknown as string[];

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
  /**
   * Record why each union was made or refused (default true). The offline CLI leaves it off unless
   * asked to explain: re-scoring every merge for its reasons costs time and, at a million
   * documents, a few hundred MiB of strings.
   */
  evidence?: boolean;
}

// Blocking. Every document gets keys: its canonical URL (also without a language segment), the page
// links it quotes, its 6 rarest title and 6 rarest text tokens, donor+deadline, deadline+amount and
// (with a deadline) its specific quoted names. Documents sharing a key are candidate pairs. A key
// held by more than MAX_POSTING documents says nothing and is dropped; up to FULL_PAIRS holders all
// pairs are compared, above that only holders within WINDOW places of each other once sorted by a
// MinHash of their title tokens (near-identical titles sort together). So the number of compared
// pairs grows linearly with the number of documents, whatever the key distribution.
const RAREST = 6;
const MAX_POSTING = 1000;
const WINDOW = 4;
const FULL_PAIRS = 2 * WINDOW + 1;
/** Ranks fit in 29 bits (with a 24-bit sketch in one exact double). */
const RANKS = 2 ** 29;

/** 32-bit FNV-1a of a string (blocking keys only: a collision merely adds a candidate pair). */
function hashString(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
const SEED_URL = 0x811c9dc5;
const SEED_DONOR_DEADLINE = 0x2545f491;
const SEED_DEADLINE_AMOUNT = 0x9e3779b9;
const SEED_QUOTED_NAME = 0x68e31da4;
const SEED_DONOR_AMOUNT = 0x1b873593;
const SEED_DONOR_MONTH = 0x5bd1e995;
const SEED_PROGRAMME_AMOUNT = 0x27d4eb2f;

/**
 * The documents' URLs and quoted links as string hashes (never 0), so relating two documents
 * compares numbers and touches strings only when the hashes match. Hashes double as the URL
 * blocking keys.
 */
class UrlIndex {
  /** Hash of each rank's canonical URL, 0 without one; `free`: of its language-free form. */
  readonly url: Int32Array;
  readonly free: Int32Array;
  /** `languageFreeUrl` of each rank's URL when it differs from the URL. */
  private readonly freeUrl = new Map<number, string>();
  /**
   * All quoted links of rank r: linkHash[linkOff[r] .. linkOff[r+1]) (in `links` order); linkPage
   * says which name a page.
   */
  readonly linkOff: Int32Array;
  readonly linkHash: Int32Array;
  readonly linkPage: Uint8Array;
  constructor(private readonly D: readonly DedupeDoc[]) {
    const n = D.length;
    const h = (s: string) => hashString(s, SEED_URL) | 1;
    this.url = new Int32Array(n);
    this.free = new Int32Array(n);
    this.linkOff = new Int32Array(n + 1);
    let nl = 0;
    for (const d of D) nl += d.links.length;
    this.linkHash = new Int32Array(nl);
    this.linkPage = new Uint8Array(nl);
    nl = 0;
    for (let r = 0; r < n; r++) {
      const d = D[r]!;
      if (d.url) {
        this.url[r] = h(d.url);
        const free = languageFreeUrl(d.url);
        if (free === d.url) this.free[r] = this.url[r]!;
        else {
          this.free[r] = h(free);
          this.freeUrl.set(r, free);
        }
      }
      this.linkOff[r] = nl;
      for (const l of d.links) {
        this.linkPage[nl] = isPage(l) ? 1 : 0;
        this.linkHash[nl++] = h(l);
      }
    }
    this.linkOff[n] = nl;
  }

  private freeOf(r: number): string {
    return this.freeUrl.get(r) ?? this.D[r]!.url!;
  }

  /** `urlRelation(D[r], D[j])`. */
  relation(r: number, j: number): UrlRelation {
    const a = this.D[r]!;
    const b = this.D[j]!;
    const ua = this.url[r]!;
    const ub = this.url[j]!;
    if (ua !== 0 && ua === ub && a.url === b.url) return UrlRelation.SameUrl;
    if (ua !== 0 && ub !== 0 && this.free[r] === this.free[j] && this.freeOf(r) === this.freeOf(j))
      return UrlRelation.Translation;
    if (ua !== 0 && this.quotes(j, this.free[r]!, this.freeOf(r))) return UrlRelation.Quotes;
    if (ub !== 0 && this.quotes(r, this.free[j]!, this.freeOf(j))) return UrlRelation.Quotes;
    const pa = this.linkOff[r]!;
    const pb = this.linkOff[j]!;
    for (let p = pa; p < this.linkOff[r + 1]!; p++) {
      if (!this.linkPage[p]) continue;
      for (let q = pb; q < this.linkOff[j + 1]!; q++)
        if (this.linkHash[p] === this.linkHash[q] && a.links[p - pa] === b.links[q - pb])
          return UrlRelation.SharedLink;
    }
    return UrlRelation.None;
  }

  /** Rank r quotes the language-free URL u (hash hu). */
  private quotes(r: number, hu: number, u: string): boolean {
    const off = this.linkOff[r]!;
    for (let q = off; q < this.linkOff[r + 1]!; q++)
      if (this.linkHash[q] === hu && this.D[r]!.links[q - off] === u) return true;
    return false;
  }
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Growable Int32 list. */
class IntList {
  a: Int32Array;
  n = 0;
  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const g = new Int32Array(Math.ceil(this.a.length * 1.5));
      g.set(this.a);
      this.a = g;
    }
    this.a[this.n++] = v;
  }
}

/** Documents in id order (index per rank): the clustering works in this order, so the result does not depend on the input's. */
function idOrder(docs: readonly DedupeDoc[]): Int32Array {
  const n = docs.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && docs[i - 1]!.id > docs[i]!.id) sorted = false;
  }
  if (sorted) return order;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((x, y) => {
    const a = docs[x]!.id;
    const b = docs[y]!.id;
    return a < b ? -1 : a > b ? 1 : x - y;
  });
  order.set(idx);
  return order;
}

/** Blocker-relevant fields except the URLs: documents with one signature block the same others. */
function signature(d: DedupeDoc): string {
  return [
    d.donor ?? '',
    d.programme ?? '',
    d.years.join(),
    d.editions.join(),
    d.seasons.join(),
    d.regions.join(),
    d.titleRegions.join(),
    d.severalOblasts,
    d.readersOblast,
    d.editionName,
    d.publishedDay ?? '',
    d.parties.join(),
    d.apart.join(),
    d.amountMax ?? '',
    d.currency ?? '',
    d.deadline ?? '',
    d.stageDays.join(),
    d.deadlineMonth ?? '',
    d.laterStage,
    d.extended,
    d.names.join('\u0002'),
    d.callIds.join(),
    d.lang,
  ].join('\u0001');
}
function listAt<T>(lists: (T[] | undefined)[], k: number): T[] {
  let list = lists[k];
  if (!list) {
    list = [];
    lists[k] = list;
  }
  return list;
}

interface SigGroup {
  sig: string;
  members: number[];
}

/**
 * Clusters announcements: applies editors' merges, scores blocked candidate pairs, then unites the
 * best pairs first and refuses any union that would put two documents with a hard blocker or an
 * editor's split into one cluster. Cluster id = the smallest document id of the cluster; documents
 * are processed in id order and ties between equal scores are broken by ids, so the clustering
 * does not depend on the order of `docs` (as long as ids are unique).
 */
export function clusterAnnouncements(docs: readonly DedupeDoc[], opts: ClusterOptions = {}): ClusterResult[] {
  const n = docs.length;
  const checkIndex = (i: number, what: string) => {
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new RangeError(`${what}: document index ${i} is outside 0..${n - 1}`);
  };
  for (const [i, j] of opts.mustLink ?? []) for (const k of [i, j]) checkIndex(k, 'mustLink');
  for (const [i, j] of opts.cannotLink ?? []) for (const k of [i, j]) checkIndex(k, 'cannotLink');

  // everything below works on ranks (positions in id order)
  const order = idOrder(docs);
  const rankOf = new Int32Array(n);
  for (let r = 0; r < n; r++) rankOf[order[r]!] = r;
  const D: DedupeDoc[] = Array.from(order, (i) => docs[i]!);
  const w = idf(D);
  const titleSum = new Float64Array(n);
  const textSum = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const d = D[r]!;
    titleSum[r] = weightSum(d.tokens, d.tokenStart, d.titleEnd, w);
    textSum[r] = weightSum(d.tokens, d.titleEnd, d.tokenEnd, w);
  }
  const urls = new UrlIndex(D);
  // the most selective blockers (amount, deadline) as columns, so most candidate pairs are
  // refused without touching the other document
  const amount = new Float64Array(n);
  const currency = new Int32Array(n);
  const deadline = new Int32Array(n);
  const deadlineDay = new Float64Array(n);
  const staged = new Uint8Array(n);
  const strIds = new Map<string | null, number>([[null, 0]]);
  const strId = (s: string | null) => {
    let id = strIds.get(s);
    if (id === undefined) {
      id = strIds.size;
      strIds.set(s, id);
    }
    return id;
  };
  for (let r = 0; r < n; r++) {
    const d = D[r]!;
    amount[r] = d.amountMax ?? Number.NaN;
    currency[r] = strId(d.currency);
    deadline[r] = d.deadline ? strId(d.deadline) : 0;
    deadlineDay[r] = d.deadlineDay ?? Number.NaN;
    staged[r] = d.stageDays.length || d.laterStage ? 1 : 0;
  }
  /** Part of `blockedCheap`, on the columns: amounts or deadlines that can never be one call's. */
  const refusedEarly = (r: number, j: number): boolean => {
    const ar = amount[r]!;
    const aj = amount[j]!;
    if (
      !Number.isNaN(ar) &&
      !Number.isNaN(aj) &&
      currency[r] === currency[j] &&
      Math.abs(ar - aj) > 0.01 * Math.max(ar, aj)
    )
      return true;
    return (
      deadline[r] !== 0 &&
      deadline[j] !== 0 &&
      deadline[r] !== deadline[j] &&
      !(Math.abs(deadlineDay[r]! - deadlineDay[j]!) <= 92) &&
      staged[r] === 0 &&
      staged[j] === 0
    );
  };

  // accepted pairs (ranks r < j) and their scores
  let accR = new Int32Array(1024);
  let accJ = new Int32Array(1024);
  let accS = new Float64Array(1024);
  let nAcc = 0;
  const vocab = w.length;
  const titleMark = new Int32Array(vocab);
  const textMark = new Int32Array(vocab);
  const t: Overlap = { cont: 0, jac: 0 };
  const x: Overlap = { cont: 0, jac: 0 };
  let stamp = 0;
  let ids = new Uint32Array(256);
  // rank r's tokens are marked when its first candidate needs them
  const mark = (r: number) => {
    stamp = r + 1;
    const d = D[r]!;
    ids = decode(d.tokens, d.tokenStart, d.titleEnd, ids);
    for (let q = 0; q < decoded; q++) titleMark[ids[q]!] = stamp;
    ids = decode(d.tokens, d.titleEnd, d.tokenEnd, ids);
    for (let q = 0; q < decoded; q++) textMark[ids[q]!] = stamp;
  };
  /** Scores rank r (marked) against rank j > r and keeps the pair if it merges. */
  const consider = (r: number, j: number) => {
    if (refusedEarly(r, j)) return;
    const a = D[r]!;
    const b = D[j]!;
    if (blockedCheap(a, b)) return;
    let rel: UrlRelation | -1 = -1;
    if (donorsDiffer(a, b)) {
      rel = urls.relation(r, j);
      // (as `blocker`: a page, a call identifier, or a named programme or quoted name with the
      // same deadline ties copies whose extracted donors differ; here names spelt alike only, as
      // comparing spellings for every such candidate costs a million documents 200 MiB of garbage)
      if (rel === UrlRelation.None && !sharedCallId(a, b) && !tiedByName(a, b, true)) return;
    }
    if (stamp !== r + 1) mark(r);
    let st = 0;
    const bt = b.tokens;
    const bl = b.titleEnd;
    const be = b.tokenEnd;
    // decoding inline: ids below ESC are stored as they are
    for (let q = b.tokenStart; q < bl; ) {
      let id = bt[q++]!;
      if (id === ESC) {
        id = bt[q]! | (bt[q + 1]! << 16);
        q += 2;
      }
      if (titleMark[id] === stamp) st += w[id]!;
    }
    let sx = 0;
    for (let q = bl; q < be; ) {
      let id = bt[q++]!;
      if (id === ESC) {
        id = bt[q]! | (bt[q + 1]! << 16);
        q += 2;
      }
      if (textMark[id] === stamp) sx += w[id]!;
    }
    overlapOf(titleSum[r]!, titleSum[j]!, st, t);
    overlapOf(textSum[r]!, textSum[j]!, sx, x);
    const score = scoreWith(a, b, t, x, rel === -1 ? urls.relation(r, j) : rel, null, w);
    if (score < MERGE_THRESHOLD || unmatchedNames(a, b)) return;
    if (nAcc === accR.length) {
      const m = nAcc * 2;
      const r2 = new Int32Array(m);
      r2.set(accR);
      accR = r2;
      const j2 = new Int32Array(m);
      j2.set(accJ);
      accJ = j2;
      const s2 = new Float64Array(m);
      s2.set(accS);
      accS = s2;
    }
    accR[nAcc] = r;
    accJ[nAcc] = j;
    accS[nAcc++] = score;
  };

  if (opts.allPairs) {
    for (let r = 0; r < n; r++) for (let j = r + 1; j < n; j++) consider(r, j);
  } else candidatePairs(D, w, urls, consider);
  const ambiguous = ambiguousCopies(D, accR, accJ, nAcc);
  if (ambiguous.size) {
    // drop their pairs with copies that name oblasts (pairs among unplaced copies stay)
    let k = 0;
    for (let p = 0; p < nAcc; p++) {
      const r = accR[p]!;
      const j = accJ[p]!;
      if ((ambiguous.has(r) && placed(D[j]!)) || (ambiguous.has(j) && placed(D[r]!))) continue;
      accR[k] = r;
      accJ[k] = j;
      accS[k++] = accS[p]!;
    }
    nAcc = k;
  }

  // strongest first; ties by rank (= document id), so the result does not depend on input order
  const byScore = new Uint32Array(nAcc);
  for (let p = 0; p < nAcc; p++) byScore[p] = p;
  byScore.sort((p, q) => accS[q]! - accS[p]! || accR[p]! - accR[q]! || accJ[p]! - accJ[q]!);

  // per cluster root: a member names oblasts; 2 when a member is ambiguous (see `ambiguousCopies`)
  const hasPlaced = new Uint8Array(n);
  const unplacedOnly = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    hasPlaced[r] = placed(D[r]!) ? 1 : 0;
    unplacedOnly[r] = ambiguous.has(r) ? 2 : 0;
  }
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let r = 0; r < n; r++) parent[r] = r;
  const find = (r: number): number => {
    while (parent[r] !== r) {
      parent[r] = parent[parent[r]!]!;
      r = parent[r]!;
    }
    return r;
  };
  // per cluster root with ≥ 2 members: members grouped by blocker signature, so checking a union
  // costs (distinct signatures)² blocker calls, not members²
  const groups = new Array<SigGroup[] | undefined>(n);
  const groupsOf = (root: number): SigGroup[] =>
    groups[root] ?? [{ sig: signature(D[root]!), members: [root] }];
  // editor splits: per cluster root, the ranks that must stay out of it
  const split = new Array<number[] | undefined>(n);
  for (const [i, j] of opts.cannotLink ?? []) {
    if (i === j) continue;
    const ri = rankOf[i]!;
    const rj = rankOf[j]!;
    listAt(split, ri).push(rj);
    listAt(split, rj).push(ri);
  }
  const editorSplit = (ri: number, rj: number): boolean => {
    const si = split[ri] ?? [];
    const sj = split[rj] ?? [];
    const [list, other] = si.length <= sj.length ? [si, rj] : [sj, ri];
    for (const y of list) if (find(y) === other) return true;
    return false;
  };
  /** The cluster at root has a copy naming no oblast at all (a national call's own copies). */
  const hasNational = (root: number): boolean =>
    groupsOf(root).some((g) => D[g.members[0]!]!.regions.length === 0);
  /** a and b are local views of one call that a member of the cluster at root lists (see `localViews`). */
  const covered = (root: number, a: DedupeDoc, b: DedupeDoc): boolean =>
    groupsOf(root).some((g) => localViews(a, b, D[g.members[0]!]!));
  /** A copy whose headline names no oblast, or names one as a local site's view (see `conflict`). */
  const local = (d: DedupeDoc) => d.titleRegions.length === 0 || d.severalOblasts || d.readersOblast;
  /** A blocking pair of ranks between two clusters, or null. */
  const conflict = (ri: number, rj: number): [number, number] | null => {
    if (size[ri] === 1 && size[rj] === 1) return blocked(D[ri]!, D[rj]!) ? [ri, rj] : null;
    for (const ga of groupsOf(ri))
      for (const gb of groupsOf(rj)) {
        const a = D[ga.members[0]!]!;
        const b = D[gb.members[0]!]!;
        if (blockedBesidesRegions(a, b) || unmatchedNames(a, b)) return [ga.members[0]!, gb.members[0]!];
        // a local site names only its own oblast of a call open to several: no clash when a copy
        // in the joined cluster lists both oblasts (the call's geography covers them)
        // (one local site may headline its own oblast — «Громади Вінниччини можуть отримати…»; when
        // both headlines name their oblasts, one must say the call is open to several — «Харківської
        // та ще шести областей» — or they are two oblasts' editions)
        // (local sites of two oblasts relaying a call whose own copies name no oblast — a national
        // call — are one call too, unless a headline names an oblast's edition)
        if (
          oblastsClash(a, b) &&
          !((local(a) || local(b)) && (covered(ri, a, b) || covered(rj, a, b))) &&
          !(!a.editionName && !b.editionName && (hasNational(ri) || hasNational(rj)))
        )
          return [ga.members[0]!, gb.members[0]!];
        if (donorsDiffer(a, b))
          for (const p of ga.members)
            for (const q of gb.members) if (!tiedDespiteDonor(D[p]!, D[q]!)) return [p, q];
      }
    return null;
  };
  const unite = (ri: number, rj: number) => {
    const [big, small] = size[ri]! >= size[rj]! ? [ri, rj] : [rj, ri];
    hasPlaced[big] = hasPlaced[big]! | hasPlaced[small]!;
    unplacedOnly[big] = Math.max(unplacedOnly[big]!, unplacedOnly[small]!);
    const into = groupsOf(big);
    for (const g of groupsOf(small)) {
      const same = into.find((h) => h.sig === g.sig);
      if (same) same.members.push(...g.members);
      else into.push(g);
    }
    groups[big] = into;
    groups[small] = undefined;
    parent[small] = big;
    size[big]! += size[small]!;
    if (split[small]) {
      listAt(split, big).push(...split[small]!);
      split[small] = undefined;
    }
  };
  const evidence = new Array<string[] | undefined>(n);
  const withEvidence = opts.evidence !== false;
  const say = (r: number, s: string) => {
    if (withEvidence) listAt(evidence, r).push(s);
  };
  for (const r of ambiguous)
    say(r, 'names no oblast and matches copies of different oblast editions: joins none of them');
  const idOf = (r: number) => D[r]!.id;

  // editors first, in id order
  const merges = (opts.mustLink ?? []).map(([i, j]): [number, number] => {
    const ri = rankOf[i]!;
    const rj = rankOf[j]!;
    return ri <= rj ? [ri, rj] : [rj, ri];
  });
  merges.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [r, j] of merges) {
    const ri = find(r);
    const rj = find(j);
    if (ri === rj) continue;
    const what = `${idOf(r)}~${idOf(j)} (editor merge)`;
    if (editorSplit(ri, rj)) {
      say(r, `refused ${what} (editor split)`);
      continue;
    }
    say(r, `merged ${what}`);
    say(j, `merged ${what}`);
    unite(ri, rj);
  }
  const explain = (r: number, j: number, score: number) =>
    withEvidence
      ? `${idOf(r)}~${idOf(j)} score ${score.toFixed(2)}: ${scorePair(D[r]!, D[j]!, w).reasons.join('; ')}`
      : '';
  for (let k = 0; k < nAcc; k++) {
    const p = byScore[k]!;
    const r = accR[p]!;
    const j = accJ[p]!;
    const ri = find(r);
    const rj = find(j);
    if (ri === rj) continue;
    if (editorSplit(ri, rj)) {
      say(r, `refused ${explain(r, j, accS[p]!)} (editor split)`);
      continue;
    }
    // an ambiguous copy (see `ambiguousCopies`) does not reach copies naming oblasts through a
    // copy that names none either
    if ((unplacedOnly[ri] === 2 && hasPlaced[rj]) || (unplacedOnly[rj] === 2 && hasPlaced[ri])) {
      say(r, `refused ${explain(r, j, accS[p]!)} (a copy of two oblast editions' call would join one)`);
      continue;
    }
    const c = conflict(ri, rj);
    if (c) {
      const [y, z] = c;
      if (withEvidence)
        say(
          r,
          `refused ${explain(r, j, accS[p]!)} (blocked by ${idOf(y)}/${idOf(z)}: ${blocker(D[y]!, D[z]!)})`,
        );
      continue;
    }
    if (withEvidence) {
      const what = `merged ${explain(r, j, accS[p]!)}`;
      say(r, what);
      say(j, what);
    }
    unite(ri, rj);
  }
  // cluster id: the smallest id = the smallest rank
  const first = new Int32Array(n).fill(-1);
  const out: ClusterResult[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const root = find(r);
    if (first[root] === -1) first[root] = r;
    const i = order[r]!;
    out[i] = { id: docs[i]!.id, cluster: D[first[root]!]!.id, evidence: evidence[r] ?? NO_EVIDENCE };
  }
  return out;
}

/** The copy names an oblast (not only "all Ukraine"). */
const placed = (d: DedupeDoc) => d.regions.some((r) => r !== 'UA');

/**
 * Copies that name no oblast but score as copies of documents naming oblasts no one of their
 * matches covers together, one of them headlined as an oblast's edition — a city council's post
 * about «its» edition of a call run per oblast (the Vinnytsia and the Cherkasy edition both quote
 * the call's name): which edition it belongs to cannot be told, so it joins neither. Local views of
 * one call open to several oblasts are reconciled by a match listing them all; local sites' views
 * of a national call («Громади Черкащини запрошують…») are no editions.
 */
function ambiguousCopies(
  D: readonly DedupeDoc[],
  accR: Int32Array,
  accJ: Int32Array,
  nAcc: number,
): Set<number> {
  const partners = new Map<number, DedupeDoc[]>();
  const note = (x: number, y: number) => {
    if (D[x]!.regions.length || !placed(D[y]!)) return;
    let list = partners.get(x);
    if (!list) {
      list = [];
      partners.set(x, list);
    }
    list.push(D[y]!);
  };
  for (let p = 0; p < nAcc; p++) {
    note(accR[p]!, accJ[p]!);
    note(accJ[p]!, accR[p]!);
  }
  // c lists both a's and b's oblasts, and its headline names no single one of them
  const covers = (c: DedupeDoc, a: DedupeDoc, b: DedupeDoc) =>
    oblastsWithin(a.regions, c.regions) &&
    oblastsWithin(b.regions, c.regions) &&
    (!c.titleRegions.length ||
      (oblastsWithin(a.regions, c.titleRegions) && oblastsWithin(b.regions, c.titleRegions)));
  const out = new Set<number>();
  for (const [x, docs] of partners) {
    // (two local sites' views of a national call are no clash; an oblast edition's own headline is)
    const clash = docs.some((a, i) =>
      docs.some(
        (b, k) =>
          k > i &&
          disjointRegions(a.regions, b.regions) &&
          !docs.some((c) => covers(c, a, b)) &&
          (a.editionName || b.editionName),
      ),
    );
    if (clash) out.add(x);
  }
  return out;
}

/**
 * Candidate pairs by blocking (see MAX_POSTING above): calls consider(r, j) for each candidate
 * j > r, each pair once, in order of r.
 */
function candidatePairs(
  D: readonly DedupeDoc[],
  w: Weights,
  urls: UrlIndex,
  consider: (r: number, j: number) => void,
): void {
  const n = D.length;
  const vocab = w.length;
  const maxPosting = Math.max(20, Math.min(MAX_POSTING, Math.ceil(n * 0.02)));
  const fullPairs = Math.min(maxPosting, FULL_PAIRS);

  // One document's keys: token keys (ids < vocab, its RAREST heaviest title and text tokens) and
  // hashed keys (URLs and links, donor+deadline, deadline+amount). Computed twice rather than
  // stored for every document.
  const tokenSeen = new Int32Array(vocab);
  let seenStamp = 0;
  const top = new Int32Array(RAREST);
  const tokKeys = new Int32Array(2 * RAREST);
  let nTok = 0;
  let hashKeys = new Int32Array(64);
  let nHash = 0;
  let ids = new Uint32Array(256);
  const rarest = (tokens: Uint32Array, count: number) => {
    // the RAREST heaviest tokens, earlier ones first among equal weights
    let k = 0;
    for (let q = 0; q < count; q++) {
      const tk = tokens[q]!;
      const wt = w[tk]!;
      if (k === RAREST && wt <= w[top[k - 1]!]!) continue;
      let p = k < RAREST ? k++ : k - 1;
      while (p > 0 && w[top[p - 1]!]! < wt) {
        top[p] = top[p - 1]!;
        p--;
      }
      top[p] = tk;
    }
    for (let q = 0; q < k; q++) {
      const tk = top[q]!;
      if (tokenSeen[tk] === seenStamp) continue;
      tokenSeen[tk] = seenStamp;
      tokKeys[nTok++] = tk;
    }
  };
  const addHash = (h: number) => {
    for (let q = 0; q < nHash; q++) if (hashKeys[q] === h) return;
    if (nHash === hashKeys.length) {
      const grown = new Int32Array(nHash * 2);
      grown.set(hashKeys);
      hashKeys = grown;
    }
    hashKeys[nHash++] = h;
  };
  const keysOf = (r: number) => {
    const d = D[r]!;
    seenStamp++;
    nTok = 0;
    nHash = 0;
    ids = decode(d.tokens, d.tokenStart, d.titleEnd, ids);
    rarest(ids, decoded);
    ids = decode(d.tokens, d.titleEnd, d.tokenEnd, ids);
    rarest(ids, decoded);
    if (urls.url[r]) {
      addHash(urls.url[r]!);
      addHash(urls.free[r]!);
    }
    for (let q = urls.linkOff[r]!; q < urls.linkOff[r + 1]!; q++)
      if (urls.linkPage[q]) addHash(urls.linkHash[q]!);
    // donors by family: «Харківська міська рада» and «Харьковский горсовет» share the keys
    const donor = d.donor === null ? '' : donorFamily(d.donor);
    if (d.deadline) addHash(hashString(d.deadline, hashString(donor, SEED_DONOR_DEADLINE)) | 0);
    if (d.deadline && d.amountMax !== null)
      addHash(hashString(String(d.amountMax), hashString(d.deadline, SEED_DEADLINE_AMOUNT)) | 0);
    if (d.deadline) for (const name of d.quoted) addHash(hashString(name, SEED_QUOTED_NAME) | 0);
    // an extension notice (another date) and a copy giving only the month («до кінця травня») meet
    // the announcement by donor and grant, and by donor and month: coarse keys, counted exactly in
    // pass 1 and kept only where few documents share them (a big donor's every call shares one)
    nCoarse = 0;
    if (donor && d.amountMax !== null)
      coarse[nCoarse++] =
        hashString(`${d.amountMax} ${d.currency}`, hashString(donor, SEED_DONOR_AMOUNT)) | 0;
    const month = d.deadline?.slice(0, 7) ?? d.deadlineMonth;
    if (donor && month) coarse[nCoarse++] = hashString(month, hashString(donor, SEED_DONOR_MONTH)) | 0;
    // a named programme's copies crediting the ministry or the government that runs it
    if (d.programme && d.amountMax !== null)
      coarse[nCoarse++] =
        hashString(`${d.amountMax} ${d.currency}`, hashString(d.programme, SEED_PROGRAMME_AMOUNT)) | 0;
  };
  const coarse = new Int32Array(3);
  let nCoarse = 0;
  const coarseCount = new Map<number, number>();

  // pass 1: exact counts of token keys; hashed keys counted in saturating buckets, so that the
  // many keys only one document has (its own URL) need no table entry
  const tokCount = new Int32Array(vocab);
  let bits = 16;
  while (bits < 24 && 1 << bits < n * 16) bits++;
  const bucketMask = (1 << bits) - 1;
  const buckets = new Uint8Array(1 << bits);
  for (let r = 0; r < n; r++) {
    keysOf(r);
    for (let q = 0; q < nTok; q++) tokCount[tokKeys[q]!]!++;
    for (let q = 0; q < nHash; q++) {
      const b = mix32(hashKeys[q]!) & bucketMask;
      if (buckets[b]! < 255) buckets[b]!++;
    }
    for (let q = 0; q < nCoarse; q++) coarseCount.set(coarse[q]!, (coarseCount.get(coarse[q]!) ?? 0) + 1);
  }
  // pass 2: each document's possibly useful keys; hashed keys that may be shared get dense ids
  // after the token ids (open addressing) and exact counts
  let cap = 1 << 12;
  let slotHash = new Int32Array(cap);
  let slotId = new Int32Array(cap).fill(-1);
  const hashCount = new IntList();
  const slotOf = (h: number, mask: number, ids: Int32Array, hashes: Int32Array) => {
    let s = mix32(h) & mask;
    while (ids[s] !== -1 && hashes[s] !== h) s = (s + 1) & mask;
    return s;
  };
  const hashedId = (h: number): number => {
    let s = slotOf(h, cap - 1, slotId, slotHash);
    if (slotId[s] !== -1) return slotId[s]!;
    if (hashCount.n * 2 >= cap) {
      const oldHash = slotHash;
      const oldId = slotId;
      cap *= 2;
      slotHash = new Int32Array(cap);
      slotId = new Int32Array(cap).fill(-1);
      for (let t = 0; t < oldId.length; t++) {
        if (oldId[t] === -1) continue;
        const u = slotOf(oldHash[t]!, cap - 1, slotId, slotHash);
        slotHash[u] = oldHash[t]!;
        slotId[u] = oldId[t]!;
      }
      s = slotOf(h, cap - 1, slotId, slotHash);
    }
    slotHash[s] = h;
    slotId[s] = hashCount.n;
    hashCount.push(0);
    return slotId[s]!;
  };
  const docOff = new Int32Array(n + 1);
  const docKeys = new IntList(Math.max(1024, n * 4));
  for (let r = 0; r < n; r++) {
    docOff[r] = docKeys.n;
    keysOf(r);
    for (let q = 0; q < nTok; q++) {
      const k = tokKeys[q]!;
      if (tokCount[k]! >= 2 && tokCount[k]! <= maxPosting) docKeys.push(k);
    }
    for (let q = 0; q < nHash; q++) {
      const h = hashKeys[q]!;
      if (buckets[mix32(h) & bucketMask]! < 2) continue;
      const id = hashedId(h);
      hashCount.a[id]!++;
      docKeys.push(vocab + id);
    }
    for (let q = 0; q < nCoarse; q++) {
      const c = coarseCount.get(coarse[q]!)!;
      if (c < 2 || c > maxPosting) continue;
      const id = hashedId(coarse[q]!);
      hashCount.a[id]!++;
      docKeys.push(vocab + id);
    }
  }
  docOff[n] = docKeys.n;
  const count = (k: number) => (k < vocab ? tokCount[k]! : hashCount.a[k - vocab]!);
  const nKeys = vocab + hashCount.n;
  const useful = (k: number) => count(k) >= 2 && count(k) <= maxPosting;
  const postOff = new Int32Array(nKeys + 1);
  for (let k = 0; k < nKeys; k++) postOff[k + 1] = postOff[k]! + (useful(k) ? count(k) : 0);
  const post = new Int32Array(postOff[nKeys]!);
  const fill = postOff.slice(0, nKeys);
  for (let q = 0, r = 0; q < docKeys.n; q++) {
    while (q >= docOff[r + 1]!) r++;
    const k = docKeys.a[q]!;
    if (useful(k)) post[fill[k]!++] = r;
  }
  // big postings: sorted by a 24-bit MinHash of the title tokens, then rank (one number each)
  const sketch = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const d = D[r]!;
    ids = decode(d.tokens, d.tokenStart, d.titleEnd > d.tokenStart ? d.titleEnd : d.tokenEnd, ids);
    let m = 0xffffffff;
    for (let q = 0; q < decoded; q++) m = Math.min(m, mix32(tokenHashes[ids[q]!]!));
    sketch[r] = (m >>> 8) * RANKS + r;
  }
  let sortBuf = new Float64Array(64);
  for (let k = 0; k < nKeys; k++) {
    if (count(k) <= fullPairs || !useful(k)) continue;
    const seg = post.subarray(postOff[k]!, postOff[k + 1]!);
    if (sortBuf.length < seg.length) sortBuf = new Float64Array(seg.length * 2);
    const keys = sortBuf.subarray(0, seg.length);
    for (let q = 0; q < seg.length; q++) keys[q] = sketch[seg[q]!]!;
    keys.sort();
    for (let q = 0; q < seg.length; q++) seg[q] = keys[q]! % RANKS;
  }
  const seen = new Int32Array(n);
  const visit = (r: number, k: number) => {
    const c = count(k);
    if (c < 2 || c > maxPosting) return;
    let s = postOff[k]!;
    let e = postOff[k + 1]!;
    if (c > fullPairs) {
      // r's place in the sorted posting, then its neighbours
      let lo = s;
      let hi = e;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sketch[post[mid]!]! < sketch[r]!) lo = mid + 1;
        else hi = mid;
      }
      s = Math.max(s, lo - WINDOW);
      e = Math.min(e, lo + WINDOW + 1);
    }
    for (let q = s; q < e; q++) {
      const j = post[q]!;
      if (j <= r || seen[j] === r + 1) continue;
      seen[j] = r + 1;
      consider(r, j);
    }
  };
  for (let r = 0; r < n; r++) for (let q = docOff[r]!; q < docOff[r + 1]!; q++) visit(r, docKeys.a[q]!);
}
