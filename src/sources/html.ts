// HTML helpers for adapters: one way to turn markup into plain text and links into absolute URLs.
import * as cheerio from 'cheerio';
import { cleanText } from '../calls/text.ts';

const BLOCK = 'p, div, li, h1, h2, h3, h4, h5, h6, tr, br, section, article, header, footer, blockquote';

/** Plain text of an HTML fragment, paragraphs kept as line breaks, scripts and styles dropped. */
export function htmlToText(html: string): string {
  const $ = cheerio.load(html, null, false);
  $('script, style, noscript, template, iframe, svg').remove();
  $(BLOCK).each((_, el) => {
    $(el).before('\n').after('\n');
  });
  return cleanText($.root().text());
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
