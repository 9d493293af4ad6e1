// Serves the bundled fixtures from a local HTTP server so `run --fixtures` and the tests work
// offline. Each fixture case declares the real URL it stands for (<case>.expected.json); the
// fetcher's rewrite sends requests here and adapters still see the real URLs.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export interface FixtureCase {
  sourceId: string;
  name: string;
  file: string;
  url: string;
  method: 'GET' | 'POST';
  contentType: string;
  parser: 'list' | 'detail';
  link?: { url: string; hint: Record<string, unknown> };
  expected: unknown;
}

/** Every case under fixtures/sources/<id>/, in a stable order. */
export function loadFixtureCases(root = path.join(FIXTURES_DIR, 'sources')): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const sourceId of readdirSync(root).sort()) {
    const dir = path.join(root, sourceId);
    let files: string[];
    try {
      files = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      if (!f.endsWith('.expected.json')) continue;
      const name = f.slice(0, -'.expected.json'.length);
      const doc = files.find((g) => g !== f && g.startsWith(`${name}.`) && !g.endsWith('.expected.json'));
      if (!doc)
        throw new Error(`fixtures/sources/${sourceId}/${f} has no document beside it (${name}.<ext>)`);
      const meta = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
      cases.push({ sourceId, name, file: path.join(dir, doc), method: 'GET', ...meta });
    }
  }
  return cases;
}

/** The date the fixtures were captured: "today" for `--fixtures` runs, so they do not rot. */
export function fixturesCapturedOn(): string {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'fixtures.json'), 'utf8')).capturedOn;
}

export interface FixtureServer {
  origin: string;
  /** "127.0.0.1:<port>", for the fetcher's SSRF allow-list. */
  host: string;
  rewrite(url: string): string;
  /** Requests served, for tests and the summary. */
  hits: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(cases = loadFixtureCases()): Promise<FixtureServer> {
  const routes = new Map<string, FixtureCase>();
  for (const c of cases) {
    routes.set(`${c.method} ${c.url}`, c);
  }
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const wanted = new URL(req.url ?? '/', 'http://x').searchParams.get('url') ?? '';
    // Exact URLs only: canonical forms would fold list pages (?page=2) into one.
    const hit = routes.get(`${req.method} ${wanted}`);
    hits.push(`${req.method} ${wanted}`);
    req.resume();
    if (!hit) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`no fixture for ${req.method} ${wanted}`);
      return;
    }
    res.writeHead(200, { 'content-type': hit.contentType }).end(readFileSync(hit.file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    host: new URL(origin).host,
    hits,
    rewrite: (url) => `${origin}/fetch?url=${encodeURIComponent(url)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
