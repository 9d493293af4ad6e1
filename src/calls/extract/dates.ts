// Finds every calendar date written in an announcement (Ukrainian, Russian, English, Polish month
// names in any case form; numeric and ISO forms) with the clock time and timezone written next to it.
// Which date is the deadline is decided elsewhere (deadline.ts); this module only reads dates.
import { alt, compile, matchesOf } from './context.ts';
import type { Doc } from './prepare.ts';
import { B } from './prepare.ts';

export interface DateMention {
  start: number;
  end: number;
  day: number;
  month: number;
  /** The year as written (may be a typo like 20226), or null when the text omits it. */
  yearText: string | null;
  time: string | null;
  /** IANA zone when the text names one other than Kyiv's; null for Kyiv or none. */
  tz: string | null;
  /** The text as written, for evidence. */
  raw: string;
  /** True for the end of a range written with one month («з 12 до 22 січня»). */
  rangeEnd: boolean;
}

/** [month number, word forms]. Forms are lower-case; "і" dropped by AMP mirrors is tolerated. */
const MONTH_FORMS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['січня', 'січень', 'счня', 'счень', 'января', 'январь', 'january', 'jan', 'stycznia', 'styczeń']],
  [2, ['лютого', 'лютий', 'февраля', 'февраль', 'february', 'feb', 'lutego', 'luty']],
  [3, ['березня', 'березень', 'марта', 'март', 'march', 'mar', 'marca', 'marzec']],
  [4, ['квітня', 'квітень', 'квтня', 'квтень', 'апреля', 'апрель', 'april', 'apr', 'kwietnia', 'kwiecień']],
  [5, ['травня', 'травень', 'мая', 'май', 'may', 'maja', 'maj']],
  [6, ['червня', 'червень', 'июня', 'июнь', 'june', 'jun', 'czerwca', 'czerwiec']],
  [7, ['липня', 'липень', 'июля', 'июль', 'july', 'jul', 'lipca', 'lipiec']],
  [8, ['серпня', 'серпень', 'августа', 'август', 'august', 'aug', 'sierpnia', 'sierpień']],
  [9, ['вересня', 'вересень', 'сентября', 'сентябрь', 'september', 'sept', 'sep', 'września', 'wrzesień']],
  [10, ['жовтня', 'жовтень', 'октября', 'октябрь', 'october', 'oct', 'października', 'październik']],
  [11, ['листопада', 'листопад', 'лстопада', 'ноября', 'ноябрь', 'november', 'nov', 'listopada', 'listopad']],
  [12, ['грудня', 'грудень', 'декабря', 'декабрь', 'december', 'dec', 'grudnia', 'grudzień']],
];

const MONTH_BY_WORD = new Map<string, number>();
for (const [month, forms] of MONTH_FORMS) for (const f of forms) MONTH_BY_WORD.set(f, month);
const MONTH_WORDS = [...MONTH_BY_WORD.keys()].sort((a, b) => b.length - a.length);
/** The month a (lower-case) month word names, 1–12, or undefined. */
export const monthOfWord = (word: string): number | undefined => MONTH_BY_WORD.get(word);
const MONTH = `(${alt(MONTH_WORDS)})(?![\\p{L}])\\.?`;
const ENGLISH_MONTHS = MONTH_WORDS.filter((w) => /^[a-z]+$/.test(w) && !/[ąćęłńóśźż]/.test(w));
const MONTH_EN = `(${alt(ENGLISH_MONTHS)})(?![\\p{L}])\\.?`;
const YEAR_TAIL = `(?:\\s*(?:року|рік|р\\.|р(?![\\p{L}])|г\\.|года|г(?![\\p{L}])|roku|r\\.))?`;

/**
 * Every date form in one alternation (one pass over the text), each with its own groups:
 * 1–4 "15.04.2026", "15/04/26" (same separator twice); 5–7 "2026-04-15";
 * 8–11 "15 квітня 2026", "3-го березня", "12 до 22 січня" (8 = the range's first day), "15th of March";
 * 12–14 "March 15, 2026"; 15–16 "15.04" with no year (kept only after «до», "by", a colon, a dash).
 */
const DATE_RE = compile(
  [
    `(?<![\\p{N}.\\/])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4,5}|\\d{2})(?![\\p{N}]|[./]\\d)${YEAR_TAIL}`,
    '(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)',
    `${B}(?:(\\d{1,2})\\s*(?:[-–—]|до|по|to|and|і|та|и)\\s*)?(\\d{1,2})(?:-?(?:го|е|ое|th|st|nd|rd))?\\s*(?:of\\s+)?${MONTH}(?:\\s*,?\\s*(\\d{4,5})(?!\\d)${YEAR_TAIL})?`,
    `${B}${MONTH_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:\\s*,?\\s*(\\d{4,5})(?!\\d))?`,
    '(?<![\\p{N}.,/:])(\\d{1,2})\\.(\\d{1,2})(?![\\p{N}]|[.,/:]\\d|\\s*(?:%|млн|тис|mln|million|грн|€|\\$))',
  ].join('|'),
  'g',
);
/**
 * What may stand before a year-less «15.04»: «до», "by", a colon, a dash, a deadline label
 * («дедлайн 2.06») or a weekday («п'ятниця, 27.03»).
 */
const DAY_DOT_MONTH_LEAD =
  /(?:(?:^|[\s(])(?:до|по|by|until|till|з|від|from|с|dnia|дедлайн|deadline|due)\s+|[:–—-]\s*|(?:понеділ|вівтор|серед|четвер|п'ятниц|субот|неділ|понедельник|вторник|сред|пятниц|суббот|воскресень|monday|tuesday|wednesday|thursday|friday|saturday|sunday)[^\s,]*,?\s+)$/;

// Clock time written after the date: "16:00", ", 16.00 CET", "о 17:00 (за київським часом)", "· 23:59".
const TZ_WORDS = [
  'cet',
  'cest',
  'brussels time',
  'brussels',
  'central european (?:summer )?time',
  'за брюссельським часом',
  'брюссельським часом',
  'по брюссельскому времени',
  'gmt',
  'utc',
  'eet',
  'eest',
  'kyiv time',
  'kiev time',
  'за київським часом',
  'київським часом',
  'за києвом',
  'по киевскому времени',
  'по києву',
  'eastern time',
  'est',
  'edt',
  'washington,? d\\.?c\\.? time',
  'london time',
  'uk time',
  'bst',
  'warsaw time',
  'czasu polskiego',
];
const TZ = `\\(?\\s*(${alt(TZ_WORDS)})(?![\\p{L}])`;
const TIME = '([01]?\\d|2[0-4])[:.]([0-5]\\d)(?![\\d])(?:\\s*(?:год\\.?|godz\\.?|hrs|h)(?![\\p{L}]))?';
const TIME_AFTER = compile(
  `\\s*(?:року|р\\.|г\\.|года)?\\s*[,(·|–—-]?\\s*(?:о|об|до|at|by|until|before|в|на|o|godz\\.)?\\s*${TIME}(?:\\s*${TZ})?`,
  'y',
);
const TZ_AFTER = compile(`\\s*[,(]?\\s*${TZ}`, 'y');
const TIME_BEFORE = compile(
  `(?:^|[\\s,(])${TIME}\\s*(?:${TZ})?\\s*,?\\s*(?:(?:до|на|of|on|the|дня)\\s+)?$`,
  'u',
);

/** IANA zone by how it is written; Kyiv's own zone is the default and recorded as null. */
const ZONES: ReadonlyArray<readonly [RegExp, string | null]> = [
  [/київ|києв|kyiv|kiev|киев|eet|eest/, null],
  [/cet|cest|brussel|брюссел|central european/, 'Europe/Brussels'],
  [/gmt|utc/, 'UTC'],
  [/eastern|est|edt|washington/, 'America/New_York'],
  [/london|uk time|bst/, 'Europe/London'],
  [/warsaw|polskiego/, 'Europe/Warsaw'],
];

function zoneOf(word: string | undefined): string | null {
  if (!word) return null;
  return ZONES.find(([re]) => re.test(word))?.[1] ?? null;
}

/** Commas, brackets and dots around a date as written, dropped from the evidence. */
const RAW_EDGES = /^[\s,(]+|[\s.]+$/g;

function clock(h: string, m: string): string {
  // "24.00" is how some calls write the last minute of the day.
  if (h === '24') return '23:59';
  return `${h.padStart(2, '0')}:${m}`;
}

interface Clock {
  time: string | null;
  tz: string | null;
  /** Where the clock text starts (before the date) or ends (after it). */
  at: number;
}

function clockAfter(doc: Doc, end: number): Clock {
  TIME_AFTER.lastIndex = end;
  const m = TIME_AFTER.exec(doc.lower);
  if (m) return { time: clock(m[1]!, m[2]!), tz: zoneOf(m[3]), at: end + m[0].length };
  TZ_AFTER.lastIndex = end;
  const z = TZ_AFTER.exec(doc.lower);
  if (z) return { time: null, tz: zoneOf(z[1]), at: end + z[0].length };
  return { time: null, tz: null, at: end };
}

function clockBefore(doc: Doc, start: number): Clock {
  const from = Math.max(0, start - 40);
  const m = TIME_BEFORE.exec(doc.lower.slice(from, start));
  if (!m) return { time: null, tz: null, at: start };
  return { time: clock(m[1]!, m[2]!), tz: zoneOf(m[3]), at: from + m.index };
}

function mention(
  doc: Doc,
  start: number,
  end: number,
  day: number,
  month: number,
  yearText: string | null,
  rangeEnd = false,
) {
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const after = clockAfter(doc, end);
  const before = after.time ? null : clockBefore(doc, start);
  const found: DateMention = {
    start,
    end,
    day,
    month,
    yearText,
    time: before?.time ?? after.time,
    tz: before?.tz ?? after.tz,
    raw: doc.text.slice(before?.time ? before.at : start, after.at).replace(RAW_EDGES, ''),
    rangeEnd,
  };
  return found;
}

/** Every date mention in the text, ordered by position. */
export function findDates(doc: Doc): DateMention[] {
  const { lower } = doc;
  const found: DateMention[] = [];
  const add = (d: DateMention | null) => {
    if (d) found.push(d);
  };
  for (const m of matchesOf(DATE_RE, lower)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) {
      let day = Number(m[1]);
      let month = Number(m[3]);
      // "04/15/2026" is American: only swap when the other reading cannot be a date.
      if (m[2] === '/' && month > 12 && day <= 12) [day, month] = [month, day];
      add(mention(doc, start, end, day, month, m[4]!.length === 2 ? `20${m[4]}` : m[4]!));
    } else if (m[5]) {
      add(mention(doc, start, end, Number(m[7]), Number(m[6]), m[5]));
    } else if (m[9]) {
      add(mention(doc, start, end, Number(m[9]), MONTH_BY_WORD.get(m[10]!)!, m[11] ?? null, !!m[8]));
    } else if (m[12]) {
      add(mention(doc, start, end, Number(m[13]), MONTH_BY_WORD.get(m[12])!, m[14] ?? null));
    } else if (m[15] && DAY_DOT_MONTH_LEAD.test(lower.slice(Math.max(0, start - 14), start))) {
      add(mention(doc, start, end, Number(m[15]), Number(m[16]), null));
    }
  }
  return found;
}
