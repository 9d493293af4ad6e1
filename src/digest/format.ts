// Ukrainian words and number/date formatting for the catalogue: labels for topics, applicants and
// regions, deadlines, amounts and counts. Pure and deterministic (no reliance on ICU month names).
import type { Call, Stage } from '../calls/schema.ts';
import type { SectionId } from './select.ts';

type Applicant = Call['applicants'][number];
type Labels<K extends string> = Record<K, { uk: string; en: string }>;

export const SECTION_LABELS: Labels<SectionId> = {
  recovery: { uk: 'Відновлення', en: 'Recovery' },
  energy: { uk: 'Енергетика та енергоефективність', en: 'Energy and energy efficiency' },
  infrastructure: { uk: 'Інфраструктура', en: 'Infrastructure' },
  water: { uk: 'Водопостачання та водовідведення', en: 'Water and sanitation' },
  housing: { uk: 'Житло', en: 'Housing' },
  transport: { uk: 'Транспорт', en: 'Transport' },
  environment: { uk: 'Довкілля та клімат', en: 'Environment and climate' },
  economy: { uk: 'Економічний розвиток і підприємництво', en: 'Economy and entrepreneurship' },
  agriculture: { uk: 'Сільське господарство', en: 'Agriculture' },
  digital: { uk: 'Цифровізація', en: 'Digital transformation' },
  governance: { uk: 'Місцеве врядування', en: 'Local governance' },
  security: { uk: 'Безпека', en: 'Security' },
  social: { uk: 'Соціальні послуги', en: 'Social services' },
  veterans: { uk: 'Ветерани', en: 'Veterans' },
  idp: { uk: 'Внутрішньо переміщені особи', en: 'Internally displaced people' },
  health: { uk: 'Охорона здоров’я', en: 'Health' },
  education: { uk: 'Освіта', en: 'Education' },
  science: { uk: 'Наука та інновації', en: 'Science and innovation' },
  culture: { uk: 'Культура', en: 'Culture' },
  tourism: { uk: 'Туризм', en: 'Tourism' },
  youth: { uk: 'Молодь', en: 'Youth' },
  sport: { uk: 'Спорт', en: 'Sport' },
  human_rights: { uk: 'Права людини', en: 'Human rights' },
  media: { uk: 'Медіа', en: 'Media' },
  other: { uk: 'Інші конкурси', en: 'Other calls' },
};

export const APPLICANT_LABELS: Labels<Applicant> = {
  local_government: { uk: 'органи місцевого самоврядування', en: 'local governments' },
  communal_enterprise: { uk: 'комунальні підприємства', en: 'communal enterprises' },
  ngo: { uk: 'громадські організації', en: 'NGOs' },
  business: { uk: 'бізнес', en: 'businesses' },
  education: { uk: 'заклади освіти', en: 'educational institutions' },
  health: { uk: 'заклади охорони здоров’я', en: 'healthcare institutions' },
  culture: { uk: 'заклади культури', en: 'cultural institutions' },
  youth: { uk: 'молодь і молодіжні організації', en: 'youth and youth organizations' },
  individual: { uk: 'фізичні особи', en: 'individuals' },
  other: { uk: 'інші', en: 'others' },
};

/** ISO 3166-2:UA codes; `UA` marks a call the source says is open nationwide. */
export const REGION_LABELS: Record<string, string> = {
  UA: 'вся Україна',
  'UA-05': 'Вінницька область',
  'UA-07': 'Волинська область',
  'UA-09': 'Луганська область',
  'UA-12': 'Дніпропетровська область',
  'UA-14': 'Донецька область',
  'UA-18': 'Житомирська область',
  'UA-21': 'Закарпатська область',
  'UA-23': 'Запорізька область',
  'UA-26': 'Івано-Франківська область',
  'UA-30': 'м. Київ',
  'UA-32': 'Київська область',
  'UA-35': 'Кіровоградська область',
  'UA-40': 'м. Севастополь',
  'UA-43': 'Автономна Республіка Крим',
  'UA-46': 'Львівська область',
  'UA-48': 'Миколаївська область',
  'UA-51': 'Одеська область',
  'UA-53': 'Полтавська область',
  'UA-56': 'Рівненська область',
  'UA-59': 'Сумська область',
  'UA-61': 'Тернопільська область',
  'UA-63': 'Харківська область',
  'UA-65': 'Херсонська область',
  'UA-68': 'Хмельницька область',
  'UA-71': 'Черкаська область',
  'UA-74': 'Чернівецька область',
  'UA-77': 'Чернігівська область',
};

// Month names are spelled out here rather than taken from ICU: output must not change with the
// Node/ICU version, and the title needs the nominative, which `Intl` does not offer for uk.
const MONTHS_NOMINATIVE = [
  'січень',
  'лютий',
  'березень',
  'квітень',
  'травень',
  'червень',
  'липень',
  'серпень',
  'вересень',
  'жовтень',
  'листопад',
  'грудень',
];
const MONTHS_GENITIVE = [
  'січня',
  'лютого',
  'березня',
  'квітня',
  'травня',
  'червня',
  'липня',
  'серпня',
  'вересня',
  'жовтня',
  'листопада',
  'грудня',
];

/** Zones whose Ukrainian name we know; any other stated zone is shown as its IANA id. */
const ZONE_LABELS: Record<string, string> = {
  'Europe/Kyiv': 'за Києвом',
  'Europe/Kiev': 'за Києвом',
  'Europe/Brussels': 'за брюссельським часом',
  'Europe/Berlin': 'за берлінським часом',
  'Europe/Paris': 'за паризьким часом',
  'Europe/Warsaw': 'за варшавським часом',
  'Europe/London': 'за лондонським часом',
  'America/New_York': 'за нью-йоркським часом',
  UTC: 'за UTC',
  'Etc/UTC': 'за UTC',
};

/** Currency shown after the number, Ukrainian style: «200 000 грн», «1 500 000 €». */
const CURRENCY_SIGNS: Record<string, string> = {
  UAH: 'грн',
  EUR: '€',
  USD: '$',
  PLN: 'зл',
  GBP: '£',
};

const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

export function sectionLabel(section: SectionId, lang: 'uk' | 'en' = 'uk'): string {
  return SECTION_LABELS[section][lang];
}

export function applicantLabel(applicant: Applicant, lang: 'uk' | 'en' = 'uk'): string {
  return APPLICANT_LABELS[applicant][lang];
}

/** «органи місцевого самоврядування, громадські організації»; «не вказано» when the source is silent. */
export function formatApplicants(applicants: readonly Applicant[]): string {
  if (applicants.length === 0) return 'не вказано';
  return [...new Set(applicants)].map((a) => applicantLabel(a)).join(', ');
}

/** Unknown codes are shown as they are rather than dropped: a wrong label is worse than a code. */
export function regionLabel(code: string): string {
  return REGION_LABELS[code] ?? code;
}

const OBLAST = ' область';

/** «вся Україна»; «м. Київ, Київська, Житомирська області»: oblasts share one word, as people write. */
export function formatRegions(regions: readonly string[]): string {
  if (regions.length === 0) return 'не вказано';
  const labels = [...new Set(regions)].map(regionLabel);
  const oblasts = labels.filter((l) => l.endsWith(OBLAST));
  if (oblasts.length < 2) return labels.join(', ');
  const others = labels.filter((l) => !l.endsWith(OBLAST));
  return [...others, `${oblasts.map((l) => l.slice(0, -OBLAST.length)).join(', ')} області`].join(', ');
}

function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** '2026-11' → «листопад 2026» (nominative, for the catalogue title). */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? MONTHS_NOMINATIVE[Number(m[2]) - 1] : undefined;
  if (!m || !name) throw new Error(`Expected a month as YYYY-MM, got "${month}"`);
  return `${name} ${m[1]}`;
}

/** '2026-11-22' → «22 листопада 2026» (genitive, as in «станом на 22 листопада 2026»). */
export function formatDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${MONTHS_GENITIVE[month - 1]} ${year}`;
}

export function catalogueTitle(month: string): string {
  return `Каталог можливостей для громад — ${formatMonth(month)}`;
}

/** «до 15 квітня 2026 р., 16:00 (за Києвом)»; the zone is named as the source stated it. */
export function formatCutoff(date: string, time: string | null, tz: string): string {
  const day = `до ${formatDate(date)} р.`;
  if (!time) return day;
  return `${day}, ${time} (${ZONE_LABELS[tz] ?? `за часом ${tz}`})`;
}

/** The main deadline line; two-stage calls list every cut-off instead. */
export function formatDeadline(
  call: Pick<Call, 'deadline' | 'deadlineTime' | 'deadlineTz' | 'deadlineKind' | 'stages'>,
): string {
  if (call.deadlineKind === 'rolling') return 'постійно діючий конкурс';
  if (call.stages.length > 0) return formatStages(call.stages, call.deadlineTz);
  if (call.deadlineKind === 'fixed' && call.deadline) {
    return formatCutoff(call.deadline, call.deadlineTime, call.deadlineTz);
  }
  return 'дедлайн не вказано';
}

// Source labels such as "Stage 2" or "2 етап" add nothing to our own numbering; "concept note" does.
const BARE_STAGE_LABEL = /^(\d+\s*)?(етап|stage|раунд|round|тур)?\s*\d*[.:]?$/i;

/** «1 етап (концепція): до 15 квітня 2026 р.; 2 етап: до 1 липня 2026 р., 16:00 (за Києвом)». */
export function formatStages(stages: readonly Stage[], tz: string): string {
  return [...stages]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((stage, i) => {
      const label = stage.label.trim();
      const name = BARE_STAGE_LABEL.test(label) ? `${i + 1} етап` : `${i + 1} етап (${label})`;
      return `${name}: ${formatCutoff(stage.date, stage.time, tz)}`;
    })
    .join('; ');
}

/** 1500000 → «1 500 000» with narrow no-break spaces, so a number never breaks across lines. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('uk-UA', { maximumFractionDigits: 2 })
    .formatToParts(value)
    .map((part) => (part.type === 'group' ? NARROW_NBSP : part.value))
    .join('');
}

function withCurrency(value: number, currency: string | null): string {
  const number = formatNumber(value);
  if (!currency) return number;
  return `${number}${NBSP}${CURRENCY_SIGNS[currency] ?? currency}`;
}

/**
 * The grant one applicant can get: «від 50 000 до 200 000 грн», «до 1 500 000 €», «від 10 000 $»;
 * «сума не вказана» when neither bound is known. The currency is written once, after the range.
 */
export function formatAmount(call: Pick<Call, 'amountMin' | 'amountMax' | 'currency'>): string {
  const { amountMin: min, amountMax: max, currency } = call;
  if (min !== null && max !== null && min !== max) {
    return `від ${formatNumber(min)} до ${withCurrency(max, currency)}`;
  }
  if (max !== null) return min === max ? withCurrency(max, currency) : `до ${withCurrency(max, currency)}`;
  if (min !== null) return `від ${withCurrency(min, currency)}`;
  return 'сума не вказана';
}

/** The programme's whole budget, shown apart from the per-project amount; null when unknown. */
export function formatBudget(call: Pick<Call, 'budgetTotal' | 'currency'>): string | null {
  return call.budgetTotal === null ? null : withCurrency(call.budgetTotal, call.currency);
}

export function formatCofinancing(pct: number | null): string | null {
  return pct === null ? null : `${formatNumber(pct)}%`;
}

/** Ukrainian plural forms: `plural(5, ['конкурс', 'конкурси', 'конкурсів'])` → «конкурсів». */
export function plural(n: number, [one, few, many]: readonly [string, string, string]): string {
  const form = new Intl.PluralRules('uk').select(n);
  if (form === 'one') return one;
  if (form === 'few') return few;
  return form === 'many' ? many : few;
}

/** «12 конкурсів, відкритих для громад, станом на 22 листопада 2026». */
export function formatIntro(count: number, today: string): string {
  if (count === 0) return `Станом на ${formatDate(today)} відкритих конкурсів для громад не знайдено`;
  const noun = plural(count, ['конкурс', 'конкурси', 'конкурсів']);
  const open = plural(count, ['відкритий', 'відкриті', 'відкритих']);
  return `${count} ${noun}, ${open} для громад, станом на ${formatDate(today)}`;
}

/** «сьогодні», «завтра», «через 3 дні» — how long is left until a cut-off. */
export function formatDaysLeft(days: number): string {
  if (days <= 0) return 'сьогодні';
  if (days === 1) return 'завтра';
  return `через ${days} ${plural(days, ['день', 'дні', 'днів'])}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

const MAX_SUMMARY_SENTENCES = 3;
const MAX_SUMMARY_CHARS = 300;

/**
 * The first 1–3 sentences of a summary, cut at a word and marked «…» when still too long:
 * the catalogue is a pointer to the donor's page, not a copy of it.
 */
export function shortSummary(summary: string): string {
  const text = summary.replace(/\s+/g, ' ').trim();
  const sentences = text.split(/(?<=[.!?…])\s+(?=[«"„(A-ZА-ЯЄІЇҐ0-9])/u);
  const short = sentences.slice(0, MAX_SUMMARY_SENTENCES).join(' ');
  if (short.length <= MAX_SUMMARY_CHARS) return short;
  const cut = short.slice(0, MAX_SUMMARY_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_SUMMARY_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}
