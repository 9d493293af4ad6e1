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
      // Housing cooperatives are residents' associations like ОСББ, not businesses.
      `житлов${L}[- ]будівельн${L} кооператив${L}`,
      `жилищн${L}[- ]строительн${L} кооператив${L}`,
      'housing (?:co-?operatives?|associations?)',
      'community groups?',
      "(?:art|artist|artists'|creative) collectives?",
      `творч${L} колектив${L}`,
      `неформальн${L} (?:груп|об'єднан)${L}`,
      'осбб',
      `об'єднан${L} співвласників${L}`,
      `релігійн${L} (?:організац|громад)${L}`,
      `профспіл${L}`,
      `редакці${L}`,
      `засоб${L} масової інформації`,
      `батьківськ${L} (?:комітет|рад|об'єднан|спільнот)${L}`,
      "parent(?:s'?)? (?:associations?|committees?|councils?)",
      'informal (?:youth )?groups?',
      '(?:youth )?initiative groups?',
      'media outlets?',
      'international organi[sz]ations?',
      'religious organi[sz]ations?',
      'trade unions?',
      `инициативн${L} групп${L}`,
      `неформальн${L} групп${L}`,
      `религиозн${L} (?:организац|общин)${L}`,
    ],
  ],
  [
    'communal_enterprise',
    [
      `комунальн${L} (?:[\\p{L}-]+ )?(?:некомерційн${L} )?(?:підприємств|установ|заклад|організац|служб|агенці|центр)${L}`,
      `коммунальн${L} (?:некоммерческ${L} )?(?:предприяти|учреждени)${L}`,
      '(?:municipal|communal) non-?profit enterprises?',
      // Only the adjective: «communal educational institutions» is also an education applicant.
      '(?:municipal|communal)(?= (?:[\\p{L}-]+ )?(?:enterprises?|companies|utilities|institutions|service providers|establishments))',
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
      '(?:ukrainian )?cities',
      'territorial communities',
      '(?:city|village|town|settlement) councils?',
      'military administrations?',
      `орган${L} местного самоуправления`,
      `территориальн${L} общин${L}`,
      `общин(?:а|ы|ам|ами)?(?![\\p{L}])`,
      `громад(?:а|ы|ам|ами)?(?![\\p{L}])`,
      `местн${L} совет${L}`,
    ],
  ],
  [
    'ngo',
    [
      `громадськ${L} (?:організац|об'єднан|спіл|формуван)${L}`,
      `громадськ${L} (?:та|і|й) благодійн${L} організац${L}`,
      `благодійн${L} (?:фонд|організац)${L}`,
      `спортивн${L} клуб${L}`,
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
      'heritage ngos?',
      `общественн${L} (?:и благотворительн${L} )?организац${L}`,
      `спортивн${L} клуб${L}`,
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
      `физическ${L} лиц${L}[- –—]+предпринимател${L}`,
      `малого (?:та|і) середнього (?:бізнесу|підприємництва)`,
      `мал${L},? (?:та|і) середн${L} (?:бізнес|підприєм)${L}`,
      `мікро${L}-?,? мал${L},? (?:та|і|й) середн${L} (?:підприєм|бізнес)${L}`,
      `підприєм(?:ці|ців|цям|цями|ець)`,
      `підприємиц${L}`,
      `роботодав${L}`,
      `підприємств${L}`,
      `бізнес${L}`,
      `компані${L}`,
      `суб'єкт${L} господарювання`,
      `кооператив${L}`,
      `фермер${L}`,
      `аграрі${L}`,
      `аграри${L}`,
      `(?:агро|сільгосп)виробник${L}`,
      `сельхозпроизводител${L}`,
      'agricultural producers',
      `стартап${L}`,
      'smes?',
      '(?:social|private) enterprises?',
      'agribusiness(?:es)?',
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
      `работодател${L}`,
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
      'лікарень',
      `амбулатор${L}`,
      `поліклінік${L}`,
      `центр${L} (?:первинної )?(?:медико-санітарної|медичної) допомоги`,
      'hospitals?',
      'health ?(?:care )?(?:facilities|institutions|providers|centres|centers)',
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
      'cultural (?:institutions?|organi[sz]ations?|operators?|centres?|centers?)',
      'heritage (?:institutions?|organi[sz]ations?)',
      'archives',
      'museums?',
      'librar(?:y|ies)',
      'theatres?',
      'theaters?',
      `учреждени${L} культуры`,
      `культурн${L} (?:организаци|учреждени|центр)${L}`,
      `музе(?:и|ев|ям)(?![\\p{L}])`,
      `библиотек${L}`,
    ],
  ],
  [
    'education',
    [
      `заклад${L} (?:[\\p{L}()-]+ ){0,3}?освіти`,
      `центр${L} освіти`,
      `навчальн${L} заклад${L}`,
      `освітн${L} (?:заклад|установ|організац)${L}`,
      `наукові установи`,
      `школ(?:а|и|і|у|ам|ами|ах)(?![\\p{L}])`,
      `ліце${L}`,
      `гімназі${L}`,
      `університет${L}`,
      'зво',
      `коледж${L}`,
      `дитяч${L} садк${L}`,
      // University legal clinics apply as units of their university.
      `юридичн${L} клінік${L}`,
      'kindergartens?',
      `технікум${L}`,
      'universit(?:y|ies)',
      'schools',
      '(?:vocational )?education(?:al)? (?:institutions?|establishments?|organi[sz]ations?)',
      'higher education institutions?',
      'academia',
      'research (?:institutions?|organi[sz]ations?|centres?|centers?)',
      'colleges?',
      `учебн${L} заведени${L}`,
      `детск${L} сад${L}`,
      `образовательн${L} (?:учреждени|организаци)${L}`,
      `учреждени${L} (?:\\p{L}+ ){0,3}?образования`,
      `школ(?:а|ы|ам|ами|ах)(?![\\p{L}])`,
      `университет${L}`,
      `вуз(?:ы|ов)?(?![\\p{L}])`,
    ],
  ],
  [
    'youth',
    [
      `молодіжн${L}`,
      `молод(?:ь|і|ій|ими)(?![\\p{L}])`,
      `молод${L} люд${L}`,
      `студентськ${L} (?:рад|самоврядуванн|парламент|спільнот)${L}`,
      `студенческ${L} (?:совет|самоуправлени)${L}`,
      'student (?:councils?|unions?|governments?)',
      'young people',
      `youth(?: organi[sz]ations?| centres?| centers?| councils?| groups?| workers?)?`,
      `молодеж${L}`,
      `молодёжн${L}`,
      `молодёж${L}`,
    ],
  ],
  [
    'individual',
    [
      `фізичн${L} ос(?:оби|іб|обам|оба)(?![\\p{L}-])`,
      // Residents apply for themselves (participatory budgets, neighbourhood initiatives); only where
      // the text says they may apply (RESIDENT).
      'мешканці',
      'мешканцям',
      'жителі',
      'жителям',
      'жители',
      'residents',
      // Residents of oblast centres: «сумчани», «кияни», «львів'яни», «полтавці».
      `(?:киян|львів'ян|харків'ян|дніпрян|сумчан|вінничан|житомирян|рівнян|тернополян|лучан|чернівчан|хмельничан|кропивничан|черкащан|ужгородц|франківц|полтавц|одесит|чернігівц|миколаївц|херсонц|запоріжц)(?:і|и|ям|ам|ями|ами)`,
      // People displaced by the war, where the text says they apply («надає мікрогранти ВПО»).
      `внутрішньо переміщен(?:і|им) особ(?:и|ам)`,
      `переселенц(?:і|ям)`,
      `громадян(?:и|ам)?(?![\\p{L}])`,
      `митц${L}`,
      `майстр(?:и|ів|ам|ами)(?![\\p{L}])`,
      `ремісник${L}`,
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
  ['business', ['МСП', 'МСБ', 'ФОП', 'ФЛП', 'ТОВ', 'ТзОВ', 'ООО', 'SME', 'SMEs']],
  ['education', ['ЗВО', 'ЗЗСО', 'ЗДО', 'ВУЗ', 'ДЮСШ', 'ЗПО']],
  ['health', ['ЦПМСД', 'ПМСД', 'ЦПМД']],
  ['other', ['ОСББ', 'ОСМД', 'ЗМІ', 'СМИ']],
];

/** Words that make a clause about eligibility. */
const ELIGIBILITY_WORDS = [
  `мож(?:уть|е) (?:подати|подавати|податися|подаватися|взяти участь|брати участь|отримати|стати|бути|претендувати)`,
  `(?:подати|подавати|податися|подаватися|подать|подаваться|податься) (?:\\p{L}+ )?(?:можуть|може|могут|может)`,
  `подавач${L}`,
  // Whom a grant-maker gives grants to: «фонд надає мікрогранти переселенцям».
  `нада(?:є|ють|ватиме) (?:\\p{L}+ )?(?:грант|мікрогрант|міні-грант|фінансуванн|підтримк|компенсаці)${L}`,
  `предоставля(?:ет|ют) (?:\\p{L}+ )?(?:грант|финансировани|поддержк|компенсаци)${L}`,
  '(?:offers?|provides?|awards?) (?:\\p{L}+ )?(?:grants?|funding|support)',
  '(?:should|must|are invited to) (?:send|submit|apply)',
  // «Фонд підтримує організації громадянського суспільства»: whom a grant-maker supports applies.
  `підтриму(?:є|ють|ватиме)`,
  `поддержива(?:ет|ют)`,
  'supports',
  `участь (?:можуть|може) (?:брати|взяти)`,
  `отримають`,
  `(?:заяв|пропозиці|документ|концепці|проєкт|проект)${L} (?:\\p{L}+ )?від`,
  `пода(?:є|ють)`,
  `(?:хто|кто|who)(?= ?:)`,
  `для кого`,
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
  '(?:can|may) (?:apply|request|receive|submit|participate|join)',
  '(?:accepts?|invites?|welcomes?) (?:proposals|applications) from',
  '(?:proposals|applications|expressions? of interest|concept notes?|concepts) from',
  'calls? on',
  'open to',
  `applicant${L}`,
  `invit${L}`,
  'target(?: group)?s?',
  'мо(?:гут|жет) (?:подать|принять участие|участвовать|получить|стать)',
  `подать заявк${L} могут`,
  `участник${L}`,
  'получат',
  `(?:заяв|предложени|документ)${L} (?:принимаются )?от`,
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
  `(?<![\\p{L}\\p{N}])(?<!\\p{N}-)(?:${groupsOf(PHRASES)}|(${alt(ELIGIBILITY_WORDS)}))${WORD_END}`,
  'g',
);
const ELIGIBILITY_GROUP = PHRASES.length;
/** Acronyms are matched in the original case: lower-cased, «ГО» would be the «-го» of «3-го». */
const ACRONYM_RE = compile(`${WORD_START}(?:${groupsOf(ACRONYMS)})${WORD_END}`, 'g');

/**
 * A phrase right after «для», "for", «серед», or as the genitive of «конкурс (проєктів)»/«відбір»:
 * «конкурс для громад», "grants for NGOs", «конкурс проєктів громадських організацій». Not «від»:
 * «конкурс від ОВА» names the organizer.
 */
const FOR_BEFORE = compile(
  String.raw`(?:^|[\s(«"])(?:для|for|серед|among|from|to|(?:конкурс|відб[іо]р|набір|отбор|набор)\p{L}*(?: (?:проєкт|проект)\p{L}*)?|(?:проєкт|проект)\p{L}*)\s+(?:[\p{L}'-]+[\s(—–-]+){0,3}$`,
  '',
);
/** …but only in a clause that names the opportunity, not in «проєкти, корисні для громад». */
const CALL_WORD =
  /конкурс|грант|програм|можливіст|відбір|набір|отбор|набор|заявк|заявок|прийом|при[её]м|call|grant|programme|program|opportunit|funding|competition|applications|фінансуван/;
/** Between two items of one list: «громадські організації, ОСББ та ініціативні групи». */
const LIST_GAP = compile(
  String.raw`^(?:\s*\([^()]{0,40}\))?[\s,;/—–()-]*(?:(?:та|і|й|и|або|или|чи|and|or|а також|as well as|також)\s+)?(?:[\p{L}'-]+\s+){0,3}$`,
  '',
);
/** Two items joined by a comma or a conjunction: «закладах освіти та лікарнях». */
const JOINED = compile(String.raw`^\s*(?:,|\s(?:та|і|й|и|або|или|чи|and|or))\s+(?:\p{L}+\s+)?$`, '');
/** A place or an object, not an applicant: «укриття у закладах освіти», «станції на школах», «ради при ОМС». */
const PLACE_BEFORE = compile(
  String.raw`(?:^|[\s(])(?:(?:при|у|в|во|на базі|(?<!разом )(?:з|із|зі)|из)\s+(?:\p{L}+(?:ій|их|ому|ім|ой|ом|ых|ых)\s+){0,2}|на\s+(?:\p{L}+(?:ння|ття|цію|івлю|нт|ия|ние|ку)\s+)?(?:\p{L}+(?:ій|их|ому|ім|ой|ом|ых|ої|ого)\s+){0,2}|(?:in|at|within|inside)\s+(?:the |their |its |ukrainian |rural |local |small )?)$`,
  '',
);
/** Partners are not applicants: «ОМС у партнерстві з бізнесом», "in partnership with NGOs". */
const PARTNER_BEFORE = compile(
  String.raw`(?:(?:у|в) партнерстві (?:з|із|зі)|в партнерстве с|in partnership with|(?:партнерами|партнерів|партнеры|партнерами|partners)\s+(?:(?:можуть|може|могут|может|can|may|could)\s+)?(?:(?:бути|быть|be|стати|виступати|выступать)\s+)?)\s*(?:[\p{L}'-]+[\s,]+){0,4}$`,
  '',
);
/** The subject of «оголошує», «запрошує», "invites" is the organizer: «Хмельницька міська рада оголошує…». */
const ORGANIZER_VERB = compile(
  String.raw`(?<![\p{L}])(?:запрошу(?:є|ють|ємо)|оголошу(?:є|ють)|продовжу(?:є|ють)|приглаша(?:ет|ют)|объявля(?:ет|ют)|продолжа(?:ет|ют)|нада(?:є|ють)|предоставля(?:ет|ют)|invites?|announces?|launches|opens|continues|offers|provides)(?![\p{L}])`,
  '',
);
/** «…, що надають послуги», "…, which provide": a relative clause describing the applicant. */
const RELATIVE_CLAUSE = /,\s*(?:що|які|який|яка|яке|котрі|которые|который|которая|that|which|who)\s/;
/** Co-applicants and partners are not the applicants: "Local authorities may participate as co-applicants". */
const CO_APPLICANT = /co-?applicants?|as partners|як партнер|як співзаявник|в качестве партн[её]р/;
/** «мешканці громад», «лідери громад»: the community is where the applicant lives. */
const RESIDENTS_BEFORE = compile(
  String.raw`(?:мешканц|жител|residents|inhabitants|населен|лідер|лидер|leaders|активіст|активист)\p{L}*\s+(?:[\p{L}'-]+\s+){0,1}$`,
  '',
);
/** «засновники закладів освіти», "owners of schools": the founder applies, not the school. */
const OWNER_BEFORE = compile(
  String.raw`(?:засновник|учредител|власник|собственник|founders? of|owners? of)\p{L}*\s+(?:[\p{L}'-]+\s+){0,1}$`,
  '',
);
/** «…, де працюють підприємства МХП»: a place described, not an applicant. */
const WHERE_CLAUSE = compile(String.raw`,\s*(?:де|где|where)\s`, 'g');
/** A genitive right after another applicant: «будинки культури громад», «ЗМІ громад». */
const GENITIVE_GAP = compile(String.raw`^\s+(?:\p{L}+(?:их|ої|ого)\s+){0,2}$`, '');
/** «спортивним клубам ветеранів Тернопільської громади»: the community closes a longer noun phrase. */
const NOUN_PHRASE_GAP = compile(String.raw`^\s+(?:(?!(?:та|і|й|и|або|чи|чи|а також)\s)\p{L}+\s+){1,2}$`, '');
/** Media words: the legal form (ГО, ТОВ) decides when it is given. */
const MEDIA = /^(?:редакці|засоб|media|змі|сми)/i;
/** «…» spans: a programme name («Громада, дружня до молоді») names no applicant. */
const QUOTED = /«[^«»\n]{0,120}»|“[^“”\n]{0,120}”/g;
/** «комунальні заклади освіти» is both a communal and an education applicant. */
const COMMUNAL_OF = compile(
  String.raw`(?<![\p{L}])(?:(освіт|образован)|(культур)|(охорони здоров|здравоохранен|health))`,
  'g',
);
const PHRASE_STOP = /[,;.]/;
/** Young people named as the applicants themselves apply as individuals too. */
const YOUNG_PEOPLE = /^(?:young people|молодь|молодежь|молодёжь)$/i;
/** …but «групи молоді», "groups of young people" are groups (other). */
const GROUP_OF_BEFORE = compile(
  String.raw`(?:груп|групп|groups? of|організац|организац|ініціатив|инициатив|рад|совет|центр)\p{L}*\s+$`,
  '',
);
/** Residents of oblast centres by their own name. */
const DEMONYMS =
  "киян|львів'ян|харків'ян|дніпрян|сумчан|вінничан|житомирян|рівнян|тернополян|лучан|чернівчан|хмельничан|кропивничан|черкащан|ужгородц|франківц|полтавц|одесит|чернігівц|миколаївц|херсонц|запоріжц";
/**
 * Residents are applicants only where the text says they may apply («Подати проєкт можуть мешканці»);
 * «проєкти для мешканців громад» names whom a project serves.
 */
const RESIDENT = new RegExp(`^(?:мешканц|жител|residents|внутрішньо переміщен|переселенц|${DEMONYMS})`, 'i');
/** An applicant word in the genitive right after another: «студентські ради закладів вищої освіти». */
const GENITIVE_HEAD = compile(String.raw`^\p{L}+(?:ів|їв|ей)(?![\p{L}])`, '');
/** «для мешканців», "easier for residents": whom a project serves. */
const BENEFICIARY_BEFORE = compile(String.raw`(?:^|\s)(?:для|for|of|серед|among|для)\s+(?:\p{L}+\s+)?$`, '');
/**
 * A head noun in the locative or instrumental: the next item of a list of places («у закладах освіти
 * та лікарнях»), not a new applicant («…, представників ініціативних груп»).
 */
const OBLIQUE = compile(String.raw`(?:^|\s)\p{L}*(?:ах|ях|ами|ями)(?![\p{L}])`, '');
/** «молодіжні організації», "youth organisations": NGOs of young people. */
const YOUTH_ORG_AFTER = compile(
  String.raw`^\s+(?:(?:громадськ|общественн)\p{L}*\s+)?(?:організац|организац|organi[sz]ation|об'єднан|объединени)`,
  '',
);
/** The legal form an applicant applies as: «ветерани, які ведуть бізнес як ФОП», "registered as NGOs". */
const LEGAL_AS_BEFORE = compile(String.raw`(?:^|\s)(?:як|в якості|as|как|в качестве)\s+$`, '');
/**
 * An age bracket for applicants that ends at 35 or below («віком від 14 до 35 років», "aged 16–30"):
 * young people apply.
 */
/** A cheap test before the age pass over the whole text. */
const AGE_HINT = /вік|возраст|aged|ages? /;
const YOUNG_AGE = compile(
  String.raw`(?<![\p{L}])(?:віком|у віці|в возрасте|aged|ages?)\s+(?:від\s+|от\s+|between\s+|of\s+)?(\d{1,2})\s*(?:до|[-–—]|and|to)\s*(\d{2})(?!\d)`,
  'g',
);
const CULTURAL_ORG = /організац|организац|organi[sz]ation/i;
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
  /** Found in an eligibility clause (not only after «для»/"for"). */
  stated?: boolean;
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
  const before = doc.lower.slice(Math.max(from, pos - 60), pos);
  return (
    (FOR_BEFORE.test(before) || LEGAL_AS_BEFORE.test(before)) && CALL_WORD.test(doc.lower.slice(from, to))
  );
}

/** A phrase that is a place, a partner or a genitive of another applicant, not an applicant itself. */
function excluded(doc: Doc, h: Hit, prev: Hit | null, quotes: [number, number][]): boolean {
  if (inSpans(quotes, h.pos)) return true;
  const [from] = clauseAt(doc, h.pos);
  const before = doc.lower.slice(Math.max(from, h.pos - 60), h.pos);
  if (PLACE_BEFORE.test(before) || PARTNER_BEFORE.test(before) || OWNER_BEFORE.test(before)) return true;
  const start = h.pos - before.length;
  for (const m of matchesOf(WHERE_CLAUSE, before)) if (!inSpans(quotes, start + m.index)) return true;
  const [, to] = clauseAt(doc, h.pos);
  const after = doc.lower.slice(h.pos + h.text.length, to);
  // The verb must be the phrase's own: in «ГО, що надають послуги» it belongs to a relative clause.
  const ownPredicate = after.split(RELATIVE_CLAUSE)[0]!;
  if (ORGANIZER_VERB.test(ownPredicate) || CO_APPLICANT.test(doc.lower.slice(from, to))) return true;
  // Right after another applicant, a genitive names its owner or place: «будинки культури громад».
  const afterApplicant =
    prev !== null &&
    prev.pos >= from &&
    GENITIVE_GAP.test(doc.lower.slice(prev.pos + prev.text.length, h.pos));
  if (afterApplicant && GENITIVE_HEAD.test(h.text.toLowerCase())) return true;
  if (h.type !== 'local_government') return false;
  if (RESIDENTS_BEFORE.test(before)) return true;
  return (
    afterApplicant ||
    (prev !== null &&
      prev.pos >= from &&
      /^громад(?:и|і)$/.test(h.text.toLowerCase()) &&
      NOUN_PHRASE_GAP.test(doc.lower.slice(prev.pos + prev.text.length, h.pos)))
  );
}

function quoteSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of matchesOf(QUOTED, text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

export function extractApplicants(doc: Doc): ApplicantsResult {
  const cues: number[] = [];
  const candidates = phraseHits(doc, cues);
  const spans = eligibilitySpans(doc, cues);
  candidates.sort((a, b) => a.pos - b.pos);
  const quotes = quoteSpans(doc.text);
  let hits: Hit[] = [];
  let prev: Hit | null = null;
  let prevCounted = false;
  let prevExcluded = false;
  for (const h of candidates) {
    const sameList: boolean =
      prev !== null &&
      clauseAt(doc, prev.pos)[0] === clauseAt(doc, h.pos)[0] &&
      LIST_GAP.test(doc.lower.slice(prev.pos + prev.text.length, h.pos));
    const listed: boolean = sameList && prevCounted;
    const stated: boolean = inSpans(spans, h.pos) || (listed && prev!.stated === true);
    // «у закладах освіти та лікарнях»: the next item of an excluded list is excluded too.
    const out: boolean =
      (prevExcluded &&
        prev !== null &&
        JOINED.test(doc.lower.slice(prev.pos + prev.text.length, h.pos)) &&
        OBLIQUE.test(h.text.toLowerCase())) ||
      excluded(doc, h, prev, quotes);
    const resident =
      RESIDENT.test(h.text) && !BENEFICIARY_BEFORE.test(doc.lower.slice(Math.max(0, h.pos - 30), h.pos));
    const ok: boolean = RESIDENT.test(h.text)
      ? resident && stated && !out
      : (stated || listed || counts(doc, spans, h.pos)) && !out;
    h.stated = stated;
    prev = h;
    prevCounted = ok;
    prevExcluded = out;
    if (!ok) continue;
    hits.push(h);
    const end = h.pos + h.text.length;
    // «культурні організації» are NGOs of the cultural sector.
    if (h.type === 'culture' && CULTURAL_ORG.test(h.text)) hits.push({ ...h, type: 'ngo' });
    if (
      h.type === 'youth' &&
      (CULTURAL_ORG.test(h.text) || YOUTH_ORG_AFTER.test(doc.lower.slice(end, end + 40)))
    )
      hits.push({ ...h, type: 'ngo' });
    if (
      h.type === 'youth' &&
      stated &&
      YOUNG_PEOPLE.test(h.text) &&
      !GROUP_OF_BEFORE.test(doc.lower.slice(Math.max(0, h.pos - 30), h.pos))
    )
      hits.push({ ...h, type: 'individual' });
    if (h.type !== 'communal_enterprise') continue;
    const tail = doc.lower.slice(end, end + 60).split(PHRASE_STOP)[0]!;
    for (const of of matchesOf(COMMUNAL_OF, tail)) {
      const g = groupIndex(of);
      if (g >= 0) hits.push({ pos: end + of.index, type: COMMUNAL_KIND[g]!, text: of[0], stated });
    }
  }
  const ages = AGE_HINT.test(doc.lower) ? matchesOf(YOUNG_AGE, doc.lower) : [];
  for (const m of ages) {
    const low = Number(m[1]);
    const high = Number(m[2]);
    if (low >= 10 && high <= 35 && low < high && inSpans(spans, m.index))
      hits.push({
        pos: m.index,
        type: 'youth',
        text: doc.text.slice(m.index, m.index + m[0].length),
        stated: true,
      });
  }
  hits.sort((a, b) => a.pos - b.pos);
  // The headline is a summary: the body's own list, when there is one, is the answer.
  const body = hits.filter((h) => h.pos >= doc.bodyStart);
  if (body.length > 0) hits = body;
  // An explicit eligibility statement beats «конкурс для …» phrasing elsewhere.
  if (hits.some((h) => h.stated)) hits = hits.filter((h) => h.stated);
  // «редакції», "media outlets" are the legal form's (ГО, ТОВ) when the text gives it.
  if (hits.some((h) => h.type === 'ngo' || h.type === 'business'))
    hits = hits.filter((h) => !(h.type === 'other' && MEDIA.test(h.text)));
  const applicants: Applicant[] = [];
  for (const h of hits) if (!applicants.includes(h.type)) applicants.push(h.type);
  return { applicants, evidence: hits.length ? hits.map((h) => h.text).join(' | ') : null };
}
