// egrants.com.ua, the grant portal where Фонд Східна Європа and its partners run competitions: the
// home page lists competitions as cards with labelled fields (organizer, programme, dates, status);
// an open competition's description is read from its own page.
//
// Not verified: no real page of the portal was available. Assumed, after common server-rendered
// portals: cards `div.competition-item` with a title link to /competitions/<id>, field rows
// `li` of `.label` + `.value` (dates DD.MM.YYYY[ HH:MM]), a status badge; the competition page has
// an h1, a `dl` of the same fields and `.competition-view__description`. Fields are read by their
// labels, not their order, so renamed classes around them matter less than changed wording.
import type * as cheerio from 'cheerio';
import type { RawItemInput } from '../calls/schema.ts';
import { cleanLine, cleanText, isoDate } from '../calls/text.ts';
import { absoluteUrl, htmlToText, loadHtml, pageLang } from './html.ts';
import {
  type DetailLink,
  type FetchedDocument,
  type ListResult,
  type SourceDefinition,
  SourceFormatError,
} from './types.ts';

const SITE = 'https://egrants.com.ua';
const HOME = `${SITE}/`;

const ITEM = 'div.competition-item';
const ITEM_TITLE = '.competition-item__title a[href]';
const DESCRIPTION = [
  '.competition-view__description',
  '.competition-description',
  '[itemprop="description"]',
];
/** «Прийом заявок завершено», «Конкурс завершено», «Закрито»: no more applications. */
const CLOSED = /заверш|закрит|closed/i;

/** Which field a label names; unknown labels (grant size, who may apply) are kept as text. */
const LABELS: [RegExp, keyof Fields][] = [
  [/^(дедлайн|кінцевий термін|прийом заявок до|deadline)/i, 'deadline'],
  [/^(початок прийому|прийом заявок з|відкриття|opens)/i, 'opens'],
  [/^(організатор|грантодавець|organizer)/i, 'organizer'],
  [/^(програма|проєкт|programme|program)/i, 'programme'],
  [/^(дата оголошення|оголошено|published)/i, 'published'],
];

interface Fields {
  deadline?: string;
  opens?: string;
  organizer?: string;
  programme?: string;
  published?: string;
  /** Rows with labels this adapter does not map, as "Label: value" lines. */
  other: string[];
}

/** "15.12.2026 16:00" / "з 03.11.2026" → date and, when given, time; null when there is no real date. */
export function parseDateTime(text: string | undefined): { date: string; time: string | null } | null {
  const m = /(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[^\d]{1,4}(\d{1,2})[:.](\d{2}))?/.exec(cleanLine(text ?? ''));
  if (!m) return null;
  const date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (!date) return null;
  const hh = Number(m[4]);
  const time = m[4] && hh < 24 ? `${String(hh).padStart(2, '0')}:${m[5]}` : null;
  return { date, time };
}

/** A competition's address in one form: https://egrants.com.ua/competitions/<id>; null otherwise. */
export function canonicalCompetitionUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^(?:www\.)?egrants\.com\.ua$/i.test(u.hostname)) return null;
  const m = /^\/(?:uk\/)?competitions\/(\d+)\/?$/i.exec(u.pathname);
  return m ? `${SITE}/competitions/${m[1]}` : null;
}

function competitionId(url: string): string | null {
  return /\/competitions\/(\d+)$/.exec(url)?.[1] ?? null;
}

/** Label/value rows → fields; the first row for a field wins. */
function toFields(rows: [string, string][]): Fields {
  const fields: Fields = { other: [] };
  for (const [label, value] of rows) {
    const l = cleanLine(label).replace(/:$/, '');
    const v = cleanLine(value);
    if (!l || !v) continue;
    const key = LABELS.find(([re]) => re.test(l))?.[1];
    if (key && key !== 'other') fields[key] ??= v;
    else fields.other.push(`${l}: ${v}`);
  }
  return fields;
}

/** Competition page rows: `<dt>Дедлайн</dt><dd>…</dd>`. */
function pageFields($: cheerio.CheerioAPI): Fields {
  return toFields(
    $('dl.competition-view__meta dt')
      .toArray()
      .map((dt) => [$(dt).text(), $(dt).next('dd').text()]),
  );
}

/** What the labelled fields say as RawItem data. */
function fromFields(f: Fields): Partial<RawItemInput> {
  const deadline = parseDateTime(f.deadline);
  return {
    donor: f.organizer ?? null,
    programme: f.programme ?? null,
    deadline: deadline?.date ?? null,
    deadlineTime: deadline?.time ?? null,
    opensAt: parseDateTime(f.opens)?.date ?? null,
  };
}

// The portal is also where applicants sign in; a session-less request for a private page gets
// the sign-in form with 200. Only asked when the expected content is missing: a page may well
// carry a sign-in form in its header.
function assertNotLoginWall($: cheerio.CheerioAPI, doc: FetchedDocument): void {
  if ($('input[type="password"]').length > 0) {
    throw new SourceFormatError(
      `egrants: ${doc.url} is a sign-in page (password form), not the competitions list`,
    );
  }
}

// A closed competition's card already says what a catalogue needs; its page is not fetched.
function parseList(doc: FetchedDocument): ListResult {
  const $ = loadHtml(doc.text);
  const cards = $(ITEM);
  if (cards.length === 0) {
    assertNotLoginWall($, doc);
    throw new SourceFormatError(
      `egrants: ${doc.url} has no ${ITEM} competitions; the page layout changed or this is not the list`,
    );
  }
  const lang = pageLang($);
  const items: RawItemInput[] = [];
  const details = new Map<string, DetailLink>();
  for (const el of cards.toArray()) {
    const card = $(el);
    const a = card.find(ITEM_TITLE).first();
    const href = absoluteUrl(a.attr('href'), doc.url);
    const title = cleanLine(a.text());
    if (!href || !title) continue;
    const url = canonicalCompetitionUrl(href) ?? href;
    if (details.has(url) || items.some((i) => i.url === url)) continue;
    // Card rows: `<li><span class="label">Дедлайн:</span> <span class="value">…</span></li>`.
    const fields = toFields(
      card
        .find('li')
        .toArray()
        .map((li) => [$(li).find('.label').first().text(), $(li).find('.value').first().text()]),
    );
    const status = cleanLine(card.find('.competition-item__status').first().text()) || null;
    const hint = { title, externalId: competitionId(url), statusHint: status, ...fromFields(fields) };
    if (status && CLOSED.test(status)) {
      items.push({ url, ...hint, text: fields.other.join('\n'), lang });
    } else {
      details.set(url, { url, hint });
    }
  }
  return { items, details: [...details.values()], next: [] };
}

function parseDetail(doc: FetchedDocument, link: DetailLink): RawItemInput {
  const $ = loadHtml(doc.text);
  const body = $(DESCRIPTION.join(', ')).first();
  const lead = $('meta[property="og:description"]').attr('content');
  if (body.length === 0 && !lead) {
    assertNotLoginWall($, doc);
    throw new SourceFormatError(
      `egrants: ${doc.url} has no competition description (${DESCRIPTION[0]}) and no og:description`,
    );
  }
  const title =
    cleanLine($('.competition-view h1').first().text()) ||
    cleanLine($('h1').first().text()) ||
    link.hint.title ||
    '';
  if (!title) throw new SourceFormatError(`egrants: ${doc.url} has no competition title (h1)`);
  const fields = pageFields($);
  const own = fromFields(fields);
  const hint = link.hint;
  const url = canonicalCompetitionUrl(link.url) ?? link.url;
  const main = body.length ? htmlToText(body) : cleanText(lead ?? '');
  return {
    url,
    title,
    // Rows such as «Розмір гранту» and «Хто може подати» are free text for extraction to read.
    text: [main, ...fields.other].filter(Boolean).join('\n\n'),
    publishedAt: parseDateTime(fields.published)?.date ?? null,
    externalId: competitionId(url),
    lang: pageLang($),
    // The card's values were read first; the page fills what the card did not say.
    donor: hint.donor ?? own.donor,
    programme: hint.programme ?? own.programme,
    deadline: hint.deadline ?? own.deadline,
    deadlineTime: hint.deadline ? hint.deadlineTime : own.deadlineTime,
    opensAt: hint.opensAt ?? own.opensAt,
    statusHint: hint.statusHint ?? (cleanLine($('.competition-view__status').first().text()) || null),
  };
}

const egrants: SourceDefinition = {
  id: 'egrants',
  name: 'Грантовий портал egrants.com.ua',
  kind: 'html',
  homepage: HOME,
  verified: false,
  minDelayMs: 3000,
  maxItems: 30,
  start: [{ url: HOME, method: 'GET' }],
  parseList,
  parseDetail,
};

export default egrants;
