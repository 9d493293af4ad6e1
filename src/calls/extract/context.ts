// Cue scanning: one pass of a precompiled regex over the lower-cased text yields typed cues
// ("дедлайн", "вебінар", "загальний бюджет"…); a value then takes its meaning from the cue nearest
// to it inside its own clause, the way a reader does.

export interface Cue<K extends string> {
  start: number;
  end: number;
  kind: K;
}

/**
 * All matches of `re` (global, one capture group per kind, in the order of `kinds`) as cues.
 * A match whose groups are all empty is skipped.
 */
export function scanCues<K extends string>(lower: string, re: RegExp, kinds: readonly K[]): Cue<K>[] {
  const cues: Cue<K>[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    for (let g = 0; g < kinds.length; g++) {
      if (m[g + 1] !== undefined) {
        cues.push({ start: m.index, end: m.index + m[0].length, kind: kinds[g]! });
        break;
      }
    }
  }
  return cues;
}

/** The last cue lying inside [from, to), optionally only of the given kinds. */
export function lastCueIn<K extends string>(
  cues: readonly Cue<K>[],
  from: number,
  to: number,
  kinds?: ReadonlySet<K>,
): Cue<K> | null {
  for (let i = cues.length - 1; i >= 0; i--) {
    const c = cues[i]!;
    if (c.start < from) break;
    if (c.end <= to && (!kinds || kinds.has(c.kind))) return c;
  }
  return null;
}

/** The first cue lying inside [from, to), optionally only of the given kinds. */
export function firstCueIn<K extends string>(
  cues: readonly Cue<K>[],
  from: number,
  to: number,
  kinds?: ReadonlySet<K>,
): Cue<K> | null {
  for (const c of cues) {
    if (c.start >= to) break;
    if (c.start >= from && c.end <= to && (!kinds || kinds.has(c.kind))) return c;
  }
  return null;
}

/** All cues inside [from, to). */
export function cuesIn<K extends string>(cues: readonly Cue<K>[], from: number, to: number): Cue<K>[] {
  return cues.filter((c) => c.start >= from && c.end <= to);
}

/**
 * Every match of a global regex, by an exec loop: `String.prototype.matchAll` clones the regex on
 * each call, which for the large alternations here costs more than the matching itself.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
  }
  return out;
}

/** Index of the first capture group from `from` that took part in the match, or -1. */
export function groupIndex(m: RegExpMatchArray, from = 1): number {
  for (let g = from; g < m.length; g++) if (m[g] !== undefined) return g - from;
  return -1;
}

/** Joins regex alternatives into one non-capturing group. */
export function alt(parts: readonly string[]): string {
  return `(?:${parts.join('|')})`;
}

/** Letters of the scripts announcements are written in: Latin with diacritics, and Cyrillic. */
const LETTERS = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0400-\\u04ff';

/**
 * Compiles a pattern written with `\p{L}` and `\p{N}` into a regex without the `u` flag: the
 * letters become an explicit class. Matching the same text is about four times faster, which is
 * what keeps extraction above a few thousand announcements a second. Load time only.
 */
export function compile(source: string, flags = ''): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const seq = source.slice(i, i + 5);
      if (seq === '\\p{L}' || seq === '\\p{N}') {
        const range = seq === '\\p{L}' ? LETTERS : '0-9';
        out += inClass ? range : `[${range}]`;
        i += 4;
        continue;
      }
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  if (out.includes('\\p{')) throw new Error(`compile: unsupported property escape in /${source}/`);
  return new RegExp(out, flags.replace('u', ''));
}
