// Every source the service reads. Adding a source = one file in this folder + its fixtures +
// one line here; the registry-wide test then checks it like every other.
import decentralization from './decentralization.ts';
import euSedia from './eu-sedia.ts';
import prostir from './prostir.ts';
import type { SourceDefinition } from './types.ts';

export const SOURCES: readonly SourceDefinition[] = [euSedia, prostir, decentralization];

export function getSource(id: string): SourceDefinition | undefined {
  return SOURCES.find((s) => s.id === id);
}
