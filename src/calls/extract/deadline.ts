// Reads the application deadline: among all dates in the text, the ones a reader would call the
// deadline (by the cue nearest to them in their clause), extensions over originals, stages and
// cut-offs, rolling calls. Webinar, results and implementation dates are never the deadline.
import type { Stage } from '../schema.ts';
import { isoDate } from '../text.ts';
import { alt, type Cue, compile, cuesIn, lastCueIn, scanCues } from './context.ts';
import { type DateMention, findDates, monthOfWord } from './dates.ts';
import { B, clauseAt, type Doc, labelledClauseAt } from './prepare.ts';

export type DeadlineKind = 'fixed' | 'rolling' | 'unknown';

export interface DeadlineResult {
  deadline: string | null;
  time: string | null;
  tz: string | null;
  kind: DeadlineKind;
  stages: Stage[];
  /** The stage the deadline's own words name («повних заявок»: 'full application'), or null. */
  stage: string | null;
  /**
   * «до кінця вересня», "by the end of June": no date, but the month it ends in (YYYY-MM), for
   * telling copies apart; never turned into a deadline.
   */
  month: string | null;
  evidence: string | null;
}

type Kind =
  | 'rolling'
  | 'vague'
  | 'dl'
  | 'apply'
  | 'ext'
  | 'prev'
  | 'event'
  | 'result'
  | 'impl'
  | 'opens'
  | 'other'
  | 'stage';
const KINDS: readonly Kind[] = [
  'rolling',
  'vague',
  'dl',
  'apply',
  'ext',
  'prev',
  'event',
  'result',
  'impl',
  'opens',
  'other',
  'stage',
];

const L = '\\p{L}*';
/** Labels that name the deadline itself. */
const DL = [
  // The intake named first and its closing after: «Подання заявок завершується 10 квітня».
  `(?:подання|подачі|подача|подачу|приймання|прийом|при[её]м)${L} (?:\\p{L}+ ){0,2}?(?:заверш|закінч|сплива|заканчива|закрива)${L}`,
  // A closing date: «Дата закриття конкурсу: 19 червня», «дата окончания приема».
  `(?:дат${L}|день) (?:закриття|закінчення|завершення|окончания|закрытия|завершения)(?: (?:конкурсу|прийому|подання|приема|конкурса|подачи))?`,
  `дедлайн${L}`,
  'deadlines?',
  `(?:кінцев|крайн|остаточн|граничн)${L} (?:термін|дат|строк)${L}`,
  // The intake closing: «завершується прийом заявок», «закінчується подання».
  `(?:заверш|закінч|сплива|заканчива|закрива)${L} (?:\\p{L}+ )?(?:прийом|подання|подачі|при[её]м|приймання)${L}`,
  `(?:термін|строк)${L} (?:подачі|подання|прийому|приймання|надсилання|реєстрації)`,
  `(?:прийом|прийн?ятт|приймання|при[её]м)${L} (?:\\p{L}+ )?(?:заяв|проє?е?кт|пропозиц|документ|аплікац|анкет|конкурсн|робіт)${L}`,
  // Emoji-post labels: «⏰ До: 24 травня».
  'до(?= ?:)',
  'until(?= ?:)',
  'closing date',
  'closes?',
  '(?:application|submission) (?:period|window)',
  `період${L} (?:подання|подачі|прийому|приймання)`,
  `останн${L} (?:день|дата|термін)${L}`,
  'last day',
  'due',
  'submission deadline',
  '(?:open|accepted|received|available)(?: for applications)? (?:until|till|through)',
  `срок${L} (?:подачи|при[её]ма)`,
  `(?:граничн|предельн|конечн)${L} (?:дат|срок)${L}`,
  `крайн${L} срок`,
  `окончани${L} при[её]ма`,
  'termin składania',
  'nabór (?:trwa|wniosków)',
  // «Termin zgłoszeń hromad: 13.02.2026», «Zgłoszenia przyjmujemy do 13 lutego»
  `termin${L} zgłosze${L}`,
  `zgłoszeni${L}`,
];
/** Verbs of applying: a deadline cue unless an event or results word governs the clause. */
const APPLY = [
  'приймаються',
  'приймається',
  'приймаємо',
  'прийматимуться',
  'приймає',
  'приймають',
  'приймуть',
  'принимают',
  'принимаем',
  'подаються',
  'подається',
  'принимаются',
  'принимается',
  'подаются',
  'подати',
  'подавати',
  'подання',
  'подачі',
  'надіслати',
  'надсилати',
  'податися',
  'подать',
  'подачи',
  `анкет${L}`,
  `зареєструва${L}`,
  `трива(?!л)${L}`,
  // A programme open to applications «діє до 1 грудня»: its end is the last day to apply.
  'діє',
  'діятиме',
  'действует',
  'продлится',
  `apply${L}`,
  `submi${L}`,
  'accepted',
  'received',
];
const EXT = [
  `продовж${L}`,
  `подовж${L}`,
  `продл${L}`,
  'extended',
  'extension',
  'extends',
  `перенес${L}`,
  'postponed',
  'new deadline',
  `нов${L} (?:термін|дедлайн|срок)`,
  `przedłuż${L}`,
  `wydłuż${L}`,
  `nowy termin`,
];
const PREV = [
  `раніше`,
  'замість',
  'previously',
  'originally',
  'original',
  'initially',
  `попередн${L}`,
  'ранее',
  'вместо',
  'zamiast',
  'pierwotnie',
  'wcześniej',
  'instead of',
  'was (?:initially|originally)',
  // A correction: «29 травня (а не 19 травня)».
  'а не',
  'rather than',
  'not the',
];
const EVENT = [
  `вебінар${L}`,
  `webinar${L}`,
  `вебинар${L}`,
  `сесі${L}`,
  `session${L}`,
  `зустріч${L}`,
  `встреч${L}`,
  `meeting${L}`,
  `презентаці${L}`,
  'presentation',
  `тренінг${L}`,
  `тренинг${L}`,
  'training',
  `семінар${L}`,
  `семинар${L}`,
  'seminar',
  `workshop${L}`,
  `воркшоп${L}`,
  `конференці${L}`,
  `конференци${L}`,
  'conference',
  `форум${L}`,
  'forum',
  'info day',
  'information day',
  `інформаційн${L} (?:день|дні|дня)`,
  `консультаці${L}`,
  `консультаци${L}`,
  'consultation',
  'q&a',
  `відбуд${L}`,
  `відбув${L}`,
  `відбул${L}`,
  'will take place',
  'takes place',
  'will be held',
  `состоит${L}`,
  `ефір${L}`,
  `навчанн${L}`,
  `лекці${L}`,
  'livestream',
  // Questions close before applications: «Дедлайн для запитань — 20 червня».
  `запитан${L}`,
  'questions?',
  'clarifications?',
  `вопрос${L}`,
];
const RESULT = [
  `результат${L}`,
  'results?',
  `переможц${L}`,
  'winners?',
  `оголос${L}ть`,
  `буд${L} оголошен${L}`,
  'announced',
  'announcement of',
  `підсумк${L}`,
  `итог${L}`,
  'evaluation',
  `оцінюванн${L}`,
  `розгляд${L}`,
  `рішенн${L}`,
  `решени${L}`,
  `notif${L}`,
  `повідомленн${L}`,
  `shortlist${L}`,
  `шорт-?лист${L}`,
];
const IMPL = [
  `реаліз${L}`,
  `реализ${L}`,
  `implement${L}`,
  `впровадж${L}`,
  `виконанн${L}`,
  `тривалість${L}`,
  'duration',
  'period',
  `період${L}`,
  `звіт${L}`,
  `report${L}`,
  'completed',
  `заверш${L}`,
  `закінчен${L}`,
  `контракт${L}`,
  `договор${L}`,
  'contracts?',
  'grant agreements?',
  `використ${L}`,
];
const OPENS = [
  `відкритт${L}`,
  'opens?',
  'opening',
  'початок',
  `почина${L}`,
  `старт${L}`,
  `розпоч${L}`,
  'starts?',
  `launch${L}`,
  `начал${L}`,
  `начина${L}`,
];
const STAGE = [
  'concept notes?',
  `концепці${L}`,
  `концепци${L}`,
  `концептуальн${L} (?:записк|заявк|нотатк)${L}`,
  'full (?:applications?|proposals?)',
  `повн${L} (?:заяв|проєктн|проектн)${L}`,
  `полн${L} (?:заявк|проектн)${L}`,
  'stage\\s*[12]',
  '(?:first|second) (?:stage|round|deadline|cut-?off)',
  `(?:перш|друг|перв|втор)${L} (?:етап|раунд|дедлайн|этап)${L}`,
  `(?:етап|этап)${L}\\s*[12іi]{1,2}`,
  'round\\s*\\d',
  'cut-?off(?: dates?)?',
];

/** Ongoing calls: no date to record. */
const ROLLING = [
  `постійно[- ]?діюч${L}`,
  'на постійній основі',
  `постійн${L} (?:прийом|набір|відбір)${L}`,
  `безстроков${L}`,
  'без (?:кінцевого )?(?:дедлайну|терміну)',
  `дедлайн${L}:? (?:відсутн${L}|немає|нема|постійно)`,
  `до вичерпання (?:коштів|фінансування|бюджету|ресурсів)`,
  'поки (?:є|не закінчаться) кошти',
  'протягом (?:усього|всього|цілого) року',
  'цілорічно',
  'у будь-який час',
  // «прийом безперервний», «заявки приймаються постійно», «кінцевої дати подання немає».
  `(?:прийом|при[её]м|відбір|набір)${L} (?:заявок )?(?:безперервн|постійн|непрерывн|постоянн)${L}`,
  `(?:приймаються|приймаємо|прийматимуться|принимаются|подаються|розглядаються|рассматриваются|принимаем) (?:\\p{L}+ ){0,3}?(?:постійно|безперервно|постоянно|непрерывно)`,
  `(?:кінцев${L} дат${L}|кінцев${L} термін${L}|дедлайн${L}|конечн${L} дат${L}) (?:\\p{L}+ ){0,2}?(?:немає|нема|відсутн${L}|не встановлен${L}|не передбачен${L}|нет)`,
  `без (?:кінцевої |конечной )?дати`,
  `(?:прийма|принима)${L} (?:[\\p{L}'-]+ ){0,8}?(?:безперервно|постійно|постоянно|непрерывно)`,
  // «доки є фінансування», «поки не вичерпано бюджет»: until the money runs out.
  `(?:доки|поки|пока) (?:є|есть|не закінч${L}|не вичерпа${L}|не законч${L}|не исчерпа${L}) (?:кошти|фінансування|бюджет${L}|средства|финансирование)`,
  // An "open window" intake: «за принципом відкритого вікна».
  `відкрит${L} вікн${L}`,
  'open window',
  `до окремого (?:повідомлення|розпорядження)`,
  `до особого (?:распоряжения|уведомления)`,
  // First come, first served: there is no date to miss.
  `в порядку (?:надходження|черговості)`,
  `в порядке (?:поступления|очер[её]дности)`,
  'first[- ]come,? first[- ]served',
  `в течение (?:всего|целого) года`,
  'в будь-який час',
  'на регулярній основі',
  'rolling(?! out)',
  'on-?going basis',
  'ongoing basis',
  'on a continuous basis',
  '(?:reviewed|accepted|considered|assessed) continuously',
  'open-ended',
  'no (?:fixed )?deadline',
  // «accepted until funding is exhausted»: taken whole, before "accepted until" reads as a deadline.
  '(?:(?:accepted|received|open|reviewed) )?until (?:all )?(?:the )?(?:funds|funding)(?: for [\\p{L} ]{0,30}?)? (?:are|is|runs?|has been|have been) (?:exhausted|depleted|out|allocated|used)',
  'at any time',
  'year-round',
  'all year round',
  'на постоянной основе',
  `постоянно действующ${L}`,
  `бессрочн${L}`,
  'до исчерпания',
  'в любое время',
  'w trybie ciągłym',
  'nabór ciągły',
];
/** «до кінця січня»: a deadline, but not a date; never turned into one. */
const VAGUE = [
  '(?:до|until|by|do) (?:кінця|the end of|конца|końca) \\p{L}+(?: \\d{4})?',
  '(?:наприкінці|в кінці|в конце|at the end of|pod koniec) \\p{L}+(?: \\d{4})?',
];

/**
 * Another call running beside this one: «Нагадаємо, паралельно стартує прийом до «дорослого»
 * Громадського бюджету — він триватиме до 30 червня»: its dates are not this call's.
 */
const OTHER = [
  `паралельн${L}`,
  `параллельн${L}`,
  'in parallel',
  `równoleg${L}`,
  `(?:окремо|отдельно|separately) (?:діє|триває|проводиться|оголошено|действует|проходит|проводится|объявлен${L}|runs|open)`,
];

const CUE_RE = compile(
  `${B}(?:(${alt(ROLLING)})|(${alt(VAGUE)})|(${alt(DL)})|(${alt(APPLY)})|(${alt(EXT)})|(${alt(PREV)})|(${alt(EVENT)})|(${alt(RESULT)})|(${alt(IMPL)})|(${alt(OPENS)})|(${alt(OTHER)})|(${alt(STAGE)}))(?![\\p{L}])`,
  'g',
);

const REJECT = new Set<Kind>(['prev', 'event', 'result', 'impl', 'opens']);
const STRONG_BEHIND_WEAK = new Set<Kind>(['dl', 'prev', 'event', 'result', 'impl']);
/** Cues that decide what a date is (stage cues only label it; rolling and vague ones stand alone). */
const DECISIVE = new Set<Kind>(['dl', 'apply', 'ext', 'prev', 'event', 'result', 'impl', 'opens']);

/**
 * A clock time written between «до»/"by" and the date: «16:00», «12 год. 00 хв.», "5 p.m. Kyiv time",
 * "midnight (CET)". It does not change which date is meant.
 */
const CLOCK_WORDS = String.raw`(?:(?:(?:[01]?\d|2[0-4])(?:[:.][0-5]\d(?:\s*(?:год\.?|[ap]\.?\s?m\.?))?|\s*год\.?(?:\s*\d{1,2}\s*хв\.?)?|\s*[ap]\.\s?m\.|\s*[ap]m)|midnight|midday|noon|опівночі|полуночи)(?:\s*\(?(?:kyiv|kiev|київськ\p{L}*|за київським|киевск\p{L}*|cet|cest|eet|eest|brussels)(?:\s+(?:time|часом|времени))?\)?)?)`;

/** "з 1 березня", "from 1 March": an opening date, not a deadline. */
const OPENER_BEFORE = /(?:^|[\s(])(?:з|із|від|from|since|starting|с|od)\s*$/;
/** "до 15 квітня", "by 15 April", "до 16:00 3 квітня". */
const UNTIL_BEFORE = compile(
  String.raw`(?:^|[\s(:])(?:до|по|by|until|till|before|не пізніше(?: ніж)?|не позднее|no later than|do)\s*:?\s*(?:${CLOCK_WORDS}\s*,?\s*(?:on\s+(?:\p{L}+,?\s+)?)?)?$`,
  '',
);
/** A contrasting conjunction after a comma: what follows is not governed by what came before. */
const CONTRAST = /,\s*(?:а|але|однак|проте|но|однако|but|whereas|while)\s/;
/** A date written between two points of a clause (a day and a month word, or a numeric date). */
const DATE_LIKE = /\d{1,2}(?:\s+\p{L}{3,}|[./]\d{1,2})/u;
/** Nothing but «до»/"until" (and emoji or punctuation) before the date in its clause. */
const BARE_UNTIL = /^[^\p{L}\p{N}]*(?:до|until|by|do)\s*:?\s*$/u;
/** The second date of "between 11 January and 26 February", «між 1 і 20 травня», «з 1 по 20 травня». */
const WINDOW_END_BEFORE = /(?:between|між|между|pomiędzy|od)\s+[^,;.]{1,30}?\s+(?:and|і|та|и|й|a|do)\s*$/;
/** The clause speaks about applying at all. */
const APPLYISH =
  /заяв|подат|подан|подач|прийом|при[её]м|apply|applica|submi|proposal|expression of interest|участ|реєстрац|registr|конкурс|набір|грант|call|wniosk|документ|document/;

/** A rolling phrase counts only in a clause about applying ("at any time" alone says nothing). */
const CALLISH =
  /заяв|прийом|при[её]м|програм|конкурс|грант|applica|accept|submi|proposal|request|call|fund|набір|подат|подан|подач|відбір|wniosk|nabór/;
/**
 * «Кінцевий термін … буде оголошено додатково», "the deadline will be announced later": the text
 * promises a date it does not give. That is unknown, whatever a headline says about "no deadline".
 */
const DATE_TO_COME = compile(
  String.raw`(?<![\p{L}])(?:термін|строк|дедлайн|дат[аи]|срок|deadline)\p{L}* (?:[\p{L}-]+ ){0,4}?(?:буде|будуть|будет|будут|will be) (?:оголошен|повідомлен|визначен|встановлен|объявлен|определ[её]н|сообщ[её]н|announced|communicated|published|set)\p{L}*`,
  '',
);
/** Max days a deadline may precede the publication date before a missing year rolls forward. */
const YEAR_ROLL_DAYS = 60;

interface Candidate {
  mention: DateMention;
  date: string;
  role: 'dl' | 'ext';
  weight: number;
  label: string | null;
}

function dayNumber(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
  );
}

/** A five-digit year typo (20226) read as the one plausible year, or null. */
function repairYear(text: string, window: readonly [number, number]): number | null {
  const options = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const y = Number(text.slice(0, i) + text.slice(i + 1));
    if (y >= window[0] && y <= window[1]) options.add(y);
  }
  return options.size === 1 ? [...options][0]! : null;
}

interface YearContext {
  pub: string | null;
  /** Dates with a plausible written year, for years a text leaves out. */
  written: { pos: number; iso: string }[];
}

function yearWindow(ctx: YearContext): [number, number] {
  if (ctx.pub) {
    const y = Number(ctx.pub.slice(0, 4));
    return [y - 1, y + 5];
  }
  const years = ctx.written.map((w) => Number(w.iso.slice(0, 4)));
  if (years.length) return [Math.min(...years) - 1, Math.max(...years) + 1];
  return [2000, 2099];
}

function resolveDate(m: DateMention, ctx: YearContext): string | null {
  if (m.yearText) {
    let year = Number(m.yearText);
    if (m.yearText.length !== 4) {
      const repaired = repairYear(m.yearText, yearWindow(ctx));
      if (repaired === null) return null;
      year = repaired;
    }
    // A past year is what the text says; a year far ahead is a typo nobody can read back.
    if (year < 2000 || year > yearWindow(ctx)[1]) return null;
    return isoDate(year, m.month, m.day);
  }
  // No year: the publication date (or the nearest earlier date written with a year) anchors it.
  const earlier = ctx.written.filter((w) => w.pos < m.start).at(-1)?.iso ?? ctx.written[0]?.iso;
  const ref = ctx.pub ?? earlier;
  if (!ref) return null;
  const year = Number(ref.slice(0, 4));
  const same = isoDate(year, m.month, m.day);
  if (!same) return null;
  if (dayNumber(same) < dayNumber(ref) - YEAR_ROLL_DAYS) return isoDate(year + 1, m.month, m.day);
  return same;
}

/** Stage labels by the words of the cue; the content ones come first. */
const STAGE_LABELS: ReadonlyArray<readonly [RegExp, string]> = [
  [/concept|концепц|концептуал/, 'concept note'],
  [/full|повн|полн/, 'full application'],
  [/cut-?off/, 'cut-off'],
  [/second|друг|втор|2|ii/, 'stage 2'],
];
const CONTENT_LABEL = /concept|концепц|концептуал|full|повн|полн/;

/** «другий раунд», "Round 2": rounds of a call series, not stages of one application. */
const ROUND = /раунд|round/;

function stageLabel(cueText: string): string {
  const label = STAGE_LABELS.find(([re]) => re.test(cueText))?.[1] ?? 'stage 1';
  if (ROUND.test(cueText) && label.startsWith('stage ')) return label.replace('stage', 'round');
  return label;
}

function labelFor(doc: Doc, stageCues: Cue<Kind>[]): string | null {
  if (!stageCues.length) return null;
  // "Stage 1 concept notes": the content label says more than the number.
  const named = stageCues.find((c) => CONTENT_LABEL.test(doc.lower.slice(c.start, c.end)));
  const cue = named ?? stageCues.at(-1)!;
  return stageLabel(doc.lower.slice(cue.start, cue.end));
}

/** The role the date plays, decided from the cues in its clause; null when it is no deadline. */
function judge(doc: Doc, cues: Cue<Kind>[], m: DateMention): Omit<Candidate, 'date' | 'mention'> | null {
  const [from, to] = labelledClauseAt(doc, m.start);
  const beforeText = doc.lower.slice(Math.max(from, m.start - 14), m.start);
  if (!m.rangeEnd && OPENER_BEFORE.test(beforeText)) return null;
  const inClause = cuesIn(cues, from, to);
  // the sentence is about another call running beside this one, whatever it calls the date
  if (inClause.some((c) => c.kind === 'other' && c.end <= m.start)) return null;
  const stageBefore = inClause.filter((c) => c.kind === 'stage' && c.end <= m.start);
  const stageAfter = inClause.filter((c) => c.kind === 'stage' && c.start >= m.end);
  const label = labelFor(doc, stageBefore.length ? stageBefore : stageAfter);
  let nearest = lastCueIn(cues, from, m.start, DECISIVE);
  // «замість 30 вересня … до 21 жовтня»: "instead of" speaks of the date after it, not of this one
  while (nearest?.kind === 'prev' && DATE_LIKE.test(doc.lower.slice(nearest.end, m.start)))
    nearest = lastCueIn(cues, from, nearest.start, DECISIVE);
  if (nearest) {
    if (REJECT.has(nearest.kind)) return null;
    if (nearest.kind === 'dl') return { role: 'dl', weight: 3, label };
    // A verb or an extension is read through the label governing the clause before it.
    let governing = lastCueIn(cues, from, nearest.start, STRONG_BEHIND_WEAK);
    // «Вебинар пройдёт 15 июля, а подать заявку нужно до 7 августа»: «, а» opens a clause of its own
    if (governing && CONTRAST.test(doc.lower.slice(governing.end, nearest.start))) governing = null;
    if (governing && governing.kind !== 'dl') return null;
    return { role: nearest.kind === 'ext' ? 'ext' : 'dl', weight: governing ? 3 : 2, label };
  }
  const after = inClause.find((c) => c.start >= m.end && DECISIVE.has(c.kind));
  if (after) {
    if (after.kind === 'dl' || after.kind === 'apply') return { role: 'dl', weight: 2, label };
    if (after.kind === 'ext') return { role: 'ext', weight: 2, label };
    return null;
  }
  if (label) return { role: 'dl', weight: 2, label };
  const before = doc.lower.slice(Math.max(from, m.start - 48), m.start);
  // "between 11 January and 26 February": the end of an application window
  const until = UNTIL_BEFORE.test(before) || WINDOW_END_BEFORE.test(before);
  if (until && APPLYISH.test(doc.lower.slice(from, to))) return { role: 'dl', weight: 1, label };
  // A line that is only «⏰ До 28.04.2027.»: a post's deadline line, whatever it leaves unsaid.
  if (until && BARE_UNTIL.test(doc.lower.slice(from, m.start))) return { role: 'dl', weight: 1, label };
  return null;
}

/** "1 March – 15 April", "01.03.2026 - 15.04.2026": the first date opens the period. */
const RANGE_GAP = /^\s*(?:[-–—]|до|по|to|until|till)\s*$/;

function startsRange(doc: Doc, m: DateMention, next: DateMention | undefined): boolean {
  return !!next && next.start - m.end <= 8 && RANGE_GAP.test(doc.lower.slice(m.end, next.start));
}

function stageOf(c: Candidate, label: string): Stage {
  return { label, date: c.date, time: c.mention.time };
}

/**
 * Earliest date not before publication; the last one when all are past; the earliest when there is
 * no publication date.
 */
function pickAhead(cands: Candidate[], pub: string | null): Candidate {
  const sorted = [...cands].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!pub) return sorted[0]!;
  return sorted.find((c) => c.date >= pub) ?? sorted.at(-1)!;
}

function uniqueByDate(cands: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of cands) {
    const prev = seen.get(c.date);
    // Keep the mention that says the most (a label, a time).
    if (!prev || (!prev.label && c.label) || (!prev.mention.time && c.mention.time)) seen.set(c.date, c);
  }
  return [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function fixed(chosen: Candidate, stages: Stage[]): DeadlineResult {
  return {
    deadline: chosen.date,
    time: chosen.mention.time,
    tz: chosen.mention.tz,
    kind: 'fixed',
    stages,
    stage: chosen.label,
    month: null,
    evidence: chosen.mention.raw,
  };
}

function choose(cands: Candidate[], pub: string | null): DeadlineResult {
  const ext = cands.filter((c) => c.role === 'ext');
  if (ext.length) {
    // Extensions only ever move a deadline later: the latest one stated is the one in force.
    const latest = ext.reduce((a, b) => (b.date > a.date ? b : a));
    return fixed(latest, []);
  }
  const labelled = uniqueByDate(cands.filter((c) => c.label));
  if (labelled.length >= 2) {
    const stages = labelled.map((c) => stageOf(c, c.label!));
    return fixed(pickAhead(labelled, pub), stages);
  }
  const top = Math.max(...cands.map((c) => c.weight));
  const best = uniqueByDate(cands.filter((c) => c.weight === top));
  if (best.length === 1) return fixed(best[0]!, []);
  // Several dates equally named as deadlines: cut-offs of one call.
  const stages = best.map((c, i) => stageOf(c, c.label ?? `cut-off ${i + 1}`));
  return fixed(pickAhead(best, pub), stages);
}

/**
 * A rolling phrase counts in a clause about applying, or in the same sentence as one: "There is no
 * deadline; proposals are reviewed continuously" splits the call word off at the semicolon.
 */
function rollingEvidence(doc: Doc, cues: Cue<Kind>[]): string | null {
  for (const c of cues) {
    if (c.kind !== 'rolling') continue;
    const [from, to] = clauseAt(doc, c.start);
    // Only across a semicolon: the same sentence, never the headline's neighbour.
    const before = from > 0 && doc.text[from - 1] === ';' ? clauseAt(doc, from - 1)[0] : from;
    const after = to < doc.text.length && doc.text[to - 1] === ';' ? clauseAt(doc, to)[1] : to;
    if (CALLISH.test(doc.lower.slice(before, after))) return doc.text.slice(c.start, c.end);
  }
  return null;
}

function vagueEvidence(doc: Doc, cues: Cue<Kind>[]): string | null {
  const c = cues.find((x) => x.kind === 'vague');
  return c ? doc.text.slice(c.start, c.end) : null;
}

export function extractDeadline(doc: Doc): DeadlineResult {
  const mentions = findDates(doc);
  const cues = scanCues(doc.lower, CUE_RE, KINDS);
  const ctx: YearContext = { pub: doc.publishedAt, written: [] };
  for (const m of mentions) {
    if (m.yearText?.length !== 4) continue;
    const iso = isoDate(Number(m.yearText), m.month, m.day);
    if (iso) ctx.written.push({ pos: m.start, iso });
  }
  const cands: Candidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (startsRange(doc, m, mentions[i + 1])) continue;
    const verdict = judge(doc, cues, m);
    if (!verdict) continue;
    const date = resolveDate(m, ctx);
    if (date) cands.push({ ...verdict, mention: m, date });
  }
  if (cands.length) return choose(cands, doc.publishedAt);
  const toCome = DATE_TO_COME.exec(doc.lower);
  if (toCome)
    return {
      deadline: null,
      time: null,
      tz: null,
      kind: 'unknown',
      stages: [],
      stage: null,
      month: null,
      evidence: doc.text.slice(toCome.index, toCome.index + toCome[0].length),
    };
  const rolling = rollingEvidence(doc, cues);
  if (rolling)
    return {
      deadline: null,
      time: null,
      tz: null,
      kind: 'rolling',
      stages: [],
      stage: null,
      month: null,
      evidence: rolling,
    };
  const vague = vagueEvidence(doc, cues);
  return {
    deadline: null,
    time: null,
    tz: null,
    kind: 'unknown',
    stages: [],
    stage: null,
    month: vague ? vagueMonth(vague.toLowerCase(), doc.publishedAt) : null,
    evidence: vague,
  };
}

/** The month «до кінця квітня [2027]» ends in, the year from the text or the publication date. */
function vagueMonth(phrase: string, pub: string | null): string | null {
  const m = /(\p{L}+)(?:\s+(\d{4}))?$/u.exec(phrase);
  const month = m ? monthOfWord(m[1]!) : undefined;
  if (!month) return null;
  let year = m![2] ? Number(m![2]) : pub ? Number(pub.slice(0, 4)) : null;
  if (year === null) return null;
  // «до кінця січня» written in November is next January
  if (!m![2] && pub && month < Number(pub.slice(5, 7)) - 2) year++;
  return `${year}-${String(month).padStart(2, '0')}`;
}
