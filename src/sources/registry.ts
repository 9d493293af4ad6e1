// Every source the service reads. Adding a source = one file in this folder + its fixtures +
// one line here (or one entry in generic/sources.json); the registry-wide test then checks it.
import decentralization from './decentralization.ts';
import ednannia from './ednannia.ts';
import egrants from './egrants.ts';
import euSedia from './eu-sedia.ts';
import euneighbourseast from './euneighbourseast.ts';
import { assertUniqueSourceIds, loadGenericSources, withGenericSources } from './generic/load.ts';
import gurt from './gurt.ts';
import houseOfEurope from './house-of-europe.ts';
import hromadyOrg from './hromady-org.ts';
import interregEurope from './interreg-europe.ts';
import interregHuskroua from './interreg-huskroua.ts';
import interregPlUa from './interreg-pl-ua.ts';
import interregRoua from './interreg-roua.ts';
import irf from './irf.ts';
import prostir from './prostir.ts';
import type { SourceDefinition } from './types.ts';
import ucf from './ucf.ts';
import undpUkraine from './undp-ukraine.ts';
import urbact from './urbact.ts';

const CODE_SOURCES: readonly SourceDefinition[] = [
  euSedia,
  prostir,
  decentralization,
  gurt,
  euneighbourseast,
  houseOfEurope,
  ucf,
  undpUkraine,
  interregPlUa,
  interregHuskroua,
  interregRoua,
  urbact,
  interregEurope,
  egrants,
  irf,
  ednannia,
  hromadyOrg,
];

/** The code-defined sources plus the bundled config-defined ones (src/sources/generic/sources.json). */
export const SOURCES: readonly SourceDefinition[] = withGenericSources(CODE_SOURCES);

/** SOURCES plus the editors' own file (SOURCES_FILE), checked for clashing ids. */
export function sourcesWith(extraFile: string | undefined): readonly SourceDefinition[] {
  if (!extraFile) return SOURCES;
  const extra = loadGenericSources(extraFile);
  assertUniqueSourceIds(SOURCES, extra, extraFile);
  return [...SOURCES, ...extra];
}

export function getSource(
  id: string,
  sources: readonly SourceDefinition[] = SOURCES,
): SourceDefinition | undefined {
  return sources.find((s) => s.id === id);
}
