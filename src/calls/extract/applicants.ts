// Reads who may apply, in the project's applicant vocabulary. Only what the text states: a
// community named as a beneficiary is not an applicant, so phrases count only where the text
// speaks about eligibility («можуть подати», «до участі запрошуються», "eligible applicants", «для …»).
import type { APPLICANTS } from '../schema.ts';
import { alt, compile, groupIndex, matchesOf } from './context.ts';
import { clauseAt, clauseIndex, type Doc } from './prepare.ts';

export type Applicant = (typeof APPLICANTS)[number];

const L = '\\p{L}*';

/** Phrases per applicant type, lower-case. Order matters where phrases overlap: the regex takes the first. */
const PHRASES: ReadonlyArray<readonly [Applicant, readonly string[]]> = [
  [
    'other',
    [
      `ініціативн${L} груп${L}`,
      `неформальн${L} (?:груп|об'єднан)${L}`,
      'осбб',
      `об'єднан${L} співвласників${L}`,
      `релігійн${L} (?:організац|громад)${L}`,
      `профспіл${L}`,
      `редакці${L}`,
      `засоб${L} масової інформації`,
      'informal groups?',
      'initiative groups?',
      'media outlets?',
      'international organi[sz]ations?',
      'religious organi[sz]ations?',
      'trade unions?',
      `инициативн${L} групп${L}`,
      `неформальн${L} групп${L}`,
    ],
  ],
  [
    'communal_enterprise',
    [
      `комунальн${L} (?:некомерційн${L} )?(?:підприємств|установ|заклад|організац|служб)${L}`,
      `коммунальн${L} (?:предприяти|учреждени)${L}`,
      '(?:municipal|communal) (?:utility )?(?:enterprises?|companies|utilities|institutions|service providers)',
      'utility companies',
      'public utilities',
    ],
  ],
  [
    'local_government',
    [
      `орган${L} місцевого самоврядування`,
      `орган${L} (?:місцевої )?влади`,
      `місцев${L} (?:рад|влад)${L}`,
      `(?:сільськ|селищн|міськ|районн|обласн)${L} (?:рад|військов${L} адміністрац|державн${L} адміністрац)${L}`,
      `військов${L} адміністрац${L}`,
      `територіальн${L} громад${L}`,
      `асоціаці${L} (?:органів місцевого самоврядування|громад|міст)${L}`,
      `громад(?:а|и|і|у|ою|ам|ами|ах)?(?![\\p{L}'])`,
      `муніципалітет${L}`,
      '(?:local|regional|municipal|public)(?: and regional)? (?:authorities|governments?|self-governments?|councils?)',
      'local self-government(?: bodies)?',
      `municipalit${L}`,
      'hromadas?',
      'territorial communities',
      '(?:city|village|town|settlement) councils?',
      'military administrations?',
      `орган${L} местного самоуправления`,
      `территориальн${L} общин${L}`,
      `общин(?:а|ы|ам|ами)?(?![\\p{L}])`,
      `местн${L} совет${L}`,
    ],
  ],
  [
    'ngo',
    [
      `громадськ${L} (?:організац|об'єднан|спіл|формуван)${L}`,
      `благодійн${L} (?:фонд|організац)${L}`,
      `неприбутков${L} (?:організац|установ)${L}`,
      `неурядов${L} організац${L}`,
      `організац${L} громадянського суспільства`,
      `інститут${L} громадянського суспільства`,
      `орган${L} самоорганізації населення`,
      `волонтерськ${L} організац${L}`,
      'ngos?',
      'csos?',
      'civil society(?: organi[sz]ations?)?',
      `non-?profit${L}`,
      'nonprofits?',
      'non-?governmental organi[sz]ations?',
      'charit(?:y|ies|able organi[sz]ations?)',
      `общественн${L} организац${L}`,
      `благотворительн${L} (?:фонд|организац)${L}`,
      `неправительственн${L} организац${L}`,
      'нко',
      'нпо',
      `организаци${L} гражданского общества`,
      'organizacje pozarządowe',
    ],
  ],
  [
    'business',
    [
      `фізичн${L} ос${L}[- –—]+підприєм${L}`,
      `малого (?:та|і) середнього (?:бізнесу|підприємництва)`,
      `мал${L},? (?:та|і) середн${L} (?:бізнес|підприєм)${L}`,
      `мікро${L},? мал${L} (?:та|і) середн${L} підприєм${L}`,
      `підприєм(?:ці|ців|цям|цями|ець)`,
      `підприємств${L}`,
      `бізнес${L}`,
      `компані${L}`,
      `суб'єкт${L} господарювання`,
      `кооператив${L}`,
      `фермер${L}`,
      `стартап${L}`,
      'smes?',
      'msmes?',
      '(?:micro,? )?small and medium(?:-sized)? enterprises',
      'businesses',
      'companies',
      'entrepreneurs?',
      'start-?ups?',
      'cooperatives?',
      'farmers?',
      'private sector',
      `предпринимател${L}`,
      `малый и средний бизнес`,
      `предприяти${L}`,
      `przedsiębiorc${L}`,
    ],
  ],
  [
    'health',
    [
      `заклад${L} охорони здоров'я`,
      `медичн${L} (?:заклад|установ)${L}`,
      `лікарн${L}`,
      `амбулатор${L}`,
      `поліклінік${L}`,
      `центр${L} (?:первинної )?(?:медико-санітарної|медичної) допомоги`,
      'hospitals?',
      'health(?:care)? (?:facilities|institutions|providers|centres|centers)',
      'medical (?:institutions|facilities)',
      'clinics?',
      `учреждени${L} здравоохранения`,
      `больниц${L}`,
    ],
  ],
  [
    'culture',
    [
      `заклад${L} культури`,
      `бібліотек${L}`,
      `музе(?:ї|й|їв|ям|ями|ях)(?![\\p{L}])`,
      `театр${L}`,
      `будин${L} культури`,
      `центр${L} культури`,
      `культурн${L} (?:інституці|центр|організаці|установ|оператор)${L}`,
      `креативн${L} (?:індустрі|хаб)${L}`,
      'cultural (?:institutions?|organi[sz]ations?|operators?|centres?|centers?)',
      'museums?',
      'librar(?:y|ies)',
      'theatres?',
      'theaters?',
      `учреждени${L} культуры`,
      `библиотек${L}`,
    ],
  ],
  [
    'education',
    [
      `заклад${L} (?:\\p{L}+ ){0,3}?освіти`,
      `навчальн${L} заклад${L}`,
      `освітн${L} (?:заклад|установ|організац)${L}`,
      `наукові установи`,
      `школ(?:а|и|і|у|ам|ами|ах)(?![\\p{L}])`,
      `ліце${L}`,
      `гімназі${L}`,
      `університет${L}`,
      'зво',
      `коледж${L}`,
      `технікум${L}`,
      'universit(?:y|ies)',
      'schools',
      'educational (?:institutions?|establishments?|organi[sz]ations?)',
      'higher education institutions?',
      'academia',
      'research (?:institutions?|organi[sz]ations?|centres?|centers?)',
      'colleges?',
      `учебн${L} заведени${L}`,
      `образовательн${L} (?:учреждени|организаци)${L}`,
      `университет${L}`,
      `вуз(?:ы|ов)?(?![\\p{L}])`,
    ],
  ],
  [
    'youth',
    [
      `молодіжн${L} (?:центр|простор|організац|рад|об'єднан|клуб|хаб|працівник)${L}`,
      `молод(?:ь|і|ій|ими)(?![\\p{L}])`,
      `молод${L} люд${L}`,
      'young people',
      `youth(?: organi[sz]ations?| centres?| centers?| councils?| groups?| workers?)?`,
      `молодеж${L}`,
      `молодёж${L}`,
    ],
  ],
  [
    'individual',
    [
      `фізичн${L} ос(?:оби|іб|обам|оба)(?![\\p{L}-])`,
      `громадян(?:и|ам)?(?![\\p{L}])`,
      `митц${L}`,
      `митець`,
      `художник${L}`,
      `письменник${L}`,
      `музикант${L}`,
      `дослідник${L}`,
      `науковц${L}`,
      `журналіст(?:и|ів|ам|ок|ки)(?![\\p{L}])`,
      `студент(?:и|ів|ам|ок|ки)(?![\\p{L}])`,
      `активіст${L}`,
      'individuals',
      'natural persons',
      'artists?',
      'researchers',
      'scholars',
      'journalists',
      'students',
      'writers',
      `физическ${L} лиц${L}`,
      'osoby fizyczne',
    ],
  ],
];

/** Case-sensitive acronyms: lower-cased they would collide with ordinary syllables («3-го»). */
const ACRONYMS: ReadonlyArray<readonly [Applicant, readonly string[]]> = [
  ['local_government', ['ОМС', 'ОМСУ', 'ТГ', 'ОТГ', 'МТГ', 'СТГ', 'ОВА', 'РВА', 'ОДА', 'РДА']],
  ['communal_enterprise', ['КП', 'КНП', 'КЗ', 'КУ']],
  ['ngo', ['ГО', 'БФ', 'БО', 'ОСН', 'ОГС', 'ОО', 'НУО']],
  ['business', ['МСП', 'МСБ', 'ФОП', 'ФЛП', 'ТОВ', 'SME', 'SMEs']],
  ['education', ['ЗВО', 'ЗЗСО', 'ЗДО', 'ВУЗ']],
  ['other', ['ОСББ', 'ЗМІ']],
];

/** Words that make a clause about eligibility. */
const ELIGIBILITY_WORDS = [
  `мож(?:уть|е) (?:подати|подавати|взяти участь|брати участь|отримати|стати|бути|претендувати)`,
  `подати заявку можуть`,
  `до участі (?:у конкурсі |в конкурсі )?(?:запрошу|допуска)${L}`,
  `запрошу${L}`,
  `заявник${L}`,
  `учасник${L}`,
  `право (?:на участь|подати|участі)`,
  `хто може`,
  `цільов${L} (?:аудиторі|груп)${L}`,
  `для участі`,
  `заявки (?:від|приймаються від)`,
  `відкрит${L} для`,
  `орієнтован${L} на`,
  `eligib${L}`,
  'who (?:can|may) apply',
  'open to',
  `applicant${L}`,
  `invit${L}`,
  'target(?: group)?s?',
  'могут (?:подать|принять участие)',
  `приглаша${L}`,
  `заявител${L}`,
  'kto może',
  `wnioskodawc${L}`,
];

/** One group per applicant type, as words (not inside «3-го» or another word). */
const groupsOf = (table: ReadonlyArray<readonly [Applicant, readonly string[]]>) =>
  table.map(([, phrases]) => `(${alt(phrases)})`).join('|');
const WORD_START = '(?<![\\p{L}\\p{N}-])';
const WORD_END = '(?![\\p{L}\\p{N}])';

/** Applicant phrases (one group per type), then one last group for eligibility words: one pass. */
const PHRASE_RE = compile(
  `${WORD_START}(?:${groupsOf(PHRASES)}|(${alt(ELIGIBILITY_WORDS)}))${WORD_END}`,
  'g',
);
const ELIGIBILITY_GROUP = PHRASES.length;
/** Acronyms are matched in the original case: lower-cased, «ГО» would be the «-го» of «3-го». */
const ACRONYM_RE = compile(`${WORD_START}(?:${groupsOf(ACRONYMS)})${WORD_END}`, 'g');

/** A phrase right after «для», "for", «серед»: «конкурс для громад», "grants for NGOs". */
const FOR_BEFORE = compile(
  String.raw`(?:^|[\s(«"])(?:для|for|серед|among|від|from)\s+(?:[\p{L}'-]+\s+){0,2}$`,
  '',
);
/** …but only in a clause that names the opportunity, not in «проєкти, корисні для громад». */
const CALL_WORD =
  /конкурс|грант|програм|можливіст|call|grant|programme|program|opportunit|funding|фінансуван/;
/** «комунальні заклади освіти» is both a communal and an education applicant. */
const COMMUNAL_OF = compile(String.raw`^\s*(?:\p{L}+\s+)?(?:(освіт)|(культур)|(охорони здоров))`, '');
const COMMUNAL_KIND: readonly Applicant[] = ['education', 'culture', 'health'];

/** A clause introducing a list («Хто може подати заявку?», «Заявники:»). */
const ENDS_WITH_LIST = /[:?]$|:\s*\n/;
const BLANK_LINE = /\n[ \t]*\n/;

/** Clause ranges that speak about eligibility; a clause ending in ':' or '?' takes the list after it. */
function eligibilitySpans(doc: Doc, cues: number[]): [number, number][] {
  const spans: [number, number][] = [];
  const { bounds, text } = doc;
  let last = -1;
  for (const pos of cues) {
    const i = clauseIndex(bounds, pos);
    if (i === last) continue;
    last = i;
    const from = bounds[i]!;
    let to = bounds[i + 1] ?? text.length;
    const tail = text.slice(from, to).trimEnd();
    if (ENDS_WITH_LIST.test(tail)) {
      // The list runs until a blank line, or a few items on.
      for (let j = i + 1; j < bounds.length && j <= i + 8; j++) {
        const next = bounds[j + 1] ?? text.length;
        if (BLANK_LINE.test(text.slice(Math.max(0, bounds[j]! - 1), next))) break;
        to = next;
      }
    }
    spans.push([from, to]);
  }
  return spans;
}

function inSpans(spans: [number, number][], pos: number): boolean {
  return spans.some(([a, b]) => pos >= a && pos < b);
}

export interface ApplicantsResult {
  applicants: Applicant[];
  evidence: string | null;
}

interface Hit {
  pos: number;
  type: Applicant;
  text: string;
}

function phraseHits(doc: Doc, cues: number[]): Hit[] {
  const hits: Hit[] = [];
  for (const m of matchesOf(PHRASE_RE, doc.lower)) {
    const g = groupIndex(m);
    if (g === ELIGIBILITY_GROUP) cues.push(m.index);
    else if (g >= 0)
      hits.push({ pos: m.index, type: PHRASES[g]![0], text: doc.text.slice(m.index, m.index + m[0].length) });
  }
  for (const m of matchesOf(ACRONYM_RE, doc.text)) {
    const g = groupIndex(m);
    if (g >= 0) hits.push({ pos: m.index, type: ACRONYMS[g]![0], text: m[0] });
  }
  return hits;
}

/** A phrase counts inside an eligibility clause, or right after «для»/"for" in a clause naming a call. */
function counts(doc: Doc, spans: [number, number][], pos: number): boolean {
  if (inSpans(spans, pos)) return true;
  const [from, to] = clauseAt(doc, pos);
  return (
    FOR_BEFORE.test(doc.lower.slice(Math.max(from, pos - 40), pos)) &&
    CALL_WORD.test(doc.lower.slice(from, to))
  );
}

export function extractApplicants(doc: Doc): ApplicantsResult {
  const cues: number[] = [];
  const candidates = phraseHits(doc, cues);
  const spans = eligibilitySpans(doc, cues);
  const hits: Hit[] = [];
  for (const h of candidates) {
    if (!counts(doc, spans, h.pos)) continue;
    hits.push(h);
    const end = h.pos + h.text.length;
    const of = h.type === 'communal_enterprise' ? COMMUNAL_OF.exec(doc.lower.slice(end, end + 40)) : null;
    if (of) hits.push({ pos: end, type: COMMUNAL_KIND[groupIndex(of)]!, text: of[0] });
  }
  hits.sort((a, b) => a.pos - b.pos);
  const applicants: Applicant[] = [];
  for (const h of hits) if (!applicants.includes(h.type)) applicants.push(h.type);
  return { applicants, evidence: hits.length ? hits.map((h) => h.text).join(' | ') : null };
}
