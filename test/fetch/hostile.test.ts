// The web at its worst: redirects into the local network, endless hops, robots rules, anti-bot
// walls, hosts hammered in parallel. Every case ends in a typed answer, never a request it must not make.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/client.ts';
import { FetchError } from '../../src/fetch/errors.ts';
import { BlockedAddressError, checkUrl, guardedLookup, isBlockedAddress } from '../../src/fetch/guard.ts';
import { isAllowed, parseRobots } from '../../src/fetch/robots.ts';

let server: http.Server;
let base: string;
let host: string;
let inFlight = 0;
let maxInFlight = 0;
let robotsStatus = 200;
const robotsBody =
  'User-agent: *\nDisallow: /private/\n\nUser-agent: hromada-grants\nDisallow: /no-bots/\nAllow: /no-bots/open$\n';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
    if (url.pathname === '/robots.txt') return void res.writeHead(robotsStatus).end(robotsBody);
    if (hop) {
      const n = Number(hop[1]);
      return void res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/ok' }).end();
    }
    switch (url.pathname) {
      case '/ok':
      case '/no-bots/open':
      case '/private/x':
      case '/no-bots/x':
        return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok');
      case '/to-loopback':
        return void res.writeHead(302, { location: 'http://127.0.0.1/admin' }).end();
      case '/to-private':
        return void res.writeHead(301, { location: 'http://10.0.0.5/' }).end();
      case '/to-metadata':
        return void res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      case '/to-mapped':
        return void res.writeHead(302, { location: 'http://[::ffff:127.0.0.1]/' }).end();
      case '/to-file':
        return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      case '/cloudflare':
        return void res
          .writeHead(403, { 'content-type': 'text/html' })
          .end(
            '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="challenge-platform"></div></body></html>',
          );
      case '/forbidden':
        return void res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Forbidden</h1>');
      case '/login':
        return void res.writeHead(401, { 'www-authenticate': 'Basic' }).end();
      case '/drip': {
        // One byte at a time, forever: each byte resets an idle timer, only the overall deadline ends it.
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('x'), 100);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/slow-ok':
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          res.writeHead(200).end('ok');
        }, 30);
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

// Only this server's exact host:port is opened: loopback elsewhere stays refused.
const fetcher = (extra = {}) =>
  createFetcher({
    timeoutMs: 2000,
    maxBytes: 1 << 20,
    userAgent: 'hromada-grants/test',
    guard: { allowHosts: [host] },
    ...extra,
  });

async function failure(path: string, f = fetcher()): Promise<FetchError> {
  const err = await f.fetch({ url: base + path }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('SSRF guard', () => {
  it.each([
    ['/to-loopback', /127\.0\.0\.1/],
    ['/to-private', /10\.0\.0\.5/],
    ['/to-metadata', /169\.254\.169\.254/],
    ['/to-mapped', /::ffff:127\.0\.0\.1|::ffff:7f00:1/],
    ['/to-file', /must start with .http:. or .https:./],
  ])('refuses a redirect %s as permanent', async (path, message) => {
    const err = await failure(path);
    expect(err.errorClass).toBe('permanent');
    expect(err.message).toMatch(message);
  });

  it('refuses a direct request to a private address or an odd port before connecting', async () => {
    const f = fetcher();
    for (const url of [
      'http://192.168.1.1/',
      'http://[fd00::1]/',
      'http://localhost/',
      'https://example.org:8443/',
    ]) {
      const err = await f.fetch({ url }).catch((e) => e);
      expect(err).toMatchObject({ errorClass: 'permanent' });
      expect(err.message).toMatch(/^blocked: /);
    }
  });

  it('checks the address a name resolves to, not only the name', async () => {
    const err = await new Promise<Error | null>((resolve) =>
      guardedLookup()('localhost', {}, (e) => resolve(e as Error | null)),
    );
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect(err!.message).toMatch(/resolves to (127\.0\.0\.1|::1)/);
  });

  it.each([
    ['127.0.0.1', true],
    ['10.20.30.40', true],
    ['172.16.5.4', true],
    ['172.32.0.1', false],
    ['192.168.0.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fc00::1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:a00:1', true],
    ['8.8.8.8', false],
    ['2001:4860:4860::8888', false],
  ])('isBlockedAddress(%s) = %s', (ip, blocked) => {
    expect(isBlockedAddress(ip)).toBe(blocked);
  });

  it('opens only the allow-listed host:port', () => {
    expect(() => checkUrl(new URL('http://127.0.0.1:9/'), { allowHosts: ['127.0.0.1:8080'] })).toThrow(
      BlockedAddressError,
    );
    expect(() =>
      checkUrl(new URL('http://127.0.0.1:8080/'), { allowHosts: ['127.0.0.1:8080'] }),
    ).not.toThrow();
  });
});

describe('redirects', () => {
  it('follows a short chain', async () => {
    const res = await fetcher().fetch({ url: `${base}/hop/3` });
    expect(res.changed).toBe(true);
  });

  it('gives up on a 25-hop chain as permanent', async () => {
    const err = await failure('/hop/25');
    expect(err.errorClass).toBe('permanent');
    expect(err.message).toMatch(/redirect/i);
  });
});

describe('robots.txt', () => {
  it('follows the group for our product token, longest match winning', () => {
    const rules = parseRobots(robotsBody, 'hromada-grants');
    expect(isAllowed(rules, '/no-bots/x')).toBe(false);
    expect(isAllowed(rules, '/no-bots/open')).toBe(true);
    // Our own group replaces `*`: its rules do not add up.
    expect(isAllowed(rules, '/private/x')).toBe(true);
    expect(isAllowed(parseRobots(robotsBody, 'otherbot'), '/private/x')).toBe(false);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /*.pdf$', 'x'), '/a/b.pdf')).toBe(false);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /*.pdf$', 'x'), '/a/b.pdf?x=1')).toBe(true);
  });

  it('refuses a disallowed path as permanent and fetches allowed ones', async () => {
    robotsStatus = 200;
    const f = fetcher();
    expect((await failure('/no-bots/x', f)).message).toMatch(/robots\.txt .* disallows/);
    expect((await f.fetch({ url: `${base}/no-bots/open` })).changed).toBe(true);
  });

  it('treats a missing robots.txt (4xx) as allowing everything', async () => {
    robotsStatus = 404;
    expect((await fetcher().fetch({ url: `${base}/no-bots/x` })).changed).toBe(true);
  });

  it('defers when robots.txt answers 5xx', async () => {
    robotsStatus = 503;
    const err = await failure('/ok');
    expect(err.errorClass).toBe('throttled');
    expect(err.message).toMatch(/robots\.txt answered HTTP 503/);
    robotsStatus = 200;
  });
});

describe('walls', () => {
  it('reports a Cloudflare challenge as throttled, never as content', async () => {
    const err = await failure('/cloudflare');
    expect(err.errorClass).toBe('throttled');
    expect(err.message).toMatch(/anti-bot challenge/);
  });

  it('reports a plain 403 and a login wall as permanent', async () => {
    expect((await failure('/forbidden')).errorClass).toBe('permanent');
    expect((await failure('/login')).message).toMatch(/behind a login/);
  });
});

describe('slow servers', () => {
  it('ends a response that drips one byte at a time at the overall deadline', async () => {
    const err = await failure('/drip', fetcher({ timeoutMs: 700 }));
    expect(err.errorClass).toBe('transient');
    expect(err.message).toMatch(/timed out/);
  });
});

describe('politeness', () => {
  it('never has two requests in flight to one host', async () => {
    maxInFlight = 0;
    const f = fetcher({ minDelayMs: 1 });
    await Promise.all(Array.from({ length: 5 }, () => f.fetch({ url: `${base}/slow-ok` })));
    expect(maxInFlight).toBe(1);
  });
});
