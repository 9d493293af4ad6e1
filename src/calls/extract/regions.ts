// Reads the regions a call is open to as ISO 3166-2:UA codes: oblast adjectives in any case form
// («Львівської»), nicknames («Львівщина», «Прикарпаття»), cities when clearly named as the place
// («м. Київ», «мешканців Харкова»), English and Russian names; `UA` only for explicit nationwide calls.
import { alt, compile, matchesOf } from './context.ts';
import { B, clauseAt, type Doc } from './prepare.ts';

interface RegionNames {
  code: string;
  /** Stems of the oblast adjective (uk, ru): + а/ої/ій/у/ою, ая/ой/ую. */
  adj: readonly string[];
  /** Stems of nicknames and names that only mean the region: + up to three letters of ending. */
  nick: readonly string[];
  /** Stems of the main city's name (uk, ru): only counted with a city marker or a "from/for" word. */
  city: readonly string[];
  /** English (and transliterated) names. */
  en: readonly string[];
  /** Adjectives of cities whose adjective is not the oblast's («Дніпровська міська рада», «Криворізька»). */
  cityAdj?: readonly string[];
  /** English names that only mean the region (no city of that name). */
  enRegion?: readonly string[];
}

const REGIONS: readonly RegionNames[] = [
  {
    code: 'UA-05',
    adj: ['вінницьк', 'винницк'],
    nick: ['вінниччин', 'винничин'],
    city: ['вінниц', 'винниц'],
    en: ['vinnytsia', 'vinnytska', 'vinnitsa'],
  },
  {
    code: 'UA-07',
    adj: ['волинськ', 'волынск'],
    nick: ['волин', 'волын'],
    city: ['луцьк', 'луцк'],
    cityAdj: ['луцьк', 'луцк'],
    en: ['lutsk'],
    enRegion: ['volyn', 'volynska', 'volhynia'],
  },
  {
    code: 'UA-09',
    adj: ['луганськ', 'луганск'],
    nick: ['луганщин', 'луганщин'],
    city: ['сєвєродонецьк', 'северодонецк'],
    cityAdj: ['сєвєродонецьк', 'северодонецк'],
    en: ['luhansk', 'luhanska', 'lugansk'],
  },
  {
    code: 'UA-12',
    adj: ['дніпропетровськ', 'днепропетровск', 'січеславськ'],
    nick: ['дніпропетровщин', 'дніпровщин', 'днепропетровщин', 'січеславщин'],
    city: ['дніпр', 'днепр', 'кривого рогу', 'кривий ріг', 'кривому розі'],
    cityAdj: ['дніпровськ', 'днепровск', 'криворізьк', 'криворожск', "кам'янськ", 'каменск'],
    en: ['dnipropetrovsk', 'dnipropetrovska', 'dnipro'],
  },
  {
    code: 'UA-14',
    adj: ['донецьк', 'донецк'],
    nick: ['донеччин', 'донетчин'],
    city: ['краматорськ', "слов'янськ", 'маріупол', 'краматорск', 'славянск', 'мариупол'],
    cityAdj: ['маріупольськ', 'мариупольск', 'краматорськ', 'краматорск', "слов'янськ", 'славянск'],
    en: ['donetsk', 'donetska', 'kramatorsk', 'mariupol'],
  },
  {
    code: 'UA-18',
    adj: ['житомирськ', 'житомирск'],
    nick: ['житомирщин'],
    city: ['житомир'],
    en: ['zhytomyr', 'zhytomyrska', 'zhitomir'],
  },
  {
    code: 'UA-21',
    adj: ['закарпатськ', 'закарпатск'],
    nick: ['закарпатт', 'закарпать'],
    city: ['ужгород', 'мукачев'],
    cityAdj: ['ужгородськ', 'ужгородск', 'мукачівськ', 'мукачевск'],
    en: ['uzhhorod', 'mukachevo'],
    enRegion: ['zakarpattia', 'zakarpattya', 'zakarpatska', 'transcarpathia'],
  },
  {
    code: 'UA-23',
    adj: ['запорізьк', 'запорожск'],
    nick: ['запоріжж', 'запорожь'],
    city: ['мелітопол', 'мелитопол'],
    en: ['zaporizhzhia', 'zaporizhia', 'zaporizka', 'zaporozhye'],
  },
  {
    code: 'UA-26',
    adj: ['івано-франківськ', 'ивано-франковск'],
    nick: ['прикарпатт', 'прикарпать', 'івано-франківщин', 'франківщин', 'франковщин'],
    city: ['івано-франківськ', 'ивано-франковск'],
    en: ['ivano-frankivsk', 'ivano-frankivska'],
    enRegion: ['prykarpattia'],
  },
  { code: 'UA-30', adj: [], nick: [], city: ['київ', 'києв', 'киев'], en: ['kyiv', 'kiev'] },
  {
    code: 'UA-32',
    // «кивськ», «кивщин»: AMP mirrors drop ї.
    adj: ['київськ', 'киевск', 'кивськ'],
    nick: ['київщин', 'киевщин', 'кивщин'],
    city: [],
    en: ['kyivska', 'kievska'],
  },
  {
    code: 'UA-35',
    adj: ['кіровоградськ', 'кировоградск'],
    nick: ['кіровоградщин', 'кировоградщин'],
    city: ['кропивницьк', 'кропивницк'],
    cityAdj: ['кропивницьк', 'кропивницк'],
    en: ['kirovohrad', 'kirovohradska', 'kropyvnytskyi'],
  },
  { code: 'UA-40', adj: [], nick: ['севастопол'], city: [], en: [], enRegion: ['sevastopol'] },
  { code: 'UA-43', adj: [], nick: [], city: [], en: [], enRegion: ['crimea'] },
  {
    code: 'UA-46',
    adj: ['львівськ', 'львовск'],
    nick: ['львівщин', 'львовщин'],
    city: ['львів', 'львов'],
    en: ['lviv', 'lvivska', 'lvov'],
  },
  {
    code: 'UA-48',
    adj: ['миколаївськ', 'николаевск'],
    nick: ['миколаївщин', 'николаевщин'],
    city: ['миколаїв', 'миколаєв', 'николаев'],
    en: ['mykolaiv', 'mykolaivska', 'nikolaev'],
  },
  {
    code: 'UA-51',
    adj: ['одеськ', 'одесск'],
    nick: ['одещин', 'одесчин'],
    city: ['одес'],
    en: ['odesa', 'odessa', 'odeska'],
  },
  {
    code: 'UA-53',
    adj: ['полтавськ', 'полтавск'],
    nick: ['полтавщин'],
    city: ['полтав'],
    en: ['poltava', 'poltavska'],
  },
  {
    code: 'UA-56',
    adj: ['рівненськ', 'ровенск'],
    nick: ['рівненщин', 'ровенщин'],
    city: ['рівн', 'ровн'],
    en: ['rivne', 'rivnenska', 'rovno'],
  },
  { code: 'UA-59', adj: ['сумськ', 'сумск'], nick: ['сумщин'], city: ['сум'], en: ['sumy', 'sumska'] },
  {
    code: 'UA-61',
    adj: ['тернопільськ', 'тернопольск'],
    nick: ['тернопільщин', 'тернопольщин'],
    city: ['тернопіл', 'тернопол'],
    en: ['ternopil', 'ternopilska', 'ternopol'],
  },
  {
    code: 'UA-63',
    adj: ['харківськ', 'харьковск'],
    nick: ['харківщин', 'харьковщин', 'слобожанщин'],
    city: ['харків', 'харков', 'харьков'],
    en: ['kharkiv', 'kharkivska', 'kharkov'],
    enRegion: ['slobozhanshchyna'],
  },
  {
    code: 'UA-65',
    adj: ['херсонськ', 'херсонск'],
    nick: ['херсонщин'],
    city: ['херсон'],
    en: ['kherson', 'khersonska'],
  },
  {
    code: 'UA-68',
    adj: ['хмельницьк', 'хмельницк'],
    nick: ['хмельниччин', 'хмельнитчин'],
    city: ['хмельницьк', 'хмельницк'],
    en: ['khmelnytskyi', 'khmelnytskyy', 'khmelnytsky', 'khmelnytska', 'khmelnitsky'],
  },
  {
    code: 'UA-71',
    adj: ['черкаськ', 'черкасск'],
    nick: ['черкащин', 'черкасчин', 'черкасщин'],
    city: ['черкас'],
    en: ['cherkasy', 'cherkaska', 'cherkassy'],
  },
  {
    code: 'UA-74',
    adj: ['чернігівськ', 'черниговск'],
    nick: ['чернігівщин', 'черниговщин'],
    city: ['чернігів', 'чернігов', 'чернигов'],
    en: ['chernihiv', 'chernihivska', 'chernigov'],
  },
  {
    code: 'UA-77',
    adj: ['чернівецьк', 'черновицк'],
    nick: ['буковин'],
    city: ['чернівц', 'черновц'],
    en: ['chernivtsi', 'chernivetska', 'chernovtsy'],
    enRegion: ['bukovyna', 'bukovina'],
  },
];

function codeMap(pick: (r: RegionNames) => readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of REGIONS) for (const s of pick(r)) map.set(s, r.code);
  return map;
}
const byLength = (a: string, b: string) => b.length - a.length;

const ADJ_CODE = codeMap((r) => r.adj);
const NICK_CODE = codeMap((r) => r.nick);
const CITY_CODE = codeMap((r) => r.city);
const EN_CODE = codeMap((r) => [...r.en, ...(r.enRegion ?? [])]);
const EN_REGION_CODE = codeMap((r) => r.enRegion ?? []);
/** Adjectives naming a city council or city hromada: the oblast's, or the city's own; Kyiv's is the capital. */
const CITY_ADJ_CODE = codeMap((r) => [...r.adj, ...(r.cityAdj ?? [])]);
for (const stem of ['київськ', 'киевск', 'кивськ']) CITY_ADJ_CODE.set(stem, 'UA-30');
/** Cities whose name is also a common word (суми "sums", рівні "equal", Дніпро the river). */
const CITY_NEEDS_MARKER = new Set(['сум', 'рівн', 'ровн', 'дніпр', 'днепр']);

const ADJ_STEMS = alt([...ADJ_CODE.keys()].sort(byLength));
const NICK_STEMS = alt([...NICK_CODE.keys()].sort(byLength));
const CITY_STEMS = alt([...CITY_CODE.keys()].sort(byLength));
const EN_NAMES = alt([...EN_CODE.keys()].sort(byLength));
const EN_REGION_NAMES = alt([...EN_REGION_CODE.keys()].sort(byLength));
const CITY_ADJ_STEMS = alt([...CITY_ADJ_CODE.keys()].sort(byLength));

/** Polish oblast adjectives (stems), read only beside «obwód»: «obwodów wołyńskiego, lwowskiego i zakarpackiego». */
const PL_CODE = new Map<string, string>([
  ['winnick', 'UA-05'],
  ['wołyńsk', 'UA-07'],
  ['ługańsk', 'UA-09'],
  ['dniepropietrowsk', 'UA-12'],
  ['dniepropetrowsk', 'UA-12'],
  ['donieck', 'UA-14'],
  ['żytomiersk', 'UA-18'],
  ['zakarpack', 'UA-21'],
  ['zaporos', 'UA-23'],
  ['zaporoż', 'UA-23'],
  ['iwanofrankiwsk', 'UA-26'],
  ['iwano-frankiwsk', 'UA-26'],
  ['kijowsk', 'UA-32'],
  ['kirowohradzk', 'UA-35'],
  ['lwowsk', 'UA-46'],
  ['mikołajowsk', 'UA-48'],
  ['odesk', 'UA-51'],
  ['odessk', 'UA-51'],
  ['połtawsk', 'UA-53'],
  ['rówieńsk', 'UA-56'],
  ['równieńsk', 'UA-56'],
  ['sumsk', 'UA-59'],
  ['tarnopolsk', 'UA-61'],
  ['charkowsk', 'UA-63'],
  ['chersońsk', 'UA-65'],
  ['chmielnick', 'UA-68'],
  ['czerkask', 'UA-71'],
  ['czernihowsk', 'UA-74'],
  ['czerniowieck', 'UA-77'],
]);
const PL_STEMS = alt([...PL_CODE.keys()].sort(byLength));
const PL_NAME_RE = compile(`(?<!\\p{L})(${PL_STEMS})\\p{L}{0,4}(?!\\p{L})`, 'g');

const L = '\\p{L}';
const NOT_LETTER = `(?!${L})`;
const EN_LIST = `(?:${EN_NAMES})(?:\\s*(?:,|and|&|or|, and)\\s*(?:${EN_NAMES}))*`;
const REGION_WORD = "(?:oblasts?|regions?|provinces?|oblast's)";
const PL_ADJ = `(?:${PL_STEMS})${L}{0,4}${NOT_LETTER}`;
const PL_LIST = `${PL_ADJ}(?:\\s*(?:,|i|oraz)\\s*${PL_ADJ})*`;

/**
 * Every way a text names a place, as one alternation scanned once (one pass over the text is the
 * cost that matters). Each branch has its own capture group; the order settles ties at one position.
 */
const BRANCHES: ReadonlyArray<readonly [string, string]> = [
  [
    'nation',
    alt([
      `(?:з|із|у|в|для) (?:усіх|всіх|будь-як${L}*|кожн${L}*) (?:регіон|област)${L}*(?: україни)?`,
      '(?:усіх|всіх|будь-яких) (?:територіальних )?громад україни',
      '(?:усіх|всіх) (?:регіонів|областей)(?: україни)?',
      `(?:по|на) (?:всій|усій) (?:території )?україн${L}*`,
      `(?:всієї|усієї|вся|уся) (?:території )?україн${L}*`,
      '(?:усі|всі) (?:регіони|області) україни',
      `загальнонаціональн${L}*`,
      'all (?:regions|oblasts|parts) of ukraine',
      '(?:all over|across|throughout) ukraine',
      '(?:from|in) (?:any|all|every) (?:region|oblast)s?(?: (?:of|in) ukraine)?',
      '(?:from )?anywhere in ukraine',
      'nationwide',
      `(?:по|на) всей (?:территории )?украин${L}*`,
      '(?:со|из) всех (?:регионов|областей)',
      `(?:из|с|со|для) (?:любого|любой|каждого|каждой) (?:регион|област)${L}*`,
      `(?:со|из) всей (?:территории )?украин${L}*`,
      'всех (?:регионов|областей) украины',
      'z całej ukrainy',
    ]),
  ],
  // "Zakarpattia, Ivano-Frankivsk and Chernivtsi oblasts", "Lviv region".
  ['enOblastList', `(${EN_LIST})(?:\\s+|-)${REGION_WORD}${NOT_LETTER}`],
  // "oblasts of Sumy and Kharkiv".
  ['enListOfOblasts', `${REGION_WORD} (?:of |: ?)(${EN_LIST})`],
  ['enCityOf', `(?:the )?city of (${EN_NAMES})`],
  ['enCity', `(${EN_NAMES}) (?:city|municipality|hromada)${NOT_LETTER}`],
  // "from Kharkiv and Sumy" — but "in Kyiv oblast" is the oblast, read by the branch above.
  [
    'enFrom',
    `(?:from|residents of|based in|located in|in) (${EN_LIST})${NOT_LETTER}(?!\\s*(?:,|and|&|or)\\s*(?:${EN_NAMES})${NOT_LETTER})(?!\\s+${REGION_WORD})`,
  ],
  // «м. Харків», «місто Київ».
  ['cityMarked', `(?:м\\.|міст[оауі]?|г\\.|город(?:а|у|е|ов)?)\\s*(${CITY_STEMS})${L}{0,3}${NOT_LETTER}`],
  // «Полтавська міська рада», «Харьковский городской совет», «Вінницької міської громади»: the city;
  // «Київська міська рада» is the capital.
  ['adjCity', `(${CITY_ADJ_STEMS})${L}{1,3}\\s+(?:міськ|городск)`],
  // «ГО Харкова», «благодійні фонди Львова», «підприємців Львова»: applicants of a city.
  [
    'cityOf',
    `(?:го|оо|бо|фоп|флп|осбб|осмд|організац${L}*|организац${L}*|підприєм${L}*|предприят${L}*|предпринимател${L}*|фонд${L}*|установ${L}*|заклад${L}*|клуб${L}*|ініціатив${L}*|инициатив${L}*|бібліотек${L}*|библиотек${L}*|школ${L}*|митц${L}*|бізнес${L}*|бизнес${L}*|спільнот${L}*|громад${L}*|молод${L}*|youth)\\s+(${CITY_STEMS})${L}{0,3}${NOT_LETTER}`,
  ],
  // «Харківська міська громада», «Дніпро city».
  [
    'cityCouncil',
    `(${CITY_STEMS})${L}{0,3}\\s+(?:міськ${L}* (?:територіальн${L}* )?(?:громад|рад)${L}*|мтг|city)${NOT_LETTER}`,
  ],
  // «мешканці Дніпра», «у Дніпрі», «в Днепре», «дніпряни»: the city (the river is «на Дніпрі», «Дніпро» alone)
  [
    'dniproCity',
    `(?:(?:мешканц${L}*|жител${L}*)\\s+(?:дніпра|днепра)|(?:у|в)\\s+(?:дніпрі|днепре)|дніпрян${L}*|днепрян${L}*)${NOT_LETTER}`,
  ],
  // «мешканців Києва», «з Харкова».
  [
    'cityTarget',
    `(?:мешканц${L}*|жител${L}*|в межах|на території|з|із|для|у|в|from|residents of)\\s+(${CITY_STEMS})${L}{0,3}${NOT_LETTER}`,
  ],
  // Feminine adjective (область is feminine), or masculine + регіон/край. Not «Львівська політехніка».
  // «Хмельницько області» is «Хмельницької» on an AMP mirror that dropped ї.
  [
    'adj',
    `(${ADJ_STEMS})(?:(?:а|ої|ій|у|ою|ая|ой|ую)${NOT_LETTER}(?!\\s+(?:політехнік|школ|академі|консерваторі|національн|державн${L}* університет|міськ|городск))|(?:ий|ого|ому|им)\\s+(?:регіон|край|регион)|(?:о|й)(?=[^.;\\n]{0,40}?област))`,
  ],
  ['nick', `(${NICK_STEMS})${L}{0,3}${NOT_LETTER}`],
  ['donbas', `(?:донбас|донбасс|donbas|donbass)${L}{0,2}${NOT_LETTER}`],
  ['crimea', `(?:крим(?:у|ом|і)?|крым(?:а|у|ом)?|ар крим|автономн${L}* республік${L}* крим)${NOT_LETTER}`],
  ['enRegion', `(${EN_REGION_NAMES})${NOT_LETTER}`],
  // «obwodów wołyńskiego, lwowskiego i zakarpackiego», «obwód lwowski», «lwowskiego obwodu».
  ['plOblasts', `obw[oó]d${L}*\\s+(${PL_LIST})|(${PL_LIST})\\s+obw[oó]d`],
];
type Branch = (typeof BRANCHES)[number][0];

/** Per branch: its index in the regex's capture groups (the branch group, then its inner ones). */
const GROUP_OF: Record<string, number> = {};
let groupCount = 0;
const branchSources = BRANCHES.map(([name, src]) => {
  GROUP_OF[name] = ++groupCount;
  groupCount += (src.match(/\((?!\?)/g) ?? []).length;
  return `(${src})`;
});
const PLACE_RE = compile(`${B}(?:${branchSources.join('|')})`, 'g');
const EN_NAME_RE = compile(`${B}(${EN_NAMES})${NOT_LETTER}`, 'g');

/** Sentences about an office, an address or an event: where things happen, not who may apply. */
const PLACE_ONLY =
  /вул\.|вулиц|просп|адрес|офіс|зареєстрован|відбуд|проходитим|пройде|street|address|office|venue|take place|takes place|held in|registered in|состоит|улиц|через (?:обласн|областн|регіональн|региональн)/;
const CITY_BRANCHES = new Set<Branch>([
  'enCityOf',
  'enCity',
  'enFrom',
  'cityMarked',
  'adjCity',
  'cityOf',
  'cityCouncil',
  'cityTarget',
  'dniproCity',
]);
/**
 * «Окремий конкурс оголошено для Чернігівської області», "A separate call is open for Sumy oblast":
 * another edition's oblast, not this call's.
 */
const SEPARATE_CALL =
  /(?<!\p{L})(?:окрем|отдельн|osobn|odrębn|separate|parallel|паралельн|параллельн|równoległ|також оголош|также объявл|аналогічн|аналогичн|similar call)/u;
/** «(крім міста Києва)», "except Crimea", «за межами м. Києва», «не з Києва»: a place named to be left out. */
const EXCEPT_BEFORE = compile(
  String.raw`(?<!\p{L})(?:крім|окрім|за винятком|кроме|за исключением|except(?: for)?|excluding|за межами|поза межами|за пределами|outside(?: of)?|не|not from)\s+(?:[\p{L}.]+\s+){0,2}$`,
  '',
);
/**
 * «Посольство Чехії в Києві», "The Embassy of Finland in Kyiv", «Польский институт в Киеве»: where the
 * organizer sits, not who may apply.
 */
const SEAT_BEFORE = compile(
  String.raw`(?:embassy|consulate|office|delegation|mission|institute|посольств|консульств|представництв|представительств|офіс|офис|делегаці|інститут|институт|місі|мисси)\p{L}*(?:\s+[\p{L}.'’-]+){0,8}\s+$`,
  '',
);
/** A city list continued after a marked city: «з міст Дніпро, Запоріжжя та Кривий Ріг». */
const CITY_LIST_NEXT = compile(`^\\s*(?:,|та|і|й|и|and)\\s*(${CITY_STEMS})${L}{0,3}${NOT_LETTER}`, '');

export interface RegionsResult {
  regions: string[];
  evidence: string | null;
}

function cityAllowed(doc: Doc, pos: number): boolean {
  const [from, to] = clauseAt(doc, pos);
  return !PLACE_ONLY.test(doc.lower.slice(from, to));
}

function namesIn(list: string): string[] {
  return matchesOf(EN_NAME_RE, list).map((n) => EN_CODE.get(n[1]!)!);
}

/** The codes one match names; `inner` is the branch's first inner group (the name or list). */
function codesOf(branch: Branch, inner: string | undefined): readonly string[] {
  switch (branch) {
    case 'enOblastList':
    case 'enListOfOblasts':
      // "Kyiv oblast" is the oblast, not the city.
      return namesIn(inner!).map((c) => (c === 'UA-30' ? 'UA-32' : c));
    case 'enCityOf':
    case 'enCity':
    case 'enFrom':
      return namesIn(inner!);
    case 'adjCity':
      return [CITY_ADJ_CODE.get(inner!)!];
    case 'cityMarked':
    case 'cityCouncil':
      return [CITY_CODE.get(inner!)!];
    case 'dniproCity':
      return ['UA-12'];
    case 'cityTarget':
    case 'cityOf':
      return CITY_NEEDS_MARKER.has(inner!) ? [] : [CITY_CODE.get(inner!)!];
    case 'adj':
      return [ADJ_CODE.get(inner!)!];
    case 'nick':
      return [NICK_CODE.get(inner!)!];
    case 'donbas':
      return ['UA-14', 'UA-09'];
    case 'crimea':
      return ['UA-43'];
    case 'enRegion':
      return [EN_CODE.get(inner!)!];
    case 'plOblasts':
      return matchesOf(PL_NAME_RE, inner ?? '').map((n) => PL_CODE.get(n[1]!)!);
    default:
      return [];
  }
}

export function extractRegions(doc: Doc): RegionsResult {
  const regions: string[] = [];
  const spans: string[] = [];
  for (const m of matchesOf(PLACE_RE, doc.lower)) {
    const b = BRANCHES.findIndex(([name]) => m[GROUP_OF[name]!] !== undefined);
    const branch = BRANCHES[b]![0];
    const span = doc.text.slice(m.index, m.index + m[0].length);
    // Nationwide means every oblast: the code UA says it all (named priority regions add nothing a filter uses).
    if (branch === 'nation') return { regions: ['UA'], evidence: span };
    const [from, to] = clauseAt(doc, m.index);
    const before = doc.lower.slice(Math.max(from, m.index - 60), m.index);
    if (EXCEPT_BEFORE.test(before) || SEPARATE_CALL.test(doc.lower.slice(from, to))) continue;
    if (CITY_BRANCHES.has(branch) && (!cityAllowed(doc, m.index) || SEAT_BEFORE.test(before))) continue;
    const g = GROUP_OF[branch]!;
    const codes = [...codesOf(branch, branch === 'plOblasts' ? m[g] : m[g + 1])];
    if (branch === 'cityMarked') {
      // Later cities of the same list take the marker too.
      let at = m.index + m[0].length;
      for (
        let next = CITY_LIST_NEXT.exec(doc.lower.slice(at));
        next;
        next = CITY_LIST_NEXT.exec(doc.lower.slice(at))
      ) {
        codes.push(CITY_CODE.get(next[1]!)!);
        at += next[0].length;
      }
    }
    if (!codes.length) continue;
    spans.push(span);
    for (const c of codes) if (!regions.includes(c)) regions.push(c);
  }
  return { regions, evidence: spans.length ? spans.join(' | ') : null };
}
