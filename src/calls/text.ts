// Text hygiene shared by adapters and extractors: real pages carry non-breaking spaces,
// stylized Unicode digits, soft hyphens and zero-width characters that break matching.

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Stylized letters and digits (𝟭𝟱, 𝐃𝐞𝐝𝐥𝐢𝐧𝐞, fullwidth, ①, ﬁ) fold to plain ones. Only these: NFKC on
// the whole text would also turn «№» into "No", «…» into "..." and «м²» into "м2".
const STYLIZED = /[\u{1D400}-\u{1D7FF}\uFF01-\uFF5E\u2460-\u2473\uFB00-\uFB06]/gu;
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+/g;

/** Stylized characters folded (𝟭𝟱 → 15), invisible characters removed, all space variants → one space. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(STYLIZED, (ch) => ch.normalize('NFKC'))
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(/ *\r?\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** One line: all whitespace collapsed. For titles. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}

/** "15.04.2026", "15/04/2026" or "15.04.26" → "2026-04-15"; null when it is not a real date. */
export function parseNumericDate(text: string): string | null {
  const m = /\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b/.exec(text);
  if (!m) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return isoDate(year, Number(m[2]), Number(m[1]));
}

/** YYYY-MM-DD for a real calendar date, else null (31.02 is not a date). */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}
