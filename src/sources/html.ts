// HTML helpers for adapters: one way to parse a page, one way to turn markup into plain text and
// links into absolute URLs.

import type { Cheerio, CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanText } from '../calls/text.ts';

/** A parsed node (cheerio does not re-export domhandler's type). */
export type AnyNode = Exclude<Parameters<typeof cheerio.load>[0], string | Buffer | readonly unknown[]>;

/** The parts of domhandler's nodes the text walk reads. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

/**
 * htmlparser2 in HTML mode (not XML: tag and attribute names lowercased, void elements known);
 * .html() writes characters as they are, as with parse5, not as numeric entities.
 */
const HTMLPARSER2 = { xml: { xmlMode: false, decodeEntities: true, encodeEntities: 'utf8' } } as const;

/**
 * A page of an adapter's own source, parsed with htmlparser2 rather than cheerio's default parse5:
 * about 2.5× faster, and the tree is the same for the well-formed markup these sites serve (each
 * adapter's fixtures pin that). What parse5 adds is the browser's error recovery (implied
 * `<tbody>`, tables' misplaced text moved out, `<html>/<head>/<body>` always present), which
 * selectors copied from a browser's inspector can rely on: config-defined sources keep parse5.
 * Line ends are normalized as a browser (and parse5) would, so text comes out the same.
 */
export function loadHtml(text: string): CheerioAPI {
  return cheerio.load(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, HTMLPARSER2);
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg']);
const BLOCK = new Set('p div li h1 h2 h3 h4 h5 h6 tr br section article header footer blockquote'.split(' '));
const CELL = new Set(['td', 'th']);

/**
 * Plain text of HTML, paragraphs kept as line breaks, table cells kept apart, scripts and styles
 * dropped. Give it an element an adapter already parsed rather than its .html(): parsing the same
 * page twice is the slowest thing an adapter can do. The given elements themselves are not
 * decorated (a `<p>` handed in is not wrapped in line breaks), only what is inside them.
 */
export function htmlToText(input: string | Cheerio<AnyNode>): string {
  const roots = typeof input === 'string' ? cheerio.load(input, null, false).root() : input;
  const out: string[] = [];
  for (let i = 0; i < roots.length; i++) collectText(roots[i] as unknown as DomNode, out, true);
  return cleanText(out.join(''));
}

/** One walk over the tree instead of cloning it and inserting line-break nodes. */
function collectText(node: DomNode, out: string[], isRoot: boolean): void {
  if (node.type === 'text') {
    out.push(node.data ?? '');
    return;
  }
  if (node.type === 'comment' || !node.children) return;
  const name = isRoot ? undefined : node.name;
  if (name !== undefined && SKIP.has(name)) return;
  const block = name !== undefined && BLOCK.has(name);
  if (block) out.push('\n');
  for (const child of node.children) collectText(child, out, false);
  if (block) out.push('\n');
  else if (name !== undefined && CELL.has(name)) out.push(' ');
}

/**
 * The raw text an element starts with, just long enough to hold `visibleChars` characters that are
 * neither white space nor invisible (soft hyphen, zero-width, BOM), or all of it when shorter:
 * enough to tell what a block starts with without gathering its whole, possibly page-long, text.
 * Comments are not text.
 */
export function textStart(node: AnyNode, visibleChars: number): string {
  let text = '';
  let visible = 0;
  const walk = (n: DomNode): boolean => {
    if (n.type === 'text') {
      const data = n.data ?? '';
      text += data;
      visible += countVisible(data);
      return visible >= visibleChars;
    }
    if (n.type === 'comment' || !n.children) return false;
    for (const child of n.children) if (walk(child)) return true;
    return false;
  };
  walk(node as unknown as DomNode);
  return text;
}

const NOT_VISIBLE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/;

function countVisible(data: string): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    // Printable ASCII and Cyrillic, the bulk of every page, without a regex test.
    if ((c > 0x20 && c < 0x7f) || (c >= 0x400 && c < 0x530)) n++;
    else if (!NOT_VISIBLE.test(data[i]!)) n++;
  }
  return n;
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

/** The page's declared language (`<html lang>`, or `xml:lang`); null when it declares none. */
export function pageLang($: CheerioAPI): RawItemInput['lang'] {
  const code = ($('html').attr('lang') ?? $('html').attr('xml:lang') ?? '').slice(0, 2).toLowerCase();
  if (!code) return null;
  return code === 'uk' || code === 'en' || code === 'ru' || code === 'pl' ? code : 'other';
}
