// The only outbound HTTP client: undici with an injected Dispatcher, hard time and size limits,
// bounded redirects re-checked by the SSRF guard, robots.txt, per-host pacing, conditional GET and
// charset decoding. Failures come out typed (errors.ts).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, type Dispatcher, interceptors, request } from 'undici';
import type { FetchedDocument, SourceRequest } from '../sources/types.ts';
import { decodeBody } from './charset.ts';
import { FetchError, parseRetryAfter, permanent, throttled, transient } from './errors.ts';
import {
  BlockedAddressError,
  checkUrl,
  type GuardOptions,
  guardedLookup,
  guardInterceptor,
} from './guard.ts';
import { ALLOW_ALL, isAllowed, parseRobots, type RobotsRules } from './robots.ts';

export interface FetcherOptions {
  /** Where requests go: the production Agent, a MockAgent, or anything else a test injects. */
  dispatcher?: Dispatcher;
  /** Whole-request deadline (connect + headers + body). */
  timeoutMs: number;
  /** Cap on the body, checked on Content-Length and again while reading the decompressed bytes. */
  maxBytes: number;
  userAgent: string;
  /** The product token robots.txt groups are matched against. */
  robotsAgent?: string;
  /** false skips robots.txt (benchmarks against a local server). Default true. */
  robots?: boolean;
  /** Minimum gap between two requests to one host, ms; requests to one host never overlap. 0 = off. */
  minDelayMs?: number;
  /** false lets requests to one host overlap (benchmarks against a local server only). Default true. */
  oneAtATimePerHost?: boolean;
  guard?: GuardOptions;
  /**
   * Maps the real URL to the one actually requested (fixtures mode serves the bundled fixtures
   * from a local server). Adapters always see the real URL.
   */
  rewrite?: (url: string) => string;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
  bodySha256: string | null;
}

export type FetchResult =
  | { changed: false; reason: 'not-modified' | 'same-body' }
  | { changed: true; doc: FetchedDocument; validators: Validators; bytes: number };

export const MAX_REDIRECTS = 5;
/** Bytes of an error page read to recognise an anti-bot challenge. */
const CHALLENGE_SNIFF_BYTES = 64 * 1024;
const CHALLENGE =
  /cf-chl|challenge-platform|cf-browser-verification|Just a moment\.\.\.|Attention Required! \| Cloudflare|ddos-guard|captcha/i;

/**
 * The guard sits below the redirect interceptor so every hop is checked, and the Agent's lookup
 * checks the address really connected to.
 */
export function buildDispatcher(timeoutMs: number, guard: GuardOptions = {}, base?: Dispatcher): Dispatcher {
  const agent =
    base ?? new Agent({ connect: { timeout: Math.min(timeoutMs, 10_000), lookup: guardedLookup(guard) } });
  return agent.compose(guardInterceptor(guard), interceptors.redirect({ maxRedirections: MAX_REDIRECTS }));
}

export interface FetchOptions {
  /** Overrides the fetcher's per-host delay for this request (a source's politeness setting). */
  minDelayMs?: number;
}

export interface Fetcher {
  fetch(req: SourceRequest, previous?: Validators | null, options?: FetchOptions): Promise<FetchResult>;
}

export function createFetcher(opts: FetcherOptions): Fetcher {
  const dispatcher = buildDispatcher(opts.timeoutMs, opts.guard, opts.dispatcher);
  const robots = new Map<string, Promise<RobotsRules>>();
  const pacer = new HostPacer();
  const agentToken = opts.robotsAgent ?? 'hromada-grants';

  const robotsFor = (url: URL): Promise<RobotsRules> => {
    let rules = robots.get(url.origin);
    if (!rules) {
      rules = fetchRobots(`${url.origin}/robots.txt`);
      robots.set(url.origin, rules);
      // A failed lookup is retried on the next request rather than cached for the whole run.
      rules.catch(() => robots.delete(url.origin));
    }
    return rules;
  };

  const fetchRobots = async (robotsUrl: string): Promise<RobotsRules> => {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(opts.rewrite ? opts.rewrite(robotsUrl) : robotsUrl, {
        dispatcher,
        headers: { 'user-agent': opts.userAgent },
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch (err) {
      // Unreachable host: the same failure the page itself would have, said about robots.txt.
      const e = classifyNetworkError(robotsUrl, err);
      throw new FetchError(e.errorClass, robotsUrl, `robots.txt: ${e.message}`, e.retryAfterMs, {
        cause: err,
      });
    }
    if (res.statusCode >= 500) {
      res.body.resume();
      throw throttled(
        robotsUrl,
        `robots.txt answered HTTP ${res.statusCode}: deferring until it answers`,
        null,
      );
    }
    if (res.statusCode >= 400) {
      res.body.resume();
      return ALLOW_ALL;
    }
    const bytes = await readCapped(robotsUrl, res, 512 * 1024, AbortSignal.timeout(opts.timeoutMs));
    return parseRobots(decodeBody(bytes, header(res, 'content-type')).text, agentToken);
  };

  return {
    async fetch(req, previous, options) {
      let url: URL;
      try {
        url = new URL(req.url);
        checkUrl(url, opts.guard);
      } catch (err) {
        throw permanent(
          req.url,
          err instanceof BlockedAddressError ? `blocked: ${err.message}` : 'not a valid URL',
          err,
        );
      }
      if (opts.robots !== false && !isAllowed(await robotsFor(url), url.pathname + url.search))
        throw permanent(req.url, `robots.txt of ${url.host} disallows this path for ${agentToken}`);
      if (opts.oneAtATimePerHost === false) return fetchOnce(req, previous);
      return pacer.run(url.host, options?.minDelayMs ?? opts.minDelayMs ?? 0, () => fetchOnce(req, previous));
    },
  };

  async function fetchOnce(
    req: SourceRequest,
    previous: Validators | null | undefined,
  ): Promise<FetchResult> {
    const target = opts.rewrite ? opts.rewrite(req.url) : req.url;
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent,
      accept:
        'text/html,application/xhtml+xml,application/xml,application/rss+xml,application/json;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'uk,en;q=0.8',
      ...req.headers,
    };
    if (previous?.etag) headers['if-none-match'] = previous.etag;
    if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;

    const deadline = startDeadline(opts.timeoutMs);
    const signal = deadline.signal;
    let res: Dispatcher.ResponseData;
    try {
      res = await request(target, {
        method: req.method ?? 'GET',
        headers,
        body: req.body,
        dispatcher,
        signal,
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
      });
    } catch (err) {
      deadline.cancel();
      throw classifyNetworkError(req.url, err);
    }
    // The deadline covers the body too, one drained in the background after an error status included.
    res.body.once('close', deadline.cancel);

    const status = res.statusCode;
    if (status === 304) {
      res.body.resume();
      return { changed: false, reason: 'not-modified' };
    }
    if (status >= 300) {
      if ((status === 403 || status === 503) && (await isChallenge(req.url, res)))
        throw throttled(
          req.url,
          `HTTP ${status}: anti-bot challenge page (not bypassed; the site needs an allowed channel)`,
          parseRetryAfter(header(res, 'retry-after')),
        );
      res.body.resume();
      throw statusError(req.url, status, header(res, 'retry-after'));
    }
    const declared = Number(header(res, 'content-length') ?? Number.NaN);
    if (declared > opts.maxBytes) {
      res.body.destroy();
      throw permanent(req.url, `response is ${declared} bytes, over the ${opts.maxBytes}-byte limit`);
    }
    const bytes = await readCapped(req.url, res, opts.maxBytes, signal);
    const bodySha256 = createHash('sha256').update(bytes).digest('hex');
    if (previous?.bodySha256 === bodySha256) return { changed: false, reason: 'same-body' };

    const contentType = header(res, 'content-type');
    const { text } = decodeBody(bytes, contentType);
    return {
      changed: true,
      bytes: bytes.byteLength,
      doc: { url: req.url, status, contentType, text },
      validators: { etag: header(res, 'etag'), lastModified: header(res, 'last-modified'), bodySha256 },
    };
  }
}

/**
 * The whole-request deadline. Unlike AbortSignal.timeout(), its timer is cleared as soon as the
 * response is over, so a finished request leaves no pending timer (or weak reference) behind.
 */
function startDeadline(ms: number): { signal: AbortSignal; cancel(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no complete response within ${ms} ms`, 'TimeoutError')),
    ms,
  );
  timer.unref();
  return { signal: controller.signal, cancel: () => clearTimeout(timer) };
}

async function isChallenge(url: string, res: Dispatcher.ResponseData): Promise<boolean> {
  try {
    const head = await readCapped(url, res, CHALLENGE_SNIFF_BYTES, AbortSignal.timeout(5000));
    return (
      CHALLENGE.test(Buffer.from(head).toString('latin1')) || res.headers['cf-mitigated'] === 'challenge'
    );
  } catch {
    res.body.destroy();
    return res.headers['cf-mitigated'] === 'challenge';
  }
}

/**
 * One request at a time per host, at least `delayMs` apart. Different hosts proceed in parallel.
 */
class HostPacer {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly last = new Map<string, number>();

  run<T>(host: string, delayMs: number, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(host) ?? Promise.resolve();
    const result = prev.then(async () => {
      const wait = (this.last.get(host) ?? 0) + delayMs - Date.now();
      if (delayMs > 0 && wait > 0) await new Promise((r) => setTimeout(r, wait));
      try {
        return await task();
      } finally {
        this.last.set(host, Date.now());
      }
    });
    this.tails.set(
      host,
      result.then(
        () => {},
        () => {},
      ),
    );
    return result;
  }
}

function header(res: Dispatcher.ResponseData, name: string): string | null {
  const v = res.headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

function statusError(url: string, status: number, retryAfter: string | null): FetchError {
  if (status === 429 || (status === 503 && retryAfter))
    return throttled(url, `HTTP ${status}: the server asks to slow down`, parseRetryAfter(retryAfter));
  if (status >= 500) return transient(url, `HTTP ${status} from the server`);
  if (status === 408) return transient(url, 'HTTP 408: the server timed out');
  if (status >= 300 && status < 400)
    return permanent(url, `HTTP ${status}: more than ${MAX_REDIRECTS} redirects`);
  if (status === 401) return permanent(url, 'HTTP 401: the page is behind a login');
  if (status === 404 || status === 410)
    return permanent(url, `HTTP ${status}: the page is gone (has the site moved it?)`);
  return permanent(url, `HTTP ${status}`);
}

/** Reads the (decompressed) body, failing as soon as it passes `max` bytes. */
async function readCapped(
  url: string,
  res: Dispatcher.ResponseData,
  max: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const encoding = (header(res, 'content-encoding') ?? 'identity').toLowerCase().trim();
  let stream: Readable = res.body;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.body.pipe(zlib.createGunzip());
  else if (encoding === 'deflate') stream = res.body.pipe(zlib.createInflate());
  else if (encoding === 'br') stream = res.body.pipe(zlib.createBrotliDecompress());
  else if (encoding !== 'identity') {
    res.body.destroy();
    throw permanent(url, `unsupported Content-Encoding "${encoding}"`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > max) throw permanent(url, `response passed the ${max}-byte limit (after decompression)`);
      chunks.push(chunk);
    }
  } catch (err) {
    res.body.destroy();
    if (stream !== res.body) stream.destroy();
    if (err instanceof FetchError) throw err;
    if (signal.aborted) throw transient(url, 'timed out while reading the response body', err);
    if (
      err instanceof Error &&
      /zlib|incorrect header|unexpected end/i.test(`${err.message} ${(err as NodeJS.ErrnoException).code}`)
    )
      throw permanent(url, `corrupt compressed body: ${err.message}`, err);
    throw classifyNetworkError(url, err);
  }
  return Buffer.concat(chunks);
}

function classifyNetworkError(url: string, err: unknown): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as NodeJS.ErrnoException & { name?: string };
  const code = e?.code ?? e?.name ?? 'unknown';
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || /TIMEOUT/.test(code))
    return transient(url, `timed out (${code})`, err);
  if (
    err instanceof BlockedAddressError ||
    code === 'ERR_BLOCKED_ADDRESS' ||
    e?.cause instanceof BlockedAddressError
  )
    return permanent(url, `blocked: ${(e?.cause as Error | undefined)?.message ?? e.message}`, err);
  if (code === 'UND_ERR_REDIRECT' || /redirect/i.test(e?.message ?? ''))
    return permanent(url, `redirect failed: ${e.message}`, err);
  if (code === 'ENOTFOUND') return transient(url, `host not found (${code})`, err);
  if (code === 'ERR_INVALID_URL' || code === 'UND_ERR_INVALID_ARG' || e instanceof TypeError)
    return permanent(url, `invalid request: ${e.message}`, err);
  return transient(url, `network error: ${e?.message ?? String(err)} (${code})`, err);
}
