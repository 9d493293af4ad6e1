// Reads the generic sources file ({ "sources": [...] }), validates every entry and turns each into a
// SourceDefinition. A bad entry stops start-up with one line per problem naming file, entry and field.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { SourceDefinition } from '../types.ts';
import { htmlSource } from './html-list.ts';
import { rssSource } from './rss.ts';
import { type GenericSourceEntry, GenericSourcesFile } from './schema.ts';
import { telegramSource } from './telegram.ts';
import { wordpressSource } from './wordpress.ts';

/** The file bundled with the service; editors add their sources here. */
export const BUNDLED_SOURCES_FILE = fileURLToPath(new URL('./sources.json', import.meta.url));

export class GenericSourcesError extends Error {
  override name = 'GenericSourcesError';
}

/** One entry → the same contract code-defined sources fulfil. Telegram previews are HTML pages. */
export function toSourceDefinition(entry: GenericSourceEntry): SourceDefinition {
  switch (entry.kind) {
    case 'rss':
      return rssSource(entry);
    case 'wordpress':
      return wordpressSource(entry);
    case 'telegram':
      return telegramSource(entry);
    case 'html':
      return htmlSource(entry);
  }
}

/** Every source in `filePath`, validated; throws GenericSourcesError listing each problem on its own line. */
export function loadGenericSources(filePath: string): SourceDefinition[] {
  const json = readJson(filePath);
  const parsed = GenericSourcesFile.safeParse(json);
  if (!parsed.success) {
    const entries = isRecord(json) && Array.isArray(json.sources) ? json.sources : [];
    const lines = parsed.error.issues.map((issue) => issueLine(filePath, issue, entries));
    throw new GenericSourcesError([...new Set(lines)].join('\n'));
  }
  const sources = parsed.data.sources.map(toSourceDefinition);
  assertUniqueSourceIds([], sources, filePath);
  return sources;
}

/**
 * Throws when a generic source reuses an id — of a code-defined source or of another entry — since
 * the id keys the fixtures folder, the stored items and the schedule.
 */
export function assertUniqueSourceIds(
  existing: readonly Pick<SourceDefinition, 'id'>[],
  generic: readonly Pick<SourceDefinition, 'id'>[],
  filePath: string,
): void {
  const taken = new Set(existing.map((s) => s.id));
  const lines: string[] = [];
  generic.forEach((s, i) => {
    if (taken.has(s.id)) {
      const whose = existing.some((e) => e.id === s.id) ? 'a source defined in code' : 'an earlier entry';
      lines.push(
        `${filePath}: sources[${i}] (id "${s.id}"): id: "${s.id}" is already used by ${whose}; pick another id`,
      );
    }
    taken.add(s.id);
  });
  if (lines.length) throw new GenericSourcesError(lines.join('\n'));
}

/** Code-defined sources followed by the file's generic ones, ids checked across both. */
export function withGenericSources(
  codeSources: readonly SourceDefinition[],
  filePath: string = BUNDLED_SOURCES_FILE,
): SourceDefinition[] {
  const generic = loadGenericSources(filePath);
  assertUniqueSourceIds(codeSources, generic, filePath);
  return [...codeSources, ...generic];
}

function readJson(filePath: string): unknown {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (err) {
    throw new GenericSourcesError(
      `${filePath}: cannot read the generic sources file (${(err as Error).message})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new GenericSourcesError(`${filePath}: not valid JSON: ${(err as Error).message}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `sources[2] (id "lviv-oda-grants"): selectors.item: expected a CSS selector`. */
function issueLine(filePath: string, issue: z.core.$ZodIssue, entries: unknown[]): string {
  const [root, index, ...rest] = issue.path;
  let where = 'file';
  let fieldPath = issue.path;
  if (root === 'sources' && typeof index === 'number') {
    const raw = entries[index];
    const id = isRecord(raw) && typeof raw.id === 'string' && raw.id ? ` (id "${raw.id}")` : '';
    where = `sources[${index}]${id}`;
    fieldPath = rest;
  }
  const field = fieldPath
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
    .join('');
  return `${filePath}: ${where}: ${field ? `${field}: ` : ''}${message(issue)}`;
}

function message(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'is required';
  return issue.message.replace(/^Invalid input: /, '');
}
