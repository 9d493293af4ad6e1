// Title and summary as an editor would write them: the title without «Грант:» prefixes, emoji and
// the site's name; the summary from the opening sentences, skipping page chrome and greetings.
import { BOILERPLATE, type Doc } from './prepare.ts';

/** Pictographs, flag letters, and the joiners and selectors that glue emoji together. */
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu;
const SPACES = /\s+/g;
const EDGE_PUNCTUATION = /^[\s:|–—-]+|[\s:|–—-]+$/g;
const TRAILING_PUNCTUATION = /[\s,;:–—-]+$/;
const TAG_PREFIX =
  /^\s*[[(](?:грант\p{L}*|конкурс|можливість|новина|анонс|call|grant|opportunity|возможность)[\])]\s*/iu;
const WORD_PREFIX =
  /^\s*(?:грант(?:и|ова можливість)?|гранты|можливість|оголошення|анонс|увага|новина|конкурс|call(?: for proposals| for applications)?|open call|grant|opportunity|funding|возможность|грантовая возможность)\s*[:|]\s+/iu;
const SITE_SUFFIX =
  /\s+[|–—-]\s+(?:ГУРТ|Ресурсний центр ГУРТ|Громадський Простір|Простір|Децентралізація|EU NEIGHBOURS east|EU Neighbours East|House of Europe|[\p{L}\d.-]+\.(?:ua|org|com|eu|net|info))\s*$/iu;

/** The title without labels, emoji and a trailing site name; null when nothing is left. */
export function cleanTitle(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let t = raw.replace(EMOJI, ' ').replace(SPACES, ' ').trim();
  t = t.replace(TAG_PREFIX, '').replace(WORD_PREFIX, '').replace(SITE_SUFFIX, '');
  t = t.replace(EDGE_PUNCTUATION, '').trim();
  return t.length ? t : null;
}

/** A line that is only a date, a time, or a price: a list page's metadata. */
const ONLY_DATE = /^[\d\s./:,–—-]+(?:р\.|року)?$/u;
const MAX_SUMMARY = 360;
const MAX_SENTENCES = 3;

/** The body's clauses in order, as one-line plain text; lazy, since a summary needs only a few. */
function* sentences(doc: Doc): Generator<string> {
  const { bounds, text } = doc;
  for (let i = 0; i < bounds.length; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1] ?? text.length;
    if (to <= doc.bodyStart) continue;
    const s = text.slice(Math.max(from, doc.bodyStart), to).replace(EMOJI, ' ').replace(SPACES, ' ').trim();
    if (s) yield s;
  }
}

function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max).replace(TRAILING_PUNCTUATION, '')}…`;
}

/** One to three opening sentences of the body, plain text. */
export function summarize(doc: Doc, title: string | null): string {
  const picked: string[] = [];
  let length = 0;
  for (const s of sentences(doc)) {
    if (BOILERPLATE.test(s) || ONLY_DATE.test(s) || s.length < 12) continue;
    if (title && (s === title || cleanTitle(s) === title)) continue;
    if (picked.length && length + s.length + 1 > MAX_SUMMARY) break;
    picked.push(s);
    length += s.length + 1;
    if (picked.length >= MAX_SENTENCES || length >= MAX_SUMMARY * 0.6) break;
  }
  return shorten(picked.join(' '), MAX_SUMMARY);
}
