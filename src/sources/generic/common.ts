// Helpers the config-defined (generic) source kinds share: Kyiv calendar days from timestamps,
// item URLs without tracking noise, dates written the Ukrainian way, titles from free text.
import { cleanLine, isoDate, parseNumericDate } from '../../calls/text.ts';

const KYIV = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Kyiv',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A timestamp written without a zone: the site's own clock, so its date is read as written. */
const LOCAL_STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * The Kyiv calendar day of a timestamp: "2026-11-19T22:30:00+00:00" → "2026-11-20",
 * "Thu, 19 Nov 2026 22:30:00 GMT" → "2026-11-20". A date or a zoneless stamp keeps its own day;
 * anything unreadable → null (never "today").
 */
export function kyivDay(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  if (!t) return null;
  const local = LOCAL_STAMP.exec(t);
  if (local) return isoDate(Number(local[1]), Number(local[2]), Number(local[3]));
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return null;
  return KYIV.format(new Date(ms));
}

const MONTHS = new Map<string, number>();
for (const [i, forms] of [
  'січня січень',
  'лютого лютий',
  'березня березень',
  'квітня квітень',
  'травня травень',
  'червня червень',
  'липня липень',
  'серпня серпень',
  'вересня вересень',
  'жовтня жовтень',
  'листопада листопад',
  'грудня грудень',
].entries()) {
  for (const form of forms.split(' ')) MONTHS.set(form, i + 1);
}

/** "18 листопада 2026", "18 листопада 2026 р., 10:15" → "2026-11-18"; null otherwise. */
export function parseUkLongDate(text: string): string | null {
  const m = /(\d{1,2})\s+([а-яіїєґʼ’']+)\s+(\d{4})/iu.exec(cleanLine(text).toLowerCase());
  const month = m ? MONTHS.get(m[2]!) : undefined;
  return m && month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
}

export type DateFormat = 'dd.mm.yyyy' | 'uk-long' | 'iso';

/** A list page's date in the format the entry declares; without one, every known form is tried. */
export function parseListDate(text: string, format: DateFormat | undefined): string | null {
  const t = cleanLine(text);
  if (!t) return null;
  switch (format) {
    case 'dd.mm.yyyy':
      return parseNumericDate(t);
    case 'uk-long':
      return parseUkLongDate(t);
    case 'iso':
      return isoInText(t);
    default:
      return isoInText(t) ?? parseNumericDate(t) ?? parseUkLongDate(t);
  }
}

/** An ISO date or timestamp anywhere in the text, as a Kyiv day. */
function isoInText(text: string): string | null {
  const m = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/.exec(text);
  return m ? kyivDay(m[0]) : null;
}

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|yclid|mc_cid|mc_eid|_ga|page)$/i;

/**
 * The site's own URL for an item, minus what is not part of its identity: tracking parameters,
 * sidebar `?page=`, the fragment and AMP variants. Scheme and host stay as the site wrote them.
 */
export function itemUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.pathname = u.pathname.replace(/\/amp\/?$/, '/').replace(/\.amp$/, '');
  return u.toString();
}

// Emoji used as labels and decoration («⏰ Дедлайн», «🇺🇦», «1️⃣»), with their joiners, skin tones and
// variation selectors. A keycap's digit stays.
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u20E3\u200D]/gu;
/** Bullets and dashes a post's first line may open with once its emoji are gone. */
const LEADING_MARKS = /^[\s•·▪►▶→\-–—|:]+/u;
export const MAX_TITLE = 140;

/** Emoji removed, one line, no leading bullets. */
export function stripEmoji(text: string): string {
  return cleanLine(text.replace(EMOJI, ' ')).replace(LEADING_MARKS, '');
}

/** The first line of a post that still says something once emoji are stripped, at most 140 characters. */
export function titleFromText(text: string): string {
  for (const line of text.split('\n')) {
    const title = stripEmoji(line);
    if (/[\p{L}\p{N}]/u.test(title)) return shorten(title, MAX_TITLE);
  }
  return '';
}

/** Cut at a word boundary with «…» when longer than `max` (the ellipsis included). */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** A body's first characters, for error messages that say what came back instead. */
export function bodyStart(text: string): string {
  return text.trimStart().slice(0, 60).replace(/\s+/g, ' ');
}
