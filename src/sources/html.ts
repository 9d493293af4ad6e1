// HTML helpers for adapters: one way to turn markup into plain text and links into absolute URLs.

import type { Cheerio } from 'cheerio';
import * as cheerio from 'cheerio';
import { cleanText } from '../calls/text.ts';

/** A parsed node (cheerio does not re-export domhandler's type). */
type AnyNode = Exclude<Parameters<typeof cheerio.load>[0], string | Buffer | readonly unknown[]>;

const BLOCK = 'p, div, li, h1, h2, h3, h4, h5, h6, tr, br, section, article, header, footer, blockquote';
const CELL = 'td, th';

/**
 * Plain text of HTML, paragraphs kept as line breaks, table cells kept apart, scripts and styles
 * dropped. Give it an element an adapter already parsed rather than its .html(): parsing the same
 * page twice is the slowest thing an adapter can do.
 */
export function htmlToText(input: string | Cheerio<AnyNode>): string {
  const root = typeof input === 'string' ? cheerio.load(input, null, false).root() : input.clone();
  root.find('script, style, noscript, template, iframe, svg').remove();
  root.find(BLOCK).before('\n').after('\n');
  root.find(CELL).after(' ');
  return cleanText(root.text());
}

/** `href` resolved against `base`; null for javascript:, mailto: and unparsable links. */
export function absoluteUrl(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
