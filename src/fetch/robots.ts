// robots.txt per RFC 9309: the group for our product token (else `*`), longest match wins, Allow
// wins a tie, `*` and `$` patterns. A missing file (4xx) allows everything; an unreachable one
// (5xx, network) means "not now", never "go ahead".

export interface RobotsRules {
  allow: string[];
  disallow: string[];
}

export const ALLOW_ALL: RobotsRules = { allow: [], disallow: [] };

/** Rules for `agent` (a product token such as "hromada-grants") from a robots.txt body. */
export function parseRobots(body: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  const groups: { agents: string[]; rules: RobotsRules }[] = [];
  let current: { agents: string[]; rules: RobotsRules } | null = null;
  let lastWasAgent = false;
  for (const rawLine of body.split(/\r?\n|\r/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: { allow: [], disallow: [] } };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' && value) current.rules.allow.push(value);
    if (key === 'disallow' && value) current.rules.disallow.push(value);
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  return {
    allow: chosen.flatMap((g) => g.rules.allow),
    disallow: chosen.flatMap((g) => g.rules.disallow),
  };
}

/** Whether `pathAndQuery` (e.g. "/news/grants/?page=2") may be fetched under `rules`. */
export function isAllowed(rules: RobotsRules, pathAndQuery: string): boolean {
  let best = -1;
  let allowed = true;
  const consider = (patterns: string[], verdict: boolean) => {
    for (const p of patterns) {
      if (!matches(p, pathAndQuery)) continue;
      const len = p.length;
      if (len > best || (len === best && verdict)) {
        best = len;
        allowed = verdict;
      }
    }
  };
  consider(rules.disallow, false);
  consider(rules.allow, true);
  return allowed;
}

const compiled = new Map<string, RegExp>();

function matches(pattern: string, path: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    const anchored = pattern.endsWith('$');
    const body = (anchored ? pattern.slice(0, -1) : pattern)
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${body}${anchored ? '$' : ''}`);
    compiled.set(pattern, re);
  }
  return re.test(decodeSafe(path));
}

function decodeSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
