import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { MockAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, type FetchResult } from '../../src/fetch/client.ts';
import { FetchError } from '../../src/fetch/errors.ts';

const UK = 'Конкурс для громад: прийом заявок триває до 15 грудня 2026 року. Ґанок, їжак, єдність.';

// A real local server: every route is one way a source site can behave.
const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
  '/utf8': (_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<p>${UK}</p>`),
  '/cp1251-header': (_, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=windows-1251' })
      .end(iconv.encode(`<p>${UK}</p>`, 'win1251')),
  '/cp1251-meta': (_, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        iconv.encode(`<html><head><meta charset="windows-1251"></head><body>${UK}</body></html>`, 'win1251'),
      ),
  '/cp1251-lying': (_, res) =>
    // Says UTF-8, sends windows-1251: the bytes win.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(iconv.encode(UK, 'win1251')),
  '/koi8-undeclared': (_, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end(iconv.encode(UK, 'koi8-u')),
  '/gzip': (_, res) =>
    res
      .writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip' })
      .end(zlib.gzipSync(UK)),
  '/br': (_, res) =>
    res
      .writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'br' })
      .end(zlib.brotliCompressSync(UK)),
  '/gzip-bomb': (_, res) =>
    res
      .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
      .end(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x41))),
  '/big-declared': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
    res.end();
  },
  '/big-chunked': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 0x42);
    let sent = 0;
    const pump = () => {
      while (sent < 40 && res.write(chunk)) sent++;
      if (sent < 40) res.once('drain', pump);
      else res.end();
    };
    pump();
  },
  '/slow': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('a');
    // Never finishes: only the deadline ends this.
  },
  '/500': (_, res) => res.writeHead(500).end('oops'),
  '/404': (_, res) => res.writeHead(404).end('gone'),
  '/429': (_, res) => res.writeHead(429, { 'retry-after': '120' }).end(),
  '/loop': (_, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/hop': (_, res) => res.writeHead(301, { location: '/utf8' }).end(),
  '/etag': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
    res.writeHead(200, { etag: '"v1"', 'content-type': 'text/plain; charset=utf-8' }).end('first');
  },
  '/no-validators': (_, res) =>
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('same body'),
};

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const handler = routes[req.url ?? ''];
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

// The server is on loopback, which the SSRF guard refuses unless allowed.
const LOOPBACK = { allowHosts: ['127.0.0.1'] };
const fetcher = () =>
  createFetcher({
    timeoutMs: 1500,
    maxBytes: 1024 * 1024,
    userAgent: 'hromada-grants-test',
    guard: LOOPBACK,
  });

async function text(path: string): Promise<string> {
  const res = await fetcher().fetch({ url: base + path });
  if (!res.changed) throw new Error('expected a document');
  return res.doc.text;
}

async function failure(path: string): Promise<FetchError> {
  const err = await fetcher()
    .fetch({ url: base + path })
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('decoding', () => {
  it.each([
    ['UTF-8', '/utf8'],
    ['windows-1251 declared in the header', '/cp1251-header'],
    ['windows-1251 declared in <meta>', '/cp1251-meta'],
    ['windows-1251 served as "utf-8"', '/cp1251-lying'],
    ['undeclared KOI8-U', '/koi8-undeclared'],
    ['gzip', '/gzip'],
    ['brotli', '/br'],
  ])('reads Ukrainian text correctly: %s', async (_, path) => {
    expect(await text(path)).toContain(UK);
  });
});

describe('typed failures', () => {
  it.each([
    ['/500', 'transient', /HTTP 500/],
    ['/404', 'permanent', /HTTP 404/],
    ['/429', 'throttled', /slow down/],
    ['/loop', 'permanent', /redirect/i],
    ['/slow', 'transient', /timed out/],
    ['/gzip-bomb', 'permanent', /limit/],
    ['/big-declared', 'permanent', /over the \d+-byte limit/],
    ['/big-chunked', 'permanent', /limit/],
  ])('%s → %s', async (path, errorClass, message) => {
    const err = await failure(path);
    expect(err.errorClass).toBe(errorClass);
    expect(err.message).toMatch(message);
    expect(err.url).toBe(base + path);
  });

  it('keeps the Retry-After a server asked for', async () => {
    expect((await failure('/429')).retryAfterMs).toBe(120_000);
  });

  it('follows a redirect to the final page', async () => {
    expect(await text('/hop')).toContain(UK);
  });
});

describe('conditional GET', () => {
  it('sends the stored ETag and reports "not modified" on 304', async () => {
    const f = fetcher();
    const first = (await f.fetch({ url: `${base}/etag` })) as Extract<FetchResult, { changed: true }>;
    expect(first.validators.etag).toBe('"v1"');
    expect(await f.fetch({ url: `${base}/etag` }, first.validators)).toEqual({
      changed: false,
      reason: 'not-modified',
    });
  });

  it('reports an unchanged body by its hash when the server has no validators', async () => {
    const f = fetcher();
    const first = (await f.fetch({ url: `${base}/no-validators` })) as Extract<
      FetchResult,
      { changed: true }
    >;
    expect(await f.fetch({ url: `${base}/no-validators` }, first.validators)).toEqual({
      changed: false,
      reason: 'same-body',
    });
  });
});

describe('injected dispatcher', () => {
  it('sends requests through the dispatcher it is given (no network)', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const api = agent.get('https://api.example.eu');
    api.intercept({ path: '/robots.txt' }).reply(404, 'not found');
    api
      .intercept({ path: '/search?q=1', method: 'POST', body: '{"x":1}' })
      .reply(200, { results: [] }, { headers: { 'content-type': 'application/json' } });
    const f = createFetcher({ dispatcher: agent, timeoutMs: 1000, maxBytes: 1024, userAgent: 'ua' });
    const res = await f.fetch({ url: 'https://api.example.eu/search?q=1', method: 'POST', body: '{"x":1}' });
    expect(res.changed && JSON.parse(res.doc.text)).toEqual({ results: [] });
    await agent.close();
  });

  it('rewrites the address it fetches while adapters keep seeing the real URL', async () => {
    const f = createFetcher({
      timeoutMs: 1000,
      maxBytes: 1024 * 1024,
      userAgent: 'ua',
      guard: LOOPBACK,
      rewrite: () => `${base}/utf8`,
    });
    const res = await f.fetch({ url: 'https://decentralization.gov.ua/news/1' });
    expect(res.changed && res.doc.url).toBe('https://decentralization.gov.ua/news/1');
  });
});
