// Decides which copies are the same call. First version: a fingerprint of the normalized title and
// the deadline, so the same announcement seen again (or relayed verbatim) maps to one call.
// Pure: no I/O.
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
