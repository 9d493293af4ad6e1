// Reads money: the grant one applicant can get (min/max, currency), the programme's total budget
// (kept apart, never taken for the grant size) and the applicant's co-financing share.
import { alt, type Cue, compile, firstCueIn, lastCueIn, matchesOf, scanCues } from './context.ts';
import { B, clauseAt, type Doc, labelledClauseAt } from './prepare.ts';

export interface AmountResult {
  amountMin: number | null;
  amountMax: number | null;
  currency: string | null;
  budgetTotal: number | null;
  /** The applicant's own share in percent (see cofinancing()). */
  cofinancingPct: number | null;
  evidence: { amount?: string; budgetTotal?: string; cofinancingPct?: string };
}

const L = '\\p{L}*';
const CUR_PRE = '(€|\\$|£|₴|¥|us\\$|eur|usd|uah|pln|chf|gbp|nok|sek|dkk|czk|jpy|cad)';
const NUM = "(\\d{1,3}(?:[ .,']\\d{3})+(?:[.,]\\d{1,2})?(?!\\d)|\\d+(?:[.,]\\d+)?)";
const MULT = `(тис\\.?|тисяч${L}|тыс\\.?|тысяч${L}|tys\\.?|tysi[ąę]c${L}|thousand|млн\\.?|мільйон${L}|мльйон${L}|миллион${L}|million|mln|mio\\.?|млрд\\.?|мільярд${L}|миллиард${L}|billion|bn|k|к|m)`;
const CUR_POST = `(грн\\.?|гривн${L}|гривен${L}|гривень|₴|uah|євро|евро|eur|euros?|€|долар${L}(?: сша)?|доллар${L}(?: сша)?|дол\\.?(?: ?сша)?|usd|\\$|us dollars|dollars?|злот${L}|pln|zł|chf|швейцарськ${L} франк${L}|франк${L}|gbp|£|фунт${L}(?: стерлінгів)?|(?:норвез|норвеж|шведськ|шведск|данськ|датск|чеськ|чешск)${L} крон${L}|nok|sek|dkk|czk|крон${L}|jpy|¥|(?:японськ|японск)${L} (?:єн|иен)${L}|єн${L}|иен${L}|yen|cad|(?:канадськ|канадск)${L} (?:долар|доллар)${L}|canadian dollars?)`;
/** The sum repeated in words, as contracts write it: «1 000 000 (один мільйон) гривень». */
const SPELLED = "\\s?\\([\\p{L}' -]{3,60}\\)(?=\\s?[\\p{L}₴€$£¥])";
/** One sum: "€1,5 млн", "200 тис. грн", "EUR 10.000", "$25,000", or a bare number a range may complete. */
const TOKEN = compile(
  `(?<![\\p{L}\\p{N}.,/:])(?:${CUR_PRE}\\s?)?${NUM}(?!\\d|[.,:/]\\d)(?:\\s?${MULT}(?![\\p{L}]))?(?:${SPELLED})?(?:\\s?${CUR_POST}(?![\\p{L}]))?`,
  'g',
);
/** Between two sums of one range: "від 50 до 200 тисяч", "$25,000–$250,000", "EUR 200,000 to EUR 1.2 million". */
const RANGE_GAP = /^\s*(?:[-–—]|до|по|to|do|and|і|та|и|-)\s*$/;
/** Between alternatives: «до 3 000 або до 6 000 євро». */
const ALT_GAP = /^\s*(?:або|или|or|чи|lub)\s*(?:до|up to|to|до суми)?\s*$/;
const UP_TO_BEFORE =
  /(?:^|[\s(:—–-])(?:до|up to|не більше(?: ніж)?|не більш як|не перевищує|максимум|max(?:imum)?\.?|under|до суми|не более|do)\s*(?:[:—–-]\s*)?$/;
const FROM_BEFORE =
  /(?:^|[\s(:—–-])(?:від|from|at least|не менше(?: ніж)?|мінімум|min(?:imum)?\.?|от|не менее|od)\s*$/;
const EACH_BEFORE = /(?:^|\s)по\s*$/;

type Kind = 'per' | 'total' | 'budget' | 'max' | 'min' | 'exclude';
const KINDS: readonly Kind[] = ['total', 'per', 'budget', 'max', 'min', 'exclude'];
const PER = [
  // The funder's co-financing is the grant: «обсяг обласного співфінансування одного мікропроєкту».
  `(?:обласн|державн|бюджетн|донорськ)${L} співфінансуванн${L}`,
  // The donor's share is the grant: «Внесок ЄС — від 100 000 до 1 000 000 євро».
  `внес${L} (?:єс|ес|донора|програми|фонду)`,
  `(?:eu|єс|ес|donor) (?:co-?financing|contribution|funding|grant|співфінансуванн${L}|фінансуванн${L})`,
  `бюджет${L} (?:одного )?(?:проєкт|проект|project|заявк|мікропроєкт)${L}`,
  'project budget',
  `грант${L}`,
  `мікрогрант${L}`,
  `міні-?грант${L}`,
  `субгрант${L}`,
  `розмір${L}`,
  `размер${L}`,
  `сум${L} (?:гранту|гранта|фінансування|підтримки|допомоги)`,
  'per (?:project|grant|applicant|organi[sz]ation|partner|beneficiary|community|municipality|school|facility|utility|enterprise|household|institution|farm)',
  `на (?:один |одну |одне |кожн\\p{L}* |каждую |каждый |каждое )?(?:проєкт|проект|заявку|громаду|організацію|заклад|установу|об'єкт|підприємство|господарство|школу|учасника|отримувача|будинок|учреждение|общину|хозяйство|дом)`,
  'одного (?:проєкту|проекту|заявника)',
  'grants? (?:size|amount|of)',
  `award${L}`,
  'funding of',
  `фінансуванн${L} (?:одного|на)`,
  'contribution',
  `kwot${L}`,
  'na (?:jeden )?projekt',
  `dofinansowani${L}`,
];
const TOTAL = [
  `грантов${L} фонд${L}`,
  'grant fund',
  // «Загальний обсяг грантових коштів за Лотом 1»: the words after it belong to the total
  `загальн${L} (?:бюджет|сум|обсяг|фонд|фінансуванн|розмір|вартіст)${L}(?: грантов${L})?(?: (?:кошт|фінансуванн)${L})?`,
  `(?:фонд|бюджет)${L} (?:\\p{L}+ ){0,2}?(?:конкурс|програм|конкурса|программ|call|programme|program)${L}`,
  `total(?: (?:budget|amount|funding|envelope|value|of))?`,
  'overall (?:budget|amount|funding)',
  'budget of the (?:call|programme|program)',
  'call budget',
  'indicative (?:budget|amount|allocation)',
  // The money of the whole call: "The call allocation is EUR 32 million", «Pula środków: 32 mln euro».
  `(?:call |total |financial )?allocation`,
  `pul${L} (?:środków|srodkow|naboru|konkursu)`,
  `łączn${L} pul${L}`,
  'do podziału',
  `łączn${L} (?:budżet|kwot|wartoś)${L}`,
  `alokacj${L}`,
  `budżet${L} (?:naboru|programu|konkursu)`,
  'envelope',
  'усього',
  'всього',
  'загалом',
  'in total',
  'на загальну суму',
  `призов${L} фонд${L}`,
  `общ${L} (?:бюджет|сумм|фонд|объ[её]м|размер|стоимост)${L}`,
  `(?:обсяг|объ[её]м)${L} (?:\\p{L}+ ){0,2}?(?:конкурс|програм|конкурса|программ)${L}`,
  'всего',
  `(?:буде|будуть) розподілен${L}`,
  `розподіл${L}`,
  'will distribute',
  // «виділять 4 млн гривень» is the call's money; «виділить громадам до 150 тисяч» a grant's cap
  `виділ${L}(?![^.,;]*?\\sдо\\s)`,
  `выдел${L}(?![^.,;]*?\\sдо\\s)`,
  'allocated',
  // «на реалізацію проєктів передбачено 15 мільйонів»; «на кожну школу передбачено до 150 тис.» is
  // a cap per school
  `передбачен${L}(?!\\s+до\\s)`,
  `предусмотрен${L}(?!\\s+до\\s)`,
  // A programme's money being sent somewhere: «Фонд спрямує 50 млн грн на відновлення житла».
  'спрямує',
  'спрямують',
  'спрямовує',
  'спрямовують',
  'спрямовано',
  'спрямували',
  'спрямував',
  `направит${L}`,
  `направят`,
  'will (?:allocate|channel|direct|provide a total of)',
  'available (?:eu |programme |program )?(?:budget|funding)',
];
const BUDGET = [`бюджет${L}`, 'budget'];
const MAX = [
  `максимальн${L}`,
  'максимум',
  `граничн${L}`,
  `предельн${L}`,
  `ліміт${L}`,
  `лимит${L}`,
  'не более',
  'capped at',
  'cap',
  'maximum',
  'max\\.?',
  'up to',
  'не більше',
  'не більш',
  `не перевищ${L}`,
  `not exceed${L}`,
  'ceiling',
];
const MIN = [`мінімальн${L}`, 'minimum', 'min\\.?', 'не менше', 'at least', 'floor'];
const EXCLUDE = [
  `співфінансуванн${L}`,
  `co-?financ${L}`,
  `cofinanc${L}`,
  `софинансир${L}`,
  `власн${L} внес${L}`,
  `внес${L}`,
  'own contribution',
  'matching funds?',
  `річн${L} (?:бюджет|дохід|оборот)${L}`,
  // an applicant's size: «ГО/БФ з бюджетом до 5 млн грн», "organisations with a budget below"
  `(?:з|із|с|with(?: an?)?(?: annual)?) бюджет${L}`,
  `with (?:an? )?(?:annual )?budget`,
  `оборот${L}`,
  'turnover',
  'annual (?:budget|income|revenue)',
  `дох[іо]д${L}`,
  `зарплат${L}`,
  `заробітн${L}`,
  'salary',
  'fee',
  'cost of',
  `отримал${L}`,
  'received',
  // what earlier rounds brought in: «за результатами першого конкурсу залучили понад 30 млн євро»
  `залучил${L}`,
  `привлекл${L}`,
  'attracted',
  `собственн${L} вклад${L}`,
];
/** Totals first: «грантовий фонд» is the programme’s money, though it starts like «грант». */
const CUE_RE = compile(
  `${B}(?:(${alt(TOTAL)})|(${alt(PER)})|(${alt(BUDGET)})|(${alt(MAX)})|(${alt(MIN)})|(${alt(EXCLUDE)}))(?![\\p{L}])`,
  'g',
);

interface Token {
  start: number;
  end: number;
  value: number;
  /** The number before its multiplier, for "від 50 до 200 тисяч". */
  mantissa: number;
  mult: number | null;
  currency: string | null;
}

interface Group {
  start: number;
  end: number;
  low: number | null;
  high: number;
  /** 'range' has low and high; 'alt' is «до X або до Y»; 'one' is a single sum. */
  shape: 'range' | 'alt' | 'one';
  currency: string;
}

const THOUSANDS = /^(?:тис|тыс|tys|thousand|k$|к$)/;
const BILLIONS = /^(?:млрд|мільярд|миллиард|billion|bn$)/;

function multiplier(word: string | undefined): number | null {
  if (!word) return null;
  if (THOUSANDS.test(word)) return 1e3;
  if (BILLIONS.test(word)) return 1e9;
  return 1e6;
}

/** ISO code by how the currency is written (lower-case), first match wins. */
const CURRENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:грн|гривн|гривен|₴|uah)/, 'UAH'],
  [/^(?:€|eur|євро|евро)/, 'EUR'],
  [/^(?:cad|канадськ|канадск|canadian)/, 'CAD'],
  [/^(?:\$|us\$|usd|долар|доллар|дол|us dollars|dollar)/, 'USD'],
  [/^(?:злот|pln|zł)/, 'PLN'],
  [/^(?:chf|франк|швейцар)/, 'CHF'],
  [/^(?:gbp|£|фунт)/, 'GBP'],
  [/^(?:nok|норве)/, 'NOK'],
  [/^(?:sek|швед)/, 'SEK'],
  [/^(?:dkk|данськ|датск)/, 'DKK'],
  [/^(?:jpy|¥|єн|иен|yen|японськ|японск)/, 'JPY'],
  [/^(?:czk|крон|чеськ|чешск)/, 'CZK'],
];

const KRONES = new Set(['SEK', 'NOK', 'DKK', 'CZK']);
/** A sum in «крон» with no country's adjective before it. */
const BARE_KRONE = /(?:^|[\s\d.,])(?:тис\.?|тыс\.?|млн\.?|мільйон\p{L}*|миллион\p{L}*)?\s*крон/u;

function currencyOf(word: string | undefined): string | null {
  if (!word) return null;
  return CURRENCIES.find(([re]) => re.test(word))?.[1] ?? null;
}

/**
 * "10.000" and "25,000" are thousands, "1,5" and "1.2" decimals: a single separator followed by
 * exactly three digits groups thousands unless a multiplier follows (nobody writes "1.500 млн").
 */
const GROUP_SPACES = /[ ']/g;
const SEPARATORS = /[.,]/g;
const TRAILING_DOT = /\.$/;

export function parseNumber(text: string, hasMultiplier: boolean): number {
  const s = text.replace(GROUP_SPACES, '');
  const seps = s.match(SEPARATORS) ?? [];
  if (!seps.length) return Number(s);
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  const tail = s.length - last - 1;
  let decimalAt = -1;
  if (new Set(seps).size === 2) decimalAt = last;
  else if (seps.length === 1 && (hasMultiplier || tail !== 3)) decimalAt = last;
  const intPart = (decimalAt < 0 ? s : s.slice(0, decimalAt)).replace(SEPARATORS, '');
  const frac = decimalAt < 0 ? '' : s.slice(decimalAt + 1);
  return Number(frac ? `${intPart}.${frac}` : intPart);
}

/** A million in words alone: «до мільйона гривень», "up to a million hryvnias". */
const WORD_MILLION = compile(
  `(?<=(?:^|[\\s(])(?:до|up to(?: a)?|a|one|один|одного|одну)\\s)(?:мільйон${L}|миллион${L}|million)\\s?${CUR_POST}(?![\\p{L}])`,
  'g',
);

function tokens(lower: string): Token[] {
  const out: Token[] = [];
  for (const m of matchesOf(TOKEN, lower)) {
    const [, pre, num, multWord, post] = m;
    const mult = multiplier(multWord);
    const mantissa = parseNumber(num!, mult !== null);
    // nobody is offered nothing: «250 0000 евро» is a broken grouping, not two sums
    if (!(mantissa > 0) || /\d $/.test(lower.slice(Math.max(0, m.index - 2), m.index))) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].trimEnd().length,
      mantissa,
      mult,
      value: mantissa * (mult ?? 1),
      currency: currencyOf(pre) ?? currencyOf(post),
    });
  }
  for (const m of matchesOf(WORD_MILLION, lower)) {
    const end = m.index + m[0].length;
    out.push({ start: m.index, end, mantissa: 1, mult: 1e6, value: 1e6, currency: currencyOf(m[1]) });
  }
  out.sort((a, b) => a.start - b.start);
  // «до 400 тис. шведських крон …; до 1,2 млн крон на рік»: a bare «крон» is the krone named before
  // it (Czech only when none was)
  let krone: string | null = null;
  for (const t of out) {
    if (t.currency === 'CZK' && krone && BARE_KRONE.test(lower.slice(t.start, t.end + 12)))
      t.currency = krone;
    else if (t.currency && KRONES.has(t.currency)) krone = t.currency;
  }
  // «малі — до 400 тис. грн, великі — до 2,5 млн»: a sum with a multiplier and no currency takes the
  // currency of the sum just before it in the same sentence
  for (let i = 1; i < out.length; i++) {
    const t = out[i]!;
    const prev = out[i - 1]!;
    if (t.currency || t.mult === null || !prev.currency) continue;
    const gap = lower.slice(prev.end, t.start);
    if (gap.length <= 60 && !/[.!?\n]/.test(gap)) t.currency = prev.currency;
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Sums joined into ranges and alternatives; sums with no currency anywhere are dropped. */
function groups(lower: string, toks: Token[]): Group[] {
  const out: Group[] = [];
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i]!;
    const b = toks[i + 1];
    const gap = b ? lower.slice(a.end, b.start) : '';
    const shape = b && RANGE_GAP.test(gap) ? 'range' : b && ALT_GAP.test(gap) ? 'alt' : null;
    const currency = shape ? (b!.currency ?? a.currency) : a.currency;
    if (shape && b && (!a.currency || !b.currency || a.currency === b.currency) && currency) {
      // «від 50 до 200 тисяч»: the first number borrows the second's multiplier when it is smaller.
      const lowValue =
        a.mult === null && b.mult !== null && a.mantissa <= b.mantissa ? a.mantissa * b.mult : a.value;
      out.push({ start: a.start, end: b.end, low: round(lowValue), high: round(b.value), shape, currency });
      i++;
      continue;
    }
    if (a.currency)
      out.push({
        start: a.start,
        end: a.end,
        low: null,
        high: round(a.value),
        shape: 'one',
        currency: a.currency,
      });
  }
  return out;
}

const PERCENT_IN = /\d\s*(?:%|відсот|процент|percent|per cent)/;
const SEPARATED = /[,;]/;
/** At most one word between: «500 тис. грн співфінансування», not «до 80 тис. грн за умови власного внеску». */
const ADJACENT = compile(String.raw`^\s*(?:[(—–-]\s*)?(?:\p{L}+\s+)?$`, '');

type Role = 'total' | 'max' | 'min' | 'fixed' | 'range' | null;

const DECIDING = new Set<Kind>(['per', 'total', 'budget', 'exclude']);
const MODIFIERS = new Set<Kind>(['max', 'min']);

/**
 * What one sum is: the nearest deciding cue in its clause says whose money it is (the grant, the
 * programme's total, the applicant's own), a "maximum"/"minimum" anywhere before it says which end.
 */
function roleOf(doc: Doc, cues: Cue<Kind>[], g: Group): Role {
  const [from, to] = labelledClauseAt(doc, g.start);
  let cue = lastCueIn(cues, from, g.start, DECIDING);
  // «співфінансування до 40%, максимум 2,5 млн євро»: the percentage took the co-financing cue.
  if (cue?.kind === 'exclude' && PERCENT_IN.test(doc.lower.slice(cue.end, g.start)))
    cue = lastCueIn(cues, from, cue.start, DECIDING);
  if (!cue) {
    // A cue after the sum speaks of it only when nothing separates them («500 тис. грн співфінансування»).
    const next = firstCueIn(cues, g.end, to, DECIDING);
    const gap = next ? doc.lower.slice(g.end, next.start) : '';
    // the applicant's share or the programme's total speaks of a sum only right after it («500 тис.
    // грн співфінансування»), not across a comma («до 150 тис. грн на школу, загальний обсяг — 6 млн»)
    const farOnly = next?.kind === 'exclude' || next?.kind === 'total';
    if (next && !(farOnly && (SEPARATED.test(gap) || !ADJACENT.test(gap)))) cue = next;
  }
  // «з обласного бюджету — 1 000 000 грн на проєкт»: the budget the money comes from, the sum per project
  if (cue?.kind === 'budget') {
    const next = firstCueIn(cues, g.end, to, DECIDING);
    if (next?.kind === 'per' && ADJACENT.test(doc.lower.slice(g.end, next.start))) cue = next;
  }
  const modifier = lastCueIn(cues, from, g.start, MODIFIERS);
  const before = doc.lower.slice(Math.max(from, g.start - 24), g.start);
  const upTo = UP_TO_BEFORE.test(before);
  if (cue?.kind === 'exclude') return null;
  if (cue?.kind === 'total') return 'total';
  if (cue?.kind === 'budget' && !upTo) return 'total';
  if (g.shape === 'range') return 'range';
  if (upTo || g.shape === 'alt') return 'max';
  if (FROM_BEFORE.test(before)) return 'min';
  if (EACH_BEFORE.test(before)) return 'fixed';
  if (modifier?.kind === 'max') return 'max';
  if (modifier?.kind === 'min') return 'min';
  return 'fixed';
}

// Co-financing. Decision: cofinancingPct is always the applicant's own share. "Співфінансування
// заявника не менше 15%" gives 15; a donor's rate ("EU co-financing … 90% of eligible costs",
// "грант покриває до 80%") gives 100 − rate, since what the applicant must bring is what subscribers plan for.
const PERCENT = compile(
  String.raw`(?<![\p{N}.,])(\d{1,3}(?:[.,]\d+)?)\s*(?:%|відсот\p{L}*|процент\p{L}*|percent|per cent|proc\.?)`,
  'g',
);
const APPLICANT_SHARE = compile(
  String.raw`contribut|співфінансув|co-?financ|cofinanc|софинансир|власн\p{L}* внес|внес\p{L}* заявник|own contribution|match(?:ing)? (?:funds?|contribution)|собствен\p{L}* вклад|wkład\p{L}* własn`,
  '',
);
const APPLICANT_WORD = /заявник|applicant|власн|own contribution|собствен|wkład|beneficiar/;
const DONOR_SHARE = compile(
  String.raw`(?:внес\p{L}*|фінансуванн\p{L}*|співфінансуванн\p{L}*) (?:єс|ес|донора|програми)|(?:eu|єс|ес) (?:co-?financ|contribution|grant|співфінансуванн|фінансуванн)|co-?financing rate|funding rate|покрива|фінансує до|covers?|eligible costs|допустимих витрат|прийнятних витрат|grant (?:may|can|will) (?:cover|finance|fund)`,
  '',
);

function cofinancing(doc: Doc): { pct: number; span: string } | null {
  for (const m of matchesOf(PERCENT, doc.lower)) {
    const pct = Number(m[1]!.replace(',', '.'));
    if (!(pct > 0 && pct < 100)) continue;
    const [from, to] = clauseAt(doc, m.index);
    const before = doc.lower.slice(Math.max(from, m.index - 120), m.index);
    const around = doc.lower.slice(Math.max(from, m.index - 120), Math.min(to, m.index + m[0].length + 40));
    const spanStart = doc.text.indexOf(' ', Math.max(from, m.index - 60));
    const span = doc.text
      .slice(spanStart < 0 || spanStart > m.index ? from : spanStart, m.index + m[0].length)
      .trim();
    if (APPLICANT_SHARE.test(before) && APPLICANT_WORD.test(before)) return { pct, span };
    if (DONOR_SHARE.test(around)) return { pct: round(100 - pct), span };
    if (APPLICANT_SHARE.test(before)) return { pct, span };
  }
  return null;
}

export function extractAmount(doc: Doc): AmountResult {
  const cues = scanCues(doc.lower, CUE_RE, KINDS);
  const all = groups(doc.lower, tokens(doc.lower));
  const per: { g: Group; role: Exclude<Role, 'total' | null> }[] = [];
  let total: Group | null = null;
  for (const g of all) {
    const role = roleOf(doc, cues, g);
    if (role === 'total') total ??= g;
    else if (role) per.push({ g, role });
  }
  // The total repeated without a cue (a headline's «50 млн грн на відновлення») is still the total.
  if (total) {
    const t = total;
    for (let i = per.length - 1; i >= 0; i--) {
      const { g, role } = per[i]!;
      if (role === 'fixed' && g.high === t.high && g.currency === t.currency) per.splice(i, 1);
    }
  }
  // One currency per call: the first per-project sum sets it; sums in other currencies are
  // equivalents («10 000 євро (близько 450 000 грн)»).
  const currency = per[0]?.g.currency ?? null;
  const mins: number[] = [];
  const maxes: number[] = [];
  const spans: string[] = [];
  const mine = per.filter(({ g }) => g.currency === currency);
  // Beside an "up to" or a range, a plain sum is an example or a repeat, not the smallest grant.
  const bounded = mine.some(({ role }) => role === 'max' || role === 'range');
  for (const { g, role } of mine) {
    spans.push(doc.text.slice(g.start, g.end).replace(TRAILING_DOT, ''));
    if (role === 'range' && g.low !== null) mins.push(g.low);
    if (role === 'min' || (role === 'fixed' && !bounded)) mins.push(g.high);
    if (role !== 'min') maxes.push(g.high);
  }
  const cof = cofinancing(doc);
  const evidence: AmountResult['evidence'] = {};
  if (spans.length) evidence.amount = spans.join(' | ');
  if (total) evidence.budgetTotal = doc.text.slice(total.start, total.end).replace(TRAILING_DOT, '');
  if (cof) evidence.cofinancingPct = cof.span;
  return {
    amountMin: mins.length ? Math.min(...mins) : null,
    amountMax: maxes.length ? Math.max(...maxes) : null,
    // A total budget alone says nothing of one applicant's grant, its currency included.
    currency,
    budgetTotal: total ? total.high : null,
    cofinancingPct: cof?.pct ?? null,
    evidence,
  };
}
