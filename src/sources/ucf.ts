// Український культурний фонд (ucf.in.ua): the competitive programmes page. Each programme card
// gives the status and the application window; the programme's page adds its facts (grant size,
// programme budget, co-financing) and conditions.
//
// verified: false. No real page was available; ucf.in.ua/programs is the address other projects
// watch. Assumed: cards `.program-card` with `.program-card__title a`, `.program-card__status`,
// `.program-card__period` («Прийом заявок: 03.11.2026 – 15.12.2026») and `.program-card__sector`;
// programme pages /programs/<slug> with an <h1>, a facts list (`dl` of dt/dd pairs) and the
// conditions in `.program__content`.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine, parseNumericDate } from '../calls/text.ts';
import { absoluteUrl, htmlToText, loadHtml } from './html.ts';
import {
  type DetailLink,
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
} from './types.ts';

const SITE = 'https://ucf.in.ua';
const LIST_URL = `${SITE}/programs`;
const DONOR = 'Український культурний фонд';
const CARD = '.program-card';
const BODY = ['.program__content', '.program-content', 'article', 'main'];
const CHROME =
  'script, style, noscript, template, iframe, svg, form, header, footer, nav, aside, .breadcrumbs, [class*="related"], [class*="share"]';

/** Facts whose values are structured fields; the rest stay in the text only. */
const WINDOW_FACT = /^(прийом|подання) заявок/i;
const GRANT_FACT = /(розмір|сума)\s+гранту/i;
const BUDGET_FACT = /загальний бюджет/i;

type Nodes = ReturnType<cheerio.CheerioAPI>;

export interface Window {
  opensAt: string | null;
  deadline: string | null;
}

/** «03.11.2026 – 15.12.2026» → both ends; «до 15.12.2026» → deadline only; «з 15.01.2027» → opening only. */
export function parseWindow(text: string): Window {
  const t = cleanLine(text);
  const dates = [...t.matchAll(/\b\d{1,2}\.\d{1,2}\.\d{4}\b/g)].map((m) => parseNumericDate(m[0]));
  if (dates.length >= 2) return { opensAt: dates[0] ?? null, deadline: dates[1] ?? null };
  if (dates.length === 1) {
    return /(^|\s)(з|від)\s/i.test(t) && !/(^|\s)до\s/i.test(t)
      ? { opensAt: dates[0] ?? null, deadline: null }
      : { opensAt: null, deadline: dates[0] ?? null };
  }
  return { opensAt: null, deadline: null };
}

export interface Amount {
  min: number | null;
  max: number | null;
  currency: string | null;
}

const MULTIPLIER: Record<string, number> = { тис: 1_000, млн: 1_000_000, млрд: 1_000_000_000 };

/**
 * A fact's hryvnia value: «Максимальний розмір гранту: 200 000 грн», «1,5 млн грн», «від 50 до 200 тис. грн» (the multiplier
 * after the last number applies to both). Null when it names no hryvnia sum («уточнюється»).
 */
export function parseUah(text: string): Amount | null {
  const t = cleanLine(text).toLowerCase();
  if (!/(грн|гривень|гривні|uah)/.test(t)) return null;
  const numbers = [...t.matchAll(/\d[\d ]*(?:,\d+)?/g)].map((m) =>
    Number(m[0].replace(/ /g, '').replace(',', '.')),
  );
  if (numbers.length === 0 || numbers.some(Number.isNaN)) return null;
  const mult = MULTIPLIER[/(тис|млн|млрд)\.?\s*(?:грн|гривень|гривні|uah)/.exec(t)?.[1] ?? ''] ?? 1;
  const values = numbers.slice(0, 2).map((n) => Math.round(n * mult));
  if (values.length === 2) return { min: values[0]!, max: values[1]!, currency: 'UAH' };
  // One sum: «до …» or a "maximum" label make it a ceiling, otherwise it is the grant's size.
  return /(^|\s)до\s|максимальн/.test(t)
    ? { min: null, max: values[0]!, currency: 'UAH' }
    : { min: values[0]!, max: values[0]!, currency: 'UAH' };
}

/** ucf.in.ua/programs/<slug> on any host variant, without query or trailing slash. */
export function canonicalProgramUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^(?:www\.)?ucf\.in\.ua$/i.test(u.hostname)) return null;
  const m = /^(?:\/(?:uk|en))?\/programs\/([\w-]+)\/?$/i.exec(u.pathname);
  return m ? `${LIST_URL}/${m[1]}` : null;
}

function slugOf(url: string): string | null {
  return /\/programs\/([\w-]+)$/.exec(url)?.[1] ?? null;
}

function toLink(card: Nodes, base: string): DetailLink | null {
  const anchor = card.find('.program-card__title a, a[href*="/programs/"]').first();
  const href = absoluteUrl(anchor.attr('href'), base);
  const url = href ? canonicalProgramUrl(href) : null;
  const title = cleanLine(card.find('.program-card__title').first().text()) || cleanLine(anchor.text());
  if (!url || !title) return null;
  const window = parseWindow(card.find('.program-card__period').first().text());
  const sector = cleanLine(card.find('.program-card__sector').first().text());
  return {
    url,
    hint: {
      title,
      externalId: slugOf(url),
      opensAt: window.opensAt,
      deadline: window.deadline,
      statusHint: cleanLine(card.find('.program-card__status').first().text()) || null,
      tags: sector ? [sector] : [],
    },
  };
}

function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  const cards = $(CARD).toArray();
  if (cards.length === 0) {
    throw new SourceFormatError(
      `ucf: ${doc.url} has no ${CARD} cards; the programmes page layout changed or this is not it`,
    );
  }
  const details = new Map<string, DetailLink>();
  for (const el of cards) {
    const link = toLink($(el), doc.url);
    if (link && !details.has(link.url)) details.set(link.url, link);
  }
  return { items: [], details: [...details.values()], next: [] };
}

/** The programme's facts as [label, value] pairs, from the first definition list outside the chrome. */
function facts($: cheerio.CheerioAPI): Array<[string, string]> {
  return $('dl')
    .first()
    .find('dt')
    .toArray()
    .map(
      (dt) =>
        [cleanLine($(dt).text()).replace(/:$/, ''), cleanLine($(dt).next('dd').text())] as [string, string],
    )
    .filter(([label, value]) => label && value);
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  $(CHROME).remove();
  const title = cleanLine($('h1').first().text()) || link.hint.title;
  if (!title) throw new SourceFormatError(`ucf: ${doc.url} has no <h1> title`);
  const body = BODY.map((sel) => $(sel).first()).find((b) => b.length > 0);
  if (!body) {
    throw new SourceFormatError(
      `ucf: ${doc.url} has no content block (${BODY.join(', ')}); the page layout changed`,
    );
  }
  const list = facts($);
  body.find('h1, dl').remove();
  // The whole "label: value" line: «Максимальний розмір гранту» makes a single sum a ceiling.
  const fact = (re: RegExp) => list.find(([label]) => re.test(label))?.join(': ') ?? '';
  const window = parseWindow(fact(WINDOW_FACT));
  const grant = parseUah(fact(GRANT_FACT));
  const budget = parseUah(fact(BUDGET_FACT));
  const url = canonicalProgramUrl(link.url) ?? canonicalProgramUrl(doc.url) ?? link.url;
  return {
    url,
    title,
    text: [list.map(([label, value]) => `${label}: ${value}`).join('\n'), htmlToText(body)]
      .filter(Boolean)
      .join('\n\n'),
    externalId: link.hint.externalId ?? slugOf(url),
    lang: 'uk',
    donor: DONOR,
    // The programme's own facts win over the card's summary of them.
    opensAt: window.opensAt ?? link.hint.opensAt ?? null,
    deadline: window.deadline ?? link.hint.deadline ?? null,
    amountMin: grant?.min ?? null,
    amountMax: grant?.max ?? null,
    currency: grant?.currency ?? budget?.currency ?? null,
    budgetTotal: budget?.max ?? null,
    statusHint: link.hint.statusHint ?? (cleanLine($('.program__status').first().text()) || null),
    tags: link.hint.tags ?? [],
  };
}

const ucf: SourceDefinition = {
  id: 'ucf',
  name: 'Український культурний фонд',
  donor: DONOR,
  kind: 'html',
  homepage: LIST_URL,
  verified: false,
  minDelayMs: 3000,
  maxItems: 20,
  maxPages: 1,
  start: [{ url: LIST_URL, method: 'GET' }],
  parseList,
  parseDetail,
};

export default ucf;
