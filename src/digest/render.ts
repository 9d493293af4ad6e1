// Renders an edition draft as an email: subject, HTML (MJML templates in templates/, compiled once
// per call) and a plain-text version built from the same view, not by stripping the HTML.
import { readFile } from 'node:fs/promises';
import mjml2html from 'mjml';
import { type Call, callStatus } from '../calls/schema.ts';
import {
  catalogueTitle,
  daysBetween,
  formatAmount,
  formatApplicants,
  formatBudget,
  formatCofinancing,
  formatCutoff,
  formatDate,
  formatDaysLeft,
  formatDeadline,
  formatIntro,
  formatRegions,
  plural,
  sectionLabel,
  shortSummary,
} from './format.ts';
import { type EditionDraft, isListable, nextCutoff } from './select.ts';

export interface RenderOptions {
  /** YYYY-MM-DD (Kyiv): calls closed by this day are left out even if the draft lists them. */
  today: string;
  /** The service's public base URL, for links back to it (unsubscribe). */
  publicUrl: string;
  /** How many sources were read for this edition; mentioned in the footer when given. */
  sourcesCount?: number;
}

export interface RenderedCatalogue {
  subject: string;
  html: string;
  text: string;
}

interface Detail {
  label: string;
  value: string;
}

interface CallView {
  title: string;
  /** Null when the call's URL is not http(s): the title is then shown without a link. */
  url: string | null;
  details: Detail[];
  summary: string;
}

interface ClosingSoonView {
  title: string;
  url: string | null;
  deadline: string;
  daysLeft: string;
}

/** Everything the email shows, already worded; the HTML and the text are two layouts of it. */
interface CatalogueView {
  title: string;
  intro: string;
  closingSoon: ClosingSoonView[];
  sections: { heading: string; calls: CallView[] }[];
  about: string;
  unsubscribeUrl: string;
}

const ABOUT =
  'Цей каталог щомісяця збирає конкурси та програми підтримки, на які можуть подаватися громади, ' +
  'комунальні підприємства, громадські організації та бізнес. Умови можуть змінитися — перед поданням ' +
  'перевірте їх на сторінці конкурсу.';

const TEXT_WIDTH = 78;

/** Escapes a value for HTML text and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The URL normalized, or null unless it is http(s): `javascript:` and friends never become links. */
export function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Fills `{{name}}` with the escaped value and `{{{name}}}` with markup as is (built from partials,
 * escaped there). One pass, so a value that looks like a placeholder is never expanded; a
 * placeholder without a value throws, so a template typo cannot ship an empty hole.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\{(\w+)\}\}\}|\{\{(\w+)\}\}/g, (_match, raw?: string, escaped?: string) => {
    const name = (raw ?? escaped)!;
    const value = values[name];
    if (value === undefined) throw new Error(`Template placeholder "${name}" has no value`);
    return raw ? value : escapeHtml(value);
  });
}

const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);
const TEMPLATE_NAMES = [
  'catalogue',
  'partials/closing-soon',
  'partials/closing-soon-item',
  'partials/section',
  'partials/call',
] as const;
type TemplateName = (typeof TEMPLATE_NAMES)[number];
type Templates = Record<TemplateName, string>;

let templatesOnce: Promise<Templates> | undefined;

// Templates are files so editors of the design need not touch code; read once per process.
function loadTemplates(): Promise<Templates> {
  templatesOnce ??= Promise.all(
    TEMPLATE_NAMES.map(async (name) => [name, await readFile(new URL(`${name}.mjml`, TEMPLATE_DIR), 'utf8')]),
  )
    .then((entries) => Object.fromEntries(entries) as Templates)
    .catch((error: unknown) => {
      templatesOnce = undefined; // a failed read (e.g. a deploy in progress) may succeed next time
      throw error;
    });
  return templatesOnce;
}

function lookup(calls: Map<string, Call> | Call[]): (id: string) => Call {
  const byId = calls instanceof Map ? calls : new Map(calls.map((c) => [c.id, c] as const));
  return (id) => {
    const call = byId.get(id);
    if (!call) {
      throw new Error(
        `Call "${id}" is in the draft but was not passed to renderCatalogue; load every call it lists`,
      );
    }
    return call;
  };
}

function callDetails(call: Call, today: string): Detail[] {
  const details: Detail[] = [];
  const donor = [call.donor, call.programme && `програма «${call.programme}»`].filter(Boolean).join(', ');
  if (donor) details.push({ label: 'Донор', value: donor });
  if (call.opensAt && callStatus(call, today) === 'forthcoming') {
    details.push({ label: 'Прийом заявок', value: `з ${formatDate(call.opensAt)} р.` });
  }
  details.push({ label: 'Дедлайн', value: formatDeadline(call) });
  details.push({ label: 'Сума', value: formatAmount(call) });
  const cofinancing = formatCofinancing(call.cofinancingPct);
  if (cofinancing) details.push({ label: 'Співфінансування', value: cofinancing });
  const budget = formatBudget(call);
  if (budget) details.push({ label: 'Загальний бюджет', value: budget });
  details.push({ label: 'Хто може подати', value: formatApplicants(call.applicants) });
  details.push({ label: 'Регіони', value: formatRegions(call.regions) });
  return details;
}

function callView(call: Call, today: string): CallView {
  return {
    title: call.title,
    url: safeUrl(call.url),
    details: callDetails(call, today),
    summary: shortSummary(call.summary),
  };
}

function closingSoonView(call: Call, today: string): ClosingSoonView | null {
  const cutoff = nextCutoff(call, today);
  if (!cutoff) return null;
  return {
    title: call.title,
    url: safeUrl(call.url),
    deadline: formatCutoff(cutoff.date, cutoff.time, call.deadlineTz),
    daysLeft: formatDaysLeft(daysBetween(today, cutoff.date)),
  };
}

function unsubscribeUrl(publicUrl: string): string {
  const base = safeUrl(publicUrl);
  if (!base) throw new Error(`publicUrl must be an http(s) URL (set PUBLIC_URL), got "${publicUrl}"`);
  return `${base.replace(/\/+$/, '')}/unsubscribe`;
}

function buildView(
  draft: EditionDraft,
  calls: Map<string, Call> | Call[],
  opts: RenderOptions,
): CatalogueView {
  const { today } = opts;
  const get = lookup(calls);
  // The draft was compiled earlier; a call that has closed since then must not be sent.
  const listable = (id: string) => isListable(get(id), today);
  const sections = draft.sections
    .map((s) => ({
      heading: sectionLabel(s.topic),
      calls: s.callIds.filter(listable).map((id) => callView(get(id), today)),
    }))
    .filter((s) => s.calls.length > 0);
  const count = sections.reduce((n, s) => n + s.calls.length, 0);
  const closingSoon = draft.closingSoon
    .filter(listable)
    .map((id) => closingSoonView(get(id), today))
    .filter((item): item is ClosingSoonView => item !== null);
  const sources =
    opts.sourcesCount === undefined
      ? ''
      : ` Зібрано з ${opts.sourcesCount} ${plural(opts.sourcesCount, ['джерела', 'джерел', 'джерел'])}.`;
  return {
    title: catalogueTitle(draft.month),
    intro: formatIntro(count, today),
    closingSoon,
    sections,
    about: ABOUT + sources,
    unsubscribeUrl: unsubscribeUrl(opts.publicUrl),
  };
}

function linkHtml(title: string, url: string | null): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>` : escapeHtml(title);
}

function detailsHtml(details: Detail[]): string {
  return details.map((d) => `<b>${escapeHtml(d.label)}:</b> ${escapeHtml(d.value)}`).join('<br>');
}

function toMjml(view: CatalogueView, t: Templates): string {
  const items = view.closingSoon
    .map((item) =>
      fillTemplate(t['partials/closing-soon-item'], {
        title: linkHtml(item.title, item.url),
        deadline: item.deadline,
        days_left: item.daysLeft,
      }),
    )
    .join('');
  const sections = view.sections
    .map((section) =>
      fillTemplate(t['partials/section'], {
        heading: section.heading,
        calls: section.calls
          .map((call) =>
            fillTemplate(t['partials/call'], {
              title: linkHtml(call.title, call.url),
              details: detailsHtml(call.details),
              summary: call.summary,
            }),
          )
          .join(''),
      }),
    )
    .join('');
  return fillTemplate(t.catalogue, {
    title: view.title,
    intro: view.intro,
    closing_soon: items ? fillTemplate(t['partials/closing-soon'], { items }) : '',
    sections,
    about: view.about,
    unsubscribe_url: view.unsubscribeUrl,
  });
}

/**
 * Word-wraps to TEXT_WIDTH: the first line starts with `first`, the rest with `rest` (a hanging
 * indent). Splits on plain spaces only, so no-break spaces keep an amount on one line.
 */
function wrap(text: string, first: string, rest = first): string[] {
  const lines: string[] = [];
  let line = '';
  const indent = () => (lines.length === 0 ? first : rest);
  for (const word of text.split(' ').filter(Boolean)) {
    if (line && indent().length + line.length + 1 + word.length > TEXT_WIDTH) {
      lines.push(indent() + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent() + line);
  return lines;
}

function heading(text: string, underline: string): string[] {
  return [text, underline.repeat([...text].length)];
}

function toText(view: CatalogueView): string {
  const out: string[] = [...heading(view.title, '='), ...wrap(view.intro, ''), ''];
  if (view.closingSoon.length > 0) {
    out.push(...heading('Незабаром дедлайн'.toLocaleUpperCase('uk'), '-'));
    for (const item of view.closingSoon) {
      out.push(...wrap(`${item.title} — ${item.deadline}, ${item.daysLeft}`, '* ', '  '));
      if (item.url) out.push(`  ${item.url}`);
    }
    out.push('');
  }
  for (const section of view.sections) {
    out.push(...heading(section.heading.toLocaleUpperCase('uk'), '-'), '');
    for (const call of section.calls) {
      out.push(...wrap(call.title, ''));
      for (const d of call.details) out.push(...wrap(`${d.label}: ${d.value}`, '  ', '    '));
      if (call.summary) out.push(...wrap(call.summary, '  '));
      // URLs are never wrapped: a terminal or mail client must see them whole to open them.
      if (call.url) out.push(`  ${call.url}`);
      out.push('');
    }
  }
  out.push('--', ...wrap(view.about, ''), `Відписатися від розсилки: ${view.unsubscribeUrl}`);
  return `${out.join('\n')}\n`;
}

async function compileMjml(source: string): Promise<string> {
  const { html, errors } = await mjml2html(source, { validationLevel: 'strict', keepComments: false });
  // Strict validation throws on template errors; anything it still reports is a bug in a template.
  if (errors.length > 0) {
    const messages = errors.map((e) => e.formattedMessage).join('; ');
    throw new Error(`templates/catalogue.mjml did not compile cleanly: ${messages}`);
  }
  // Indentation is a quarter of MJML's output; a newline keeps the same meaning in HTML.
  return html.replace(/\n[ \t]+/g, '\n').replace(/\n{2,}/g, '\n');
}

export async function renderCatalogue(
  draft: EditionDraft,
  calls: Map<string, Call> | Call[],
  opts: RenderOptions,
): Promise<RenderedCatalogue> {
  const view = buildView(draft, calls, opts);
  const html = await compileMjml(toMjml(view, await loadTemplates()));
  return { subject: view.title, html, text: toText(view) };
}
