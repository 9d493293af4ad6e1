// The contract every source adapter fulfils. Adapters only read documents and return items:
// retries, pacing, caching and storage belong to fetch/ and the pipeline, tuned by this metadata.
import type { RawItemInput } from '../calls/schema.ts';

/** One HTTP request a source needs made. */
export interface SourceRequest {
  url: string;
  method?: 'GET' | 'POST';
  /** Request body (POST), sent as-is. */
  body?: string;
  headers?: Record<string, string>;
}

/** A fetched, decoded document handed to an adapter. */
export interface FetchedDocument {
  /** The URL as the adapter asked for it (the real site's URL, even in fixtures mode). */
  url: string;
  status: number;
  contentType: string | null;
  /** Body decoded to a JS string with the right charset. */
  text: string;
}

/** A link from a list page to a detail page, with what the list already told about the item. */
export interface DetailLink {
  url: string;
  hint: Partial<RawItemInput>;
}

export interface ListResult {
  /** Items complete without a detail page. */
  items: RawItemInput[];
  /** Items that need their detail page fetched and given to `parseDetail`. */
  details?: DetailLink[];
  /** Further list pages (pagination); followed up to the source's `maxPages`. */
  next?: SourceRequest[];
}

export interface SourceDefinition {
  /** Stable id: file name, fixtures folder, database key. Lowercase, dashes. */
  id: string;
  /** Human name as editors know it (Ukrainian or the site's own). */
  name: string;
  /** Who funds or organizes the calls this source lists, when it is one donor. */
  donor?: string;
  kind: 'rss' | 'html' | 'json' | 'wordpress';
  /**
   * What the source is to the calls it lists; decides which copy of a call is primary. Default:
   * 'donor' when `donor` is set (the donor's own site), else 'aggregator'.
   */
  role?: 'donor' | 'aggregator' | 'news';
  /** The site's public page for people (used in reports and the catalogue's footer). */
  homepage: string;
  /**
   * true when the parser was written against real markup/responses; false when the real markup
   * was not available and the adapter follows the most plausible structure.
   */
  verified: boolean;
  enabled?: boolean;
  /** Minimum delay between requests to this source's host, ms. */
  minDelayMs?: number;
  /** At most this many items per run (detail pages are the expensive part). Default 100. */
  maxItems?: number;
  /** List pages read per run, the first included (pagination via `ListResult.next`). Default 1. */
  maxPages?: number;
  /** The first request(s): list pages, feed URLs or API calls. */
  start: SourceRequest[];
  parseList(doc: FetchedDocument): ListResult;
  parseDetail?(doc: FetchedDocument, link: DetailLink): RawItemInput | null;
}

/**
 * Thrown by an adapter when the document does not have the shape it expects (layout changed,
 * an error page served with 200): permanent for this run, no retry helps.
 */
export class SourceFormatError extends Error {
  override name = 'SourceFormatError';
}
