// Prepares an announcement once for every extractor: normalized text, a lower-case copy for
// case-free matching, and the clause boundaries that keep a cue from reaching into another sentence.
import { cleanLine, cleanText } from '../text.ts';

export interface Doc {
  /** Title line (when given) + '\n' + body, normalized; every offset refers to this string. */
  text: string;
  /** `text` lower-cased, same length, so a span found here can be sliced from `text`. */
  lower: string;
  /** Where the body starts in `text` (0 without a title). */
  bodyStart: number;
  /** End of the lead: the title and the body's first sentence. */
  leadEnd: number;
  /** The body's own first line, when it reads as a heading (used as a title fallback). */
  headline: string | null;
  publishedAt: string | null;
  /** Ascending offsets where a clause starts (0 first); a clause ends where the next starts. */
  bounds: number[];
}

/** Start of a word: JS `\b` only knows ASCII, so Cyrillic words need this (see compile()). */
export const B = '(?<![\\p{L}\\p{N}])';

// Latin letters that look like Cyrillic ones, and back: reposts mix them into words ("Гpант").
const LAT_TO_CYR: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};
const CYR_TO_LAT: Record<string, string> = Object.fromEntries(
  Object.entries(LAT_TO_CYR).map(([lat, cyr]) => [cyr, lat]),
);
/** Latin and Cyrillic letters touching: a cheap test before the word-by-word repair. */
const MIXED = /[\u0400-\u04ff][A-Za-z]|[A-Za-z][\u0400-\u04ff]/;
const WORD = /[A-Za-z\u0400-\u04ff]+/g;
const CYRILLIC = /[\u0400-\u04ff]/g;
const APOSTROPHES = /[’ʼ‘`´ʹ]/g;

function fixMixedWord(word: string): string {
  if (!MIXED.test(word)) return word;
  const cyr = word.match(CYRILLIC)?.length ?? 0;
  const toCyr = cyr * 2 >= word.length;
  const map = toCyr ? LAT_TO_CYR : CYR_TO_LAT;
  let out = '';
  for (const ch of word) out += map[ch] ?? ch;
  return out;
}

/** Text ready for matching: NFKC and spaces (cleanText), one apostrophe, unmixed alphabets. */
export function normalizeText(raw: string): string {
  const text = cleanText(raw).replace(APOSTROPHES, "'");
  return MIXED.test(text) ? text.replace(WORD, fixMixedWord) : text;
}

/** Lower-case copy with the same length (a few exotic letters grow when lower-cased). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}

// A dot ends a sentence unless it closes one of these abbreviations (lower-case, no dot).
const ABBREVIATIONS = new Set([
  'вул',
  'обл',
  'просп',
  'пл',
  'ім',
  'св',
  'смт',
  'ст',
  'див',
  'напр',
  'проф',
  'тел',
  'e.g',
  'i.e',
  'etc',
  'no',
  'vs',
  'mr',
  'ms',
  'dr',
  'st',
  'ул',
  'ін',
  'т.ч',
  'т.д',
  'т.п',
  'u.s',
  'u.k',
  'e.u',
  // Clock abbreviations: «12 год. 00 хв.», "5 p.m. Kyiv time".
  'a.m',
  'p.m',
  'год',
  'хв',
]);
const UPPER_START = /[\p{Lu}\p{N}«"„“'([\p{Extended_Pictographic}]/u;

function isLetterOrDot(c: number): boolean {
  return (
    c === 0x2e ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x400 && c <= 0x4ff)
  );
}

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && isLetterOrDot(text.charCodeAt(i - 1))) i--;
  return text.slice(i, dot).toLowerCase();
}

const DIGIT_BEFORE = /\d\s?$/;

function dotEndsSentence(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next === undefined || next === '\n') return true;
  if (next !== ' ') return false;
  const after = text[i + 2];
  if (after === undefined || !UPPER_START.test(after)) return false;
  const word = wordBefore(text, i);
  if (ABBREVIATIONS.has(word)) return false;
  // «м. Київ», «с. Іванівка» are addresses, but «2026 р. Заявки…» does end a sentence.
  if (word.length === 1) return DIGIT_BEFORE.test(text.slice(Math.max(0, i - 4), i - 1));
  return true;
}

/** A line ending with a colon or a dash («⏰ Дедлайн:») continues into the next one. */
function newlineContinues(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && text[j] === ' ') j--;
  const last = text[j];
  return last === ':' || last === '-' || last === '–' || last === '—';
}

function clauseBounds(text: string): number[] {
  const bounds = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (!newlineContinues(text, i)) bounds.push(i + 1);
    } else if (c === '!' || c === '?' || c === ';' || c === '…') {
      bounds.push(i + 1);
    } else if (c === '.' && dotEndsSentence(text, i)) {
      bounds.push(i + 1);
    }
  }
  return bounds;
}

/** Index in `bounds` of the clause holding `pos`. */
export function clauseIndex(bounds: number[], pos: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Only emoji, bullets, punctuation and spaces: nothing a cue could be. */
const NOTHING = /^[\s\p{P}\p{S}\p{Extended_Pictographic}]*$/u;
const LABEL_LINE_MAX = 40;

/** [start, end) of the clause holding `pos`. */
export function clauseAt(doc: Doc, pos: number): [number, number] {
  const i = clauseIndex(doc.bounds, pos);
  return [doc.bounds[i]!, doc.bounds[i + 1] ?? doc.text.length];
}

/**
 * The clause holding a value, where a value opening its line takes the short line above as its
 * label («⏰ Дедлайн» / «15.04.2026»), as a reader of a bulleted card does.
 */
export function labelledClauseAt(doc: Doc, pos: number): [number, number] {
  const i = clauseIndex(doc.bounds, pos);
  const start = doc.bounds[i]!;
  const end = doc.bounds[i + 1] ?? doc.text.length;
  if (i > 0 && doc.text[start - 1] === '\n' && NOTHING.test(doc.text.slice(start, pos))) {
    const prev = doc.bounds[i - 1]!;
    if (start - prev <= LABEL_LINE_MAX) return [prev, end];
  }
  return [start, end];
}

/** Lines that are page chrome or salutation, not content. */
export const BOILERPLATE =
  /^(?:зафіксувати у google календарі!?|завершено|гранти|поділитися|share|read more|читати далі|детальніше\.?|джерело:.*|фото:.*|photo:.*|source:.*|теги:.*|tags:.*|#\S.*|друзі!?|увага!?|шановні.{0,40}!|dear .{0,40}[!,]|hello.{0,40}!|привіт.{0,40}!|добрий день!?)$/i;
/** Clauses this short are labels, not the opening. */
const MIN_LEAD_CLAUSE = 25;

/** End of the title plus the first `sentences` real sentences of the body. */
export function leadEndAfter(text: string, bounds: number[], bodyStart: number, sentences: number): number {
  let seen = 0;
  for (let i = clauseIndex(bounds, bodyStart); i < bounds.length; i++) {
    const end = bounds[i + 1] ?? text.length;
    const clause = text.slice(bounds[i]!, end).trim();
    if (clause.length >= MIN_LEAD_CLAUSE && !BOILERPLATE.test(clause) && ++seen >= sentences) return end;
  }
  return text.length;
}

const INNER_SENTENCE_END = /[.!?]\s/;

/** The body's first line that is not page chrome, when it reads as a heading and text follows it. */
function headlineOf(body: string): string | null {
  let start = 0;
  for (let nl = body.indexOf('\n'); nl >= 0; nl = body.indexOf('\n', start)) {
    const line = body.slice(start, nl).trim();
    start = nl + 1;
    if (!line || BOILERPLATE.test(line)) continue;
    return line.length >= 8 && line.length <= 160 && !INNER_SENTENCE_END.test(line) ? line : null;
  }
  return null;
}

export function prepare(input: { text: string; title?: string | null; publishedAt?: string | null }): Doc {
  const body = normalizeText(input.text ?? '');
  const title = input.title ? normalizeText(cleanLine(input.title)) : '';
  // A title the body already starts with is not repeated: it would double every cue in the lead.
  const withTitle = title && !body.startsWith(title);
  const text = withTitle ? `${title}\n${body}` : body;
  const bodyStart = withTitle ? title.length + 1 : 0;
  const bounds = clauseBounds(text);
  const leadEnd = leadEndAfter(text, bounds, bodyStart, 1);
  return {
    text,
    lower: lowerSameLength(text),
    bodyStart,
    leadEnd,
    headline: headlineOf(body),
    publishedAt:
      input.publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(input.publishedAt) ? input.publishedAt : null,
    bounds,
  };
}
