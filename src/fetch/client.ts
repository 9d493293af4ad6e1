// The only outbound HTTP client: undici with an injected Dispatcher, hard time and size limits,
// bounded redirects, conditional GET and charset decoding. Failures come out typed (errors.ts).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, type Dispatcher, interceptors, request } from 'undici';
import type { FetchedDocument, SourceRequest } from '../sources/types.ts';
import { decodeBody } from './charset.ts';
import { FetchError, parseRetryAfter, permanent, throttled, transient } from './errors.ts';

export interface FetcherOptions {
  /** Where requests go: the production Agent, a MockAgent, or anything else a test injects. */
  dispatcher?: Dispatcher;
  /** Whole-request deadline (connect + headers + body). */
  timeoutMs: number;
  /** Cap on the body, checked on Content-Length and again while reading the decompressed bytes. */
  maxBytes: number;
  userAgent: string;
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

export function defaultDispatcher(timeoutMs: number): Dispatcher {
  return new Agent({ connect: { timeout: Math.min(timeoutMs, 10_000) } }).compose(
    interceptors.redirect({ maxRedirections: MAX_REDIRECTS }),
  );
}

export interface Fetcher {
  fetch(req: SourceRequest, previous?: Validators | null): Promise<FetchResult>;
}

export function createFetcher(opts: FetcherOptions): Fetcher {
  const dispatcher = opts.dispatcher ?? defaultDispatcher(opts.timeoutMs);
  return {
    async fetch(req, previous) {
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

      const signal = AbortSignal.timeout(opts.timeoutMs);
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
        throw classifyNetworkError(req.url, err);
      }

      const status = res.statusCode;
      if (status === 304) {
        res.body.resume();
        return { changed: false, reason: 'not-modified' };
      }
      if (status >= 300) {
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
    },
  };
}

function header(res: Dispatcher.ResponseData, name: string): string | null {
  const v = res.headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

function statusError(url: string, status: number, retryAfter: string | null): FetchError {
  if (status === 429 || (status === 503 && retryAfter))
    return throttled(url, `HTTP ${status}: the server asks to slow down`, parseRetryAfter(retryAfter));
  if (status >= 500) return transient(url, `HTTP ${status} from the server`);
  if (status >= 300 && status < 400)
    return permanent(url, `HTTP ${status}: more than ${MAX_REDIRECTS} redirects`);
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
  if (code === 'UND_ERR_REDIRECT' || /redirect/i.test(e?.message ?? ''))
    return permanent(url, `redirect failed: ${e.message}`, err);
  if (code === 'ENOTFOUND') return transient(url, `host not found (${code})`, err);
  if (code === 'ERR_INVALID_URL' || e instanceof TypeError)
    return permanent(url, `invalid request: ${e.message}`, err);
  return transient(url, `network error: ${e?.message ?? String(err)} (${code})`, err);
}
