// Interreg Europe: the "Call for projects" page, watched as one item. The programme opens few calls,
// each announced on this one page (dates, restrictions, application pack), so a change there is news.
//
// Not verified: no copy of the page was available. Known from archived pages and other projects:
// the page is /call-for-projects (earlier /next-call-for-projects), the site runs Drupal (skip links
// "Go to main content", "Image" labels), and it answers server-side clients with 403 at times (a WAF).
// The markup assumed is Drupal's: content in <main>, `h1`, the node's text in `.node__content`.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine } from '../calls/text.ts';
import { htmlToText, loadHtml, pageLang } from './html.ts';
import { type FetchedDocument, type ListResult, type SourceDefinition, SourceFormatError } from './types.ts';

const SITE = 'https://www.interregeurope.eu';
const PAGE_URL = `${SITE}/call-for-projects`;
const DONOR = 'Interreg Europe';
const BODY = ['.node__content', '.field--name-body', 'article'];
/** Chrome inside <main>: screen-reader labels ("Image"), breadcrumbs, share and newsletter blocks. */
const CHROME =
  'script, style, noscript, template, iframe, form, nav, aside, .visually-hidden, .sr-only, .breadcrumb, .share, .social-share, .newsletter';
/** What a bot challenge or WAF block page says in its title or markup, served with 200 by some CDNs. */
const CHALLENGE =
  /just a moment|attention required|access denied|request rejected|checking your browser|cf-challenge|challenge-form/i;

function isChallenge($: cheerio.CheerioAPI): boolean {
  const title = $('title').first().text();
  return (
    CHALLENGE.test(title) || $('#challenge-form, #cf-challenge-running, .cf-browser-verification').length > 0
  );
}

/** The first candidate selector that matches, in the order given (not in document order). */
function firstOf(scope: ReturnType<cheerio.CheerioAPI>, selectors: string[]) {
  for (const sel of selectors) {
    const found = scope.find(sel).first();
    if (found.length) return found;
  }
  return scope.find(':not(*)');
}

function nodeId($: cheerio.CheerioAPI): string | null {
  return /\/node\/(\d+)/.exec($('link[rel="shortlink"]').attr('href') ?? '')?.[1] ?? null;
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  if (isChallenge($)) {
    throw new SourceFormatError(
      `interreg-europe: ${doc.url} returned a bot challenge / access-denied page instead of the call page`,
    );
  }
  const id = nodeId($);
  const lang = pageLang($);
  const main = $('main').first();
  const title = cleanLine(main.find('h1').first().text());
  main.find(CHROME).remove();
  const body = firstOf(main, BODY);
  if (main.length === 0 || body.length === 0 || !title) {
    throw new SourceFormatError(
      `interreg-europe: ${doc.url} has no <main> with an h1 and ${BODY[0]}; the page layout changed`,
    );
  }
  const item: RawItemInput = {
    url: PAGE_URL,
    title,
    text: htmlToText(body),
    // The page states no publication date ("last update" notes refer to attached files).
    publishedAt: null,
    externalId: id,
    lang,
    donor: DONOR,
  };
  return { items: [item], details: [], next: [] };
}

const interregEurope: SourceDefinition = {
  id: 'interreg-europe',
  name: 'Interreg Europe',
  donor: DONOR,
  kind: 'html',
  homepage: PAGE_URL,
  verified: false,
  minDelayMs: 5000,
  maxItems: 1,
  start: [{ url: PAGE_URL, method: 'GET' }],
  parseList,
};

export default interregEurope;
