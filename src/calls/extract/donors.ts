// A gazetteer of donors and programmes active in Ukraine with uk/en/ru aliases, and the reading of
// which of the names in a text is the donor: the funder («за підтримки ЄС»), else the announcer
// («… оголошує конкурс»), else the first named. Relays (ГУРТ, Громадський Простір, the
// decentralization portal) republish calls and are deliberately absent: they are never the donor.
import { alt, compile, groupIndex, matchesOf } from './context.ts';
import { type Doc, prepare } from './prepare.ts';

interface Entry {
  /** Canonical name, stable across languages (dedupe compares it). */
  name: string;
  kind: 'donor' | 'programme';
  /** For a programme: who funds it. */
  donor?: string;
  /** Lower-case regex sources. */
  aliases?: readonly string[];
  /** Case-sensitive acronyms. */
  acronyms?: readonly string[];
}

const L = '\\p{L}*';
const Q = '[«"„“”\']?';
const EU = 'European Union';

function embassy(name: string, ukRu: readonly string[], en: readonly string[]): Entry {
  return {
    name,
    kind: 'donor',
    aliases: [
      `посольств${L} (?:${ukRu.join('|')})`,
      `(?:${en.join('|')}) embassy`,
      `embassy of (?:the )?(?:${en.join('|')})`,
    ],
  };
}

const GAZETTEER: readonly Entry[] = [
  // Programmes first: at one position the regex takes the first alternative that matches.
  {
    name: 'House of Europe',
    kind: 'programme',
    donor: EU,
    aliases: ['house of europe', `дім${L} європи`, 'дому європи'],
  },
  {
    name: 'Interreg NEXT Poland–Ukraine',
    kind: 'programme',
    donor: EU,
    aliases: [
      'interreg next (?:poland|pl)[- –—]+(?:ukraine|ua)',
      'interreg next польща[- –—]+україна',
      `програм${L} (?:interreg next )?польща[- –—]+україна`,
    ],
  },
  {
    name: 'Interreg NEXT Romania–Ukraine',
    kind: 'programme',
    donor: EU,
    aliases: [
      'interreg next (?:romania|ro)[- –—]+(?:ukraine|ua)',
      `(?:interreg next |програм${L} )румунія[- –—]+україна`,
    ],
  },
  {
    name: 'Interreg NEXT Hungary–Slovakia–Romania–Ukraine',
    kind: 'programme',
    donor: EU,
    aliases: [
      'interreg next hungary[- –—]+slovakia[- –—]+romania[- –—]+ukraine',
      '(?:interreg next )?угорщина[- –—]+словаччина[- –—]+румунія[- –—]+україна',
    ],
  },
  {
    name: 'Interreg NEXT Black Sea Basin',
    kind: 'programme',
    donor: EU,
    aliases: ['interreg next black sea basin', 'black sea basin', `басейн${L} чорного моря`],
  },
  { name: 'Interreg NEXT', kind: 'programme', donor: EU, aliases: ['interreg(?: next)?', 'інтеррег'] },
  {
    name: 'U-LEAD with Europe',
    kind: 'programme',
    donor: EU,
    aliases: ['u-lead(?: (?:з європою|with europe))?'],
  },
  { name: 'Ukraine Facility', kind: 'programme', donor: EU, aliases: ['ukraine facility'] },
  {
    name: 'Mayors for Economic Growth',
    kind: 'programme',
    donor: EU,
    aliases: ['mayors for economic growth', 'мери за економічне зростання', 'm4eg'],
  },
  {
    name: 'Covenant of Mayors',
    kind: 'programme',
    donor: EU,
    aliases: ['covenant of mayors', `угод${L} мерів`],
  },
  {
    name: 'Creative Europe',
    kind: 'programme',
    donor: EU,
    aliases: ['creative europe', `креативн${L} європ${L}`],
  },
  { name: 'Erasmus+', kind: 'programme', donor: EU, aliases: ['erasmus\\+?', 'еразмус\\+?'] },
  {
    name: 'Horizon Europe',
    kind: 'programme',
    donor: EU,
    aliases: ['horizon europe', `горизонт${L} європа`],
  },
  {
    name: 'Culture Bridges',
    kind: 'programme',
    donor: EU,
    aliases: ['culture bridges', `культурн${L} мост${L}`],
  },
  { name: 'EU4Business', kind: 'programme', donor: EU, aliases: ['eu4business'] },
  { name: 'EU4Youth', kind: 'programme', donor: EU, aliases: ['eu4youth'] },
  { name: 'EU4Culture', kind: 'programme', donor: EU, aliases: ['eu4culture'] },
  { name: 'EU4Environment', kind: 'programme', donor: EU, aliases: ['eu4environment'] },
  { name: 'EU4Skills', kind: 'programme', donor: EU, aliases: ['eu4skills'] },
  { name: 'EU4Digital', kind: 'programme', donor: EU, aliases: ['eu4digital'] },
  { name: 'EU4Energy', kind: 'programme', donor: EU, aliases: ['eu4energy'] },
  {
    name: 'Canada Fund for Local Initiatives',
    kind: 'programme',
    donor: 'Embassy of Canada',
    aliases: ['canada fund for local initiatives', `канадськ${L} фонд${L} місцевих ініціатив`],
    acronyms: ['CFLI'],
  },
  {
    name: 'Kusanone',
    kind: 'programme',
    donor: 'Embassy of Japan',
    aliases: ['kusanone', 'кусаноне', 'grant assistance for grassroots'],
  },
  {
    name: 'Direct Aid Program',
    kind: 'programme',
    donor: 'Embassy of Australia',
    aliases: ['direct aid program'],
  },
  {
    name: 'MHP – Hromadi',
    kind: 'programme',
    donor: 'MHP',
    aliases: [`мхп[- –—]+громаді`, 'mhp[- –—]+hromadi', `мхп[- –—]+громаде`],
  },
  {
    name: 'DOBRE',
    kind: 'programme',
    donor: 'USAID',
    aliases: [`програм${L} ${Q}добре`],
    acronyms: ['DOBRE'],
  },
  {
    name: 'HOVERLA',
    kind: 'programme',
    donor: 'USAID',
    aliases: [`проє?е?кт${L} ${Q}говерла`],
    acronyms: ['HOVERLA'],
  },

  {
    name: 'European Commission',
    kind: 'donor',
    aliases: [
      `європейськ${L} комісі${L}`,
      `єврокомісі${L}`,
      'european commission',
      `европейск${L} комисси${L}`,
      `еврокомисси${L}`,
    ],
  },
  {
    name: EU,
    kind: 'donor',
    aliases: [
      `європейськ${L} союз${L}`,
      `євросоюз${L}`,
      'european union',
      `европейск${L} союз${L}`,
      `евросоюз${L}`,
      `unia europejsk${L}`,
    ],
    acronyms: ['ЄС', 'EU', 'ЕС', 'UE'],
  },
  {
    name: 'UNDP',
    kind: 'donor',
    aliases: [
      `програм${L} розвитку оон`,
      'united nations development programme',
      `программ${L} развития оон`,
    ],
    acronyms: ['ПРООН', 'UNDP'],
  },
  {
    name: 'GIZ',
    kind: 'donor',
    aliases: [
      `німецьк${L} товариств${L} міжнародного співробітництва`,
      'deutsche gesellschaft für internationale zusammenarbeit',
    ],
    acronyms: ['GIZ'],
  },
  {
    name: 'USAID',
    kind: 'donor',
    aliases: [
      `агентств${L} сша з міжнародного розвитку`,
      'u\\.s\\. agency for international development',
      'united states agency for international development',
    ],
    acronyms: ['USAID'],
  },
  {
    name: 'Polish Aid',
    kind: 'donor',
    aliases: ['polish aid', `польськ${L} допомог${L}`, 'polska pomoc', `польск${L} помощ${L}`],
  },
  {
    // the state's business grants through Diia («єРобота»); «власна справа» alone is "one's own
    // business", so only quoted or named as a programme
    name: 'Vlasna Sprava',
    kind: 'programme',
    donor: 'Government of Ukraine',
    aliases: [
      `(?:програм${L}|грант${L}|проєкт${L}|проект${L}|program${L}) [«"„“]?власн${L} справ${L}`,
      `[«"„“]власн${L} справ${L}[»"”]`,
      `є-?робот${L}`,
      `е-?работ${L}`,
      'e-?robota',
      'vlasna sprava',
    ],
  },
  {
    // run by the Education for Democracy Foundation, funded by the Polish-American Freedom Foundation
    name: 'RITA',
    kind: 'programme',
    donor: 'Polish-American Freedom Foundation',
    aliases: [
      `(?:(?:program${L}|програм${L}|программ${L}) )?${Q}rita[»"”]? [–—-] (?:przemiany w regionie|зміни в регіоні)`,
      `(?:program${L}|програм${L}|программ${L}) ${Q}rita`,
      `fundacj${L} edukacja dla demokracji`,
      `фонд${L} ${Q}освіта для демократії`,
      'polish-american freedom foundation',
      `polsko-amerykańsk${L} fundacj${L} wolności`,
      `польсько-американськ${L} фонд${L} свободи`,
    ],
    acronyms: ['RITA', 'РІТА', 'РИТА'],
  },
  {
    name: 'Solidarity Fund PL',
    kind: 'donor',
    aliases: [
      'solidarity fund pl',
      `фонд${L} солідарності pl`,
      `fundacj${L} solidarności międzynarodowej`,
      `фонд${L} міжнародн${L} солідарност${L}`,
      `фонд${L} международн${L} солидарност${L}`,
    ],
  },
  {
    name: 'Sida',
    kind: 'donor',
    aliases: [
      `шведськ${L} агентств${L} (?:з питань )?міжнародного (?:співробітництва|розвитку)`,
      'swedish international development cooperation agency',
    ],
    acronyms: ['Sida', 'SIDA'],
  },
  {
    name: 'SALAR International',
    kind: 'donor',
    aliases: [
      'salar international',
      'skl international',
      'скл інтернешнл',
      `шведськ${L} асоціаці${L} місцевих влад (?:і|та) регіонів`,
    ],
    acronyms: ['SALAR', 'SKL'],
  },
  {
    name: 'CEMR',
    kind: 'donor',
    aliases: [
      'council of european municipalities and regions',
      `рад${L} європейських муніципалітетів (?:і|та) регіонів`,
    ],
    acronyms: ['CEMR', 'РЄМР'],
  },
  {
    name: 'Ukrainian Cultural Foundation',
    kind: 'donor',
    aliases: [
      `українськ${L} культурн${L} фонд${L}`,
      'ukrainian cultural foundation',
      `украинск${L} культурн${L} фонд${L}`,
    ],
    acronyms: ['УКФ', 'UCF'],
  },
  {
    name: 'Ukrainian Youth Fund',
    kind: 'donor',
    aliases: [
      `українськ${L} молодіжн${L} фонд${L}`,
      'ukrainian youth fund',
      `украинск${L} молод[её]жн${L} фонд${L}`,
    ],
    acronyms: ['УМФ'],
  },
  {
    name: 'Ukrainian Veterans Fund',
    kind: 'donor',
    aliases: [
      `українськ${L} ветеранськ${L} фонд${L}`,
      "ukrainian veterans'? fund",
      `украинск${L} ветеранск${L} фонд${L}`,
    ],
    acronyms: ['УВФ', 'UVF'],
  },
  { name: 'MHP', kind: 'donor', aliases: [`мхп(?![\\p{L}-])`], acronyms: ['MHP'] },
  {
    name: 'East Europe Foundation',
    kind: 'donor',
    aliases: [
      `фонд${L} ${Q}східн${L} європ${L}`,
      'east europe foundation',
      `фонд${L} ${Q}восточн${L} европ${L}`,
    ],
  },
  { name: 'IREX', kind: 'donor', aliases: ['айрекс'], acronyms: ['IREX'] },
  {
    name: 'ISAR Ednannia',
    kind: 'donor',
    aliases: [
      `(?:ісар|isar) ${Q}єднання`,
      'isar ednannia',
      'ednannia',
      `${Q}єднання[»"“”']`,
      `исар ${Q}единение`,
    ],
  },
  {
    name: 'International Renaissance Foundation',
    kind: 'donor',
    aliases: [
      `міжнародн${L} фонд${L} ${Q}відродженн${L}`,
      `фонд${L} ${Q}відродженн${L}`,
      `мф ${Q}відродженн${L}`,
      'international renaissance foundation',
      `международн${L} фонд${L} ${Q}возрождени${L}`,
    ],
    acronyms: ['МФВ', 'IRF'],
  },
  {
    name: 'E5P',
    kind: 'donor',
    aliases: [
      'eastern europe energy efficiency and environment partnership',
      `фонд${L} східноєвропейськ${L} партнерств${L}(?: з енергоефективності та довкілля)?`,
      `східноєвропейськ${L} партнерств${L} з енергоефективності`,
      `фонд${L} восточноевропейск${L} партн[её]рств${L}`,
    ],
    acronyms: ['E5P'],
  },
  {
    name: 'British Council',
    kind: 'donor',
    aliases: ['british council', `британськ${L} рад${L}`, `британск${L} совет${L}`],
  },
  {
    name: 'Council of Europe',
    kind: 'donor',
    aliases: ['council of europe', `рад${L} європи`, `совет${L} европы`],
  },
  { name: 'UNICEF', kind: 'donor', aliases: ['unicef', 'юнісеф', 'юнисеф', `дитяч${L} фонд${L} оон`] },
  {
    name: 'UNHCR',
    kind: 'donor',
    aliases: ['unhcr', 'увкб оон', `агентств${L} оон у справах біженців`, 'un refugee agency'],
  },
  {
    name: 'IOM',
    kind: 'donor',
    aliases: [
      `міжнародн${L} організаці${L} з міграції`,
      'international organization for migration',
      `международн${L} организаци${L} по миграции`,
    ],
    acronyms: ['IOM', 'МОМ'],
  },
  {
    name: 'UN Women',
    kind: 'donor',
    aliases: ['un women', 'оон[- ]жінки', `структур${L} оон жінки`, 'оон[- ]женщины'],
  },
  {
    name: 'FAO',
    kind: 'donor',
    aliases: [`продовольч${L} (?:та|і) сільськогосподарськ${L} організаці${L} оон`],
    acronyms: ['FAO', 'ФАО'],
  },
  {
    name: 'WHO',
    kind: 'donor',
    aliases: [`всесвітн${L} організаці${L} охорони здоров'я`, 'world health organization'],
    acronyms: ['ВООЗ'],
  },
  { name: 'OSCE', kind: 'donor', acronyms: ['OSCE', 'ОБСЄ', 'ОБСЕ'] },
  {
    name: 'World Bank',
    kind: 'donor',
    aliases: [`світов${L} банк${L}`, 'world bank', `всемирн${L} банк${L}`],
  },
  {
    name: 'EBRD',
    kind: 'donor',
    aliases: [
      `європейськ${L} банк${L} реконструкції (?:та|і) розвитку`,
      'european bank for reconstruction and development',
    ],
    acronyms: ['ЄБРР', 'EBRD', 'ЕБРР'],
  },
  {
    name: 'EIB',
    kind: 'donor',
    aliases: [`європейськ${L} інвестиційн${L} банк${L}`, 'european investment bank'],
    acronyms: ['ЄІБ', 'EIB'],
  },
  {
    name: 'NEFCO',
    kind: 'donor',
    aliases: [
      'nefco',
      'нефко',
      `північн${L} екологічн${L} фінансов${L} корпораці${L}`,
      'nordic environment finance corporation',
    ],
  },
  {
    name: 'Swiss Agency for Development and Cooperation',
    kind: 'donor',
    aliases: [
      'swiss agency for development and cooperation',
      `швейцарськ${L} (?:агенці|агентств)${L} (?:з питань )?розвитку (?:та|і) співробітництва`,
    ],
    acronyms: ['SDC'],
  },
  {
    name: 'Czech Development Agency',
    kind: 'donor',
    aliases: [
      'czech development agency',
      `чеськ${L} агенці${L} розвитку`,
      'czechaid',
      'czech aid',
      `чеськ${L} допомог${L}`,
    ],
  },
  {
    name: 'SlovakAid',
    kind: 'donor',
    aliases: [
      'slovakaid',
      'slovak aid',
      `словацьк${L} агенці${L} міжнародного розвитку`,
      'slovak agency for international development cooperation',
    ],
    acronyms: ['SAMRS'],
  },
  {
    name: 'Lithuanian Development Cooperation',
    kind: 'donor',
    aliases: [
      'lithuanian development cooperation',
      'lt aid',
      `литовськ${L} (?:агенці|допомог)${L}`,
      'lithuanian (?:development )?aid',
      'central project management agency',
    ],
    acronyms: ['CPVA'],
  },
  {
    name: 'International Visegrad Fund',
    kind: 'donor',
    aliases: ['(?:international )?visegrad fund', `(?:міжнародн${L} )?вишеградськ${L} фонд${L}`],
  },
  {
    name: 'National Endowment for Democracy',
    kind: 'donor',
    aliases: ['national endowment for democracy'],
    acronyms: ['NED'],
  },
  { name: 'Internews', kind: 'donor', aliases: ['internews', 'інтерньюз'] },
  { name: 'KfW', kind: 'donor', acronyms: ['KfW'] },
  {
    name: 'JICA',
    kind: 'donor',
    aliases: [
      `японськ${L} агентств${L} міжнародного співробітництва`,
      'japan international cooperation agency',
    ],
    acronyms: ['JICA'],
  },
  { name: 'KOICA', kind: 'donor', acronyms: ['KOICA'] },
  {
    name: 'Rinat Akhmetov Foundation',
    kind: 'donor',
    aliases: [`фонд${L} р[іи]ната ахметова`, 'rinat akhmetov foundation'],
  },
  { name: 'Mriya', kind: 'donor', aliases: [`(?:агрохолдинг|компані)${L} ${Q}мрія`], acronyms: ['Mriya'] },
  {
    name: 'State Regional Development Fund',
    kind: 'donor',
    aliases: [
      `державн${L} фонд${L} регіонального розвитку`,
      'state (?:fund for regional development|regional development fund)',
      `государственн${L} фонд${L} регионального развития`,
    ],
    acronyms: ['ДФРР'],
  },
  {
    name: 'Ministry for Development of Communities and Territories',
    kind: 'donor',
    aliases: [`мінрегіон${L}`, `міністерств${L} розвитку громад(?:,| та| і) територій`, 'мінрозвитку'],
  },
  embassy(
    'U.S. Embassy in Ukraine',
    ['сша', 'сполучених штатів(?: америки)?'],
    ['u\\.?s\\.?', 'american', 'united states'],
  ),
  embassy('Embassy of Canada', ['канади', 'канады'], ['canadian', 'canada']),
  embassy('Embassy of Japan', ['японії', 'японии'], ['japanese', 'japan']),
  embassy(
    'Embassy of the Netherlands',
    ['(?:королівства )?нідерландів', 'нидерландов'],
    ['dutch', 'netherlands', 'kingdom of the netherlands'],
  ),
  embassy(
    'British Embassy',
    ['великої британії', 'великобритании', 'сполученого королівства'],
    ['british', 'united kingdom', 'uk'],
  ),
  embassy('Embassy of Germany', ['німеччини', 'фрн', 'германии'], ['german', 'germany']),
  embassy('Embassy of France', ['франції', 'франции'], ['french', 'france']),
  embassy('Embassy of Poland', ['(?:республіки )?польща', 'польщі', 'польши'], ['polish', 'poland']),
  embassy(
    'Embassy of the Czech Republic',
    ['чехії', 'чеської республіки', 'чехии'],
    ['czech', 'czech republic'],
  ),
  embassy('Embassy of Sweden', ['швеції', 'швеции'], ['swedish', 'sweden']),
  embassy('Embassy of Switzerland', ['швейцарії', 'швейцарии'], ['swiss', 'switzerland']),
  embassy('Embassy of Finland', ['фінляндії', 'финляндии'], ['finnish', 'finland']),
  embassy('Embassy of Norway', ['норвегії', 'норвегии'], ['norwegian', 'norway']),
  embassy('Embassy of Denmark', ['данії', 'дании'], ['danish', 'denmark']),
  embassy('Embassy of Estonia', ['естонії', 'эстонии'], ['estonian', 'estonia']),
  embassy('Embassy of Latvia', ['латвії', 'латвии'], ['latvian', 'latvia']),
  embassy('Embassy of Lithuania', ['литви', 'литвы'], ['lithuanian', 'lithuania']),
  embassy('Embassy of Australia', ['австралії', 'австралии'], ['australian', 'australia']),
  embassy('Embassy of Israel', ['ізраїлю', 'израиля'], ['israeli', 'israel']),
  embassy(
    'Embassy of the Republic of Korea',
    ['(?:республіки )?корея', 'кореї'],
    ['korean', 'republic of korea'],
  ),
  embassy('Embassy of Slovakia', ['словаччини', 'словакии'], ['slovak', 'slovakia']),
  embassy('Embassy of Austria', ['австрії', 'австрии'], ['austrian', 'austria']),
  embassy('Embassy of Italy', ['італії', 'италии'], ['italian', 'italy']),
  embassy('Embassy of Ireland', ['ірландії', 'ирландии'], ['irish', 'ireland']),
  embassy('Embassy of Finland', ['фінляндії', 'финляндии'], ['finnish', 'finland']),
  // Humanitarian and development organisations active in Ukraine.
  {
    name: 'Norwegian Refugee Council',
    kind: 'donor',
    aliases: [
      'norwegian refugee council',
      `норвезьк${L} рад${L} (?:у справах|з питань) біженців`,
      `норвежск${L} совет${L} по делам беженцев`,
    ],
    acronyms: ['NRC'],
  },
  {
    name: 'Danish Refugee Council',
    kind: 'donor',
    aliases: [
      'danish refugee council',
      `данськ${L} рад${L} (?:у справах|з питань) біженців`,
      `датск${L} совет${L} по делам беженцев`,
    ],
    acronyms: ['DRC'],
  },
  {
    name: 'ALIPH',
    kind: 'donor',
    aliases: [
      'aliph(?: foundation)?',
      `міжнародн${L} альянс${L} (?:із|з) захисту (?:культурної )?спадщини`,
      'international alliance for the protection of heritage in conflict areas',
    ],
  },
  {
    name: 'UNFPA',
    kind: 'donor',
    aliases: ['unfpa', `фонд${L} оон у галузі народонаселення`, `фонд${L} оон в области народонаселения`],
  },
  {
    name: 'International Medical Corps',
    kind: 'donor',
    aliases: [
      'international medical corps',
      `міжнародн${L} медичн${L} корпус${L}`,
      `международн${L} медицинск${L} корпус${L}`,
    ],
    acronyms: ['IMC'],
  },
  {
    name: 'Médecins Sans Frontières',
    kind: 'donor',
    aliases: [
      'médecins sans frontières',
      'medecins sans frontieres',
      'doctors without borders',
      `лікар${L} без кордонів`,
      `врач${L} без границ`,
    ],
    acronyms: ['MSF'],
  },
  { name: 'Heifer International', kind: 'donor', aliases: ['heifer(?: international)?', 'хейфер'] },
  { name: 'Mercy Corps', kind: 'donor', aliases: ['mercy corps', 'мерсі корпс', 'мерси корпс'] },
  { name: 'Pact', kind: 'donor', aliases: ['pact (?:inc|ukraine|in ukraine)', 'пакт'], acronyms: ['Pact'] },
  { name: 'Kernel', kind: 'donor', aliases: ['kernel', `кернел${L}`] },
  { name: 'Greenpeace', kind: 'donor', aliases: ['greenpeace(?: cee)?', 'грінпіс', 'гринпис'] },
  { name: 'DVV International', kind: 'donor', aliases: ['dvv international'] },
  {
    name: 'People in Need',
    kind: 'donor',
    aliases: ['people in need', `людин${L} в біді`, `человек${L} в беде`, 'člověk v tísni', 'clovek v tisni'],
  },
  { name: 'Caritas', kind: 'donor', aliases: ['caritas', `карітас${L}`, `каритас${L}`] },
  // "acted" is an English word: the acronym only
  { name: 'ACTED', kind: 'donor', aliases: [`актед${L}`], acronyms: ['ACTED'] },
  { name: 'World Vision', kind: 'donor', aliases: ['world vision', 'ворлд віжн', 'ворлд вижн'] },
  {
    name: 'WFP',
    kind: 'donor',
    aliases: [
      'world food programme',
      `всесвітн${L} продовольч${L} програм${L}`,
      `всемирн${L} продовольственн${L} программ${L}`,
    ],
    acronyms: ['WFP', 'ВПП'],
  },
  {
    name: 'Save the Children',
    kind: 'donor',
    aliases: ['save the children', `врятуйте дітей`, `спасите детей`],
  },
  { name: 'Oxfam', kind: 'donor', aliases: ['oxfam', 'оксфам'] },
  {
    name: 'International Rescue Committee',
    kind: 'donor',
    aliases: [
      'international rescue committee',
      `міжнародн${L} комітет${L} порятунку`,
      `международн${L} комитет${L} спасения`,
    ],
    acronyms: ['IRC'],
  },
  { name: 'Helvetas', kind: 'donor', aliases: ['helvetas', 'гельветас', 'хельветас'] },
  { name: 'HEKS/EPER', kind: 'donor', aliases: ['heks(?:/eper)?', 'хекс'] },
  {
    name: 'Habitat for Humanity',
    kind: 'donor',
    aliases: ['habitat for humanity', `габітат${L}`, `хабитат${L}`],
  },
  {
    name: 'Red Cross',
    kind: 'donor',
    aliases: ['red cross', `червон${L} хрест${L}`, `красн${L} крест${L}`, 'icrc', 'мкчх', 'мккк'],
  },
  { name: 'Malteser International', kind: 'donor', aliases: ['malteser(?: international)?', 'мальтезер'] },
  { name: 'ADRA', kind: 'donor', acronyms: ['ADRA', 'АДРА'] },
  { name: 'UNOPS', kind: 'donor', aliases: ['unops', 'юнопс'] },
  {
    name: 'Winrock International',
    kind: 'donor',
    aliases: ['winrock(?: international)?', `вінрок${L}`, `винрок${L}`],
  },
  {
    name: 'Zagoriy Foundation',
    kind: 'donor',
    aliases: ['zagoriy foundation', `фонд${L} загорій`, `фонд${L} загорий`],
  },
  // companies' community programmes (their brands read alike in uk/ru; the skeleton catches the rest)
  { name: 'Metinvest', kind: 'donor', aliases: ['metinvest', `метінвест${L}`, `метинвест${L}`] },
  { name: 'DTEK', kind: 'donor', aliases: [`дтек${L}`, 'dtek'] },
  { name: 'Kyivstar', kind: 'donor', aliases: [`київстар${L}`, `киевстар${L}`, 'kyivstar'] },
  { name: 'Nova Poshta', kind: 'donor', aliases: ['nova poshta', `нов${L} пошт${L}`, `нов${L} почт${L}`] },
  { name: 'PrivatBank', kind: 'donor', aliases: ['privatbank', `приватбанк${L}`] },
  { name: 'Ukrnafta', kind: 'donor', aliases: ['ukrnafta', `укрнафт${L}`] },
  { name: 'Naftogaz', kind: 'donor', aliases: ['naftogaz', `нафтогаз${L}`] },
  { name: 'Astarta', kind: 'donor', aliases: ['astarta', `астарт${L}`] },
  {
    name: 'Media Development Foundation',
    kind: 'donor',
    aliases: ['media development foundation', `фонд${L} розвитку медіа`, `фонд${L} развития медиа`],
  },
  {
    name: "Ukrainian Women's Fund",
    kind: 'donor',
    aliases: [
      "ukrainian women'?s fund",
      `українськ${L} жіноч${L} фонд${L}`,
      `украинск${L} женск${L} фонд${L}`,
    ],
  },
  {
    name: 'Ukrainian Startup Fund',
    kind: 'donor',
    aliases: [
      'ukrainian startup fund',
      `українськ${L} фонд${L} стартапів`,
      `украинск${L} фонд${L} стартапов`,
    ],
    acronyms: ['USF', 'УФС'],
  },
  {
    name: 'Robert Bosch Stiftung',
    kind: 'donor',
    aliases: ['robert bosch stiftung', `фонд${L} роберта боша`],
  },
  { name: 'URBACT', kind: 'programme', donor: EU, aliases: ['urbact'] },
  { name: 'FIA Foundation', kind: 'donor', aliases: ['fia foundation'] },
  {
    name: 'Folke Bernadotte Academy',
    kind: 'donor',
    aliases: ['folke bernadotte academy', `академі${L} фольке бернадотта`],
  },
  {
    name: 'Polish Institute',
    kind: 'donor',
    aliases: ['polish institute', `польськ${L} інститут${L}`, `польск${L} институт${L}`],
  },
  {
    name: 'Carpathian Foundation',
    kind: 'donor',
    aliases: ['carpathian foundation', `фонд${L} «?карпати»?`, `карпатськ${L} фонд${L}`],
  },
  {
    name: 'Partnership Fund for a Resilient Ukraine',
    kind: 'donor',
    aliases: [
      'partnership fund for a resilient ukraine',
      `фонд${L} партнерства за сталу україну`,
      `партнерськ${L} фонд${L} (?:для|за) стійк${L} україн${L}`,
    ],
    acronyms: ['PFRU'],
  },
  {
    name: 'Hungarian Maltese Charity Service',
    kind: 'donor',
    aliases: [
      'hungarian maltese charity service',
      `угорськ${L} (?:мальтійськ${L} )?благодійн${L} служб${L}(?: мальтійського ордену)?`,
      `венгерск${L} (?:мальтийск${L} )?благотворительн${L} служб${L}`,
    ],
  },
  {
    name: 'GICHD',
    kind: 'donor',
    aliases: [
      'geneva international centre for humanitarian demining',
      `женевськ${L} міжнародн${L} центр${L} гуманітарного розмінування`,
    ],
    acronyms: ['GICHD'],
  },
  {
    name: 'Black Sea Trust',
    kind: 'donor',
    aliases: ['black sea trust(?: for regional cooperation)?', `чорноморськ${L} траст${L}`],
  },
  {
    name: 'DECIDE',
    kind: 'programme',
    donor: 'Swiss Agency for Development and Cooperation',
    acronyms: ['DECIDE'],
  },
  {
    name: 'GEF Small Grants Programme',
    kind: 'programme',
    donor: 'UNDP',
    aliases: [
      'gef sgp',
      `програм${L} малих грантів глобального екологічного фонду`,
      'gef small grants programme',
    ],
  },
  {
    name: 'Norwegian Ministry of Foreign Affairs',
    kind: 'donor',
    aliases: [
      'norwegian ministry of foreign affairs',
      `міністерств${L} закордонних справ норвегії`,
      `мзс норвегії`,
    ],
  },
  {
    name: 'Ministry of Veterans Affairs of Ukraine',
    kind: 'donor',
    aliases: ['ministry of veterans affairs', `міністерств${L} у справах ветеранів`],
  },
  {
    name: 'Ministry of Youth and Sports of Ukraine',
    kind: 'donor',
    aliases: [
      'ministry of youth and sports',
      `міністерств${L} молоді та спорту`,
      'мінмолодьспорту',
      'минмолодежьспорта',
    ],
  },
  {
    name: 'Ministry of Education and Science of Ukraine',
    kind: 'donor',
    aliases: [
      'ministry of education and science',
      `міністерств${L} освіти(?: і науки)?`,
      `министерств${L} образования(?: и науки)?`,
    ],
    acronyms: ['МОН', 'MoES'],
  },
  {
    name: 'Ministry of Health of Ukraine',
    kind: 'donor',
    aliases: [
      'ministry of health of ukraine',
      `міністерств${L} охорони здоров.я`,
      `министерств${L} здравоохранения`,
    ],
    acronyms: ['МОЗ'],
  },
  {
    name: 'Ministry of Social Policy of Ukraine',
    kind: 'donor',
    aliases: [
      'ministry of social policy',
      `міністерств${L} соціальної політики`,
      `мінсоцполітик${L}`,
      `министерств${L} социальной политики`,
      `минсоцполитик${L}`,
    ],
  },
  {
    name: 'Ministry of Economy of Ukraine',
    kind: 'donor',
    aliases: [
      'ministry of economy of ukraine',
      `міністерств${L} економіки`,
      `мінекономік${L}`,
      `министерств${L} экономики`,
      `минэкономик${L}`,
    ],
  },
  {
    name: 'Ministry of Culture of Ukraine',
    kind: 'donor',
    aliases: [
      'ministry of culture of ukraine',
      `міністерств${L} культури`,
      `мінкульт${L}`,
      `министерств${L} культуры`,
      `минкульт${L}`,
    ],
  },
  {
    name: 'Ministry of Agrarian Policy of Ukraine',
    kind: 'donor',
    aliases: [
      `міністерств${L} аграрної політики`,
      `мінагрополітик${L}`,
      `министерств${L} аграрной политики`,
      `минагрополитик${L}`,
    ],
  },
  {
    name: 'Government of Canada',
    kind: 'donor',
    aliases: ['government of canada', `уряд${L} канади`, `правительств${L} канады`],
  },
  {
    name: 'Government of the Netherlands',
    kind: 'donor',
    aliases: [
      'government of the netherlands',
      'dutch government',
      `уряд${L} нідерландів`,
      `правительств${L} нидерландов`,
    ],
  },
  {
    name: 'Government of Ukraine',
    kind: 'donor',
    aliases: [
      'government of ukraine',
      `кабінет${L} міністрів україни`,
      `уряд${L} україни`,
      `кабинет${L} министров украины`,
      `правительств${L} украины`,
    ],
  },
];

const ALIAS_ENTRIES = GAZETTEER.filter((e) => e.aliases?.length);
const ACRONYM_ENTRIES = GAZETTEER.filter((e) => e.acronyms?.length);
/**
 * Aliases in chunks: one regex with every alias grows past what V8 compiles to native code and
 * runs twenty times slower in its interpreter. Overlaps between chunks are resolved in mentions().
 */
const ALIAS_CHUNK = 15;
const ALIAS_CHUNKS: { re: RegExp; entries: readonly Entry[] }[] = [];
for (let i = 0; i < ALIAS_ENTRIES.length; i += ALIAS_CHUNK) {
  const entries = ALIAS_ENTRIES.slice(i, i + ALIAS_CHUNK);
  ALIAS_CHUNKS.push({
    re: compile(
      `(?<![\\p{L}\\p{N}])(?:${entries.map((e) => `(${alt(e.aliases!)})`).join('|')})(?![\\p{L}\\p{N}])`,
      'g',
    ),
    entries,
  });
}
const ENTRY_ORDER = new Map(GAZETTEER.map((e, i) => [e, i]));
const ACRONYM_RE = compile(
  `(?<![\\p{L}\\p{N}-])(?:${ACRONYM_ENTRIES.map((e) => `(${alt(e.acronyms!)})`).join('|')})(?![\\p{L}\\p{N}])`,
  'g',
);

/** «за підтримки», "funded by": the name after it pays. */
const FUNDER_BEFORE = compile(
  String.raw`(?:за (?:фінансов\p{L}* )?підтримк\p{L}*|за фінансуванн\p{L}*|фінансу\p{L}*|за кошти|на кошти|коштом|за сприянн\p{L}*|funded by|financed by|with (?:the )?(?:financial )?support (?:of|from)|supported by|sponsored by|при (?:финансовой )?поддержке|финансир\p{L}*|za wsparciem|finansowan\p{L}*)[\s«"„“]*(?:\p{L}+\s+){0,2}$`,
  '',
);
/** "… оголошує конкурс": the name before it runs the call. */
const ANNOUNCER_AFTER =
  /^[\s»"“”)]*(?:\([^)]{0,40}\)\s*)?(?:спільно з [^,.]{0,40}\s+)?(?:оголошу|оголосил|оголосив|запрошу|відкрива|розпочина|стартує|приймає|announc|invit|launch|opens|is accepting|объявля|приглаша|ogłasza|zaprasza|prowadzi nabór)/;

interface Mention {
  pos: number;
  end: number;
  entry: Entry;
}

function mentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  const scan = (re: RegExp, source: string, entries: readonly Entry[]) => {
    for (const m of matchesOf(re, source)) {
      const g = groupIndex(m);
      if (g >= 0) out.push({ pos: m.index, end: m.index + m[0].length, entry: entries[g]! });
    }
  };
  for (const { re, entries } of ALIAS_CHUNKS) scan(re, doc.lower, entries);
  const aliases = out
    .splice(0)
    .sort((a, b) => a.pos - b.pos || ENTRY_ORDER.get(a.entry)! - ENTRY_ORDER.get(b.entry)!);
  // As one regex would: the leftmost match wins, the earlier entry at one position, no overlaps.
  let end = -1;
  for (const m of aliases) {
    if (m.pos < end) continue;
    out.push(m);
    end = m.end;
  }
  scan(ACRONYM_RE, doc.text, ACRONYM_ENTRIES);
  return out.sort((a, b) => a.pos - b.pos);
}

function score(doc: Doc, m: Mention): number {
  let s = 0;
  if (FUNDER_BEFORE.test(doc.lower.slice(Math.max(0, m.pos - 60), m.pos))) s += 4;
  if (ANNOUNCER_AFTER.test(doc.lower.slice(m.end, m.end + 80))) s += 3;
  if (m.pos < doc.leadEnd) s += 2;
  return s;
}

export interface DonorResult {
  donor: string | null;
  programme: string | null;
  /** Every known donor the text names (a programme stands for its donor): funders, operators, partners. */
  parties: string[];
  /** Programmes the text names only to set its call apart from them («не «Кусаноне»»). */
  apart: string[];
  evidence: { donor?: string; programme?: string };
}

/**
 * A donor's or programme's own site names it when the text does not («Подати заявку можна на
 * сайті»). Relays (gurt.org.ua, prostir.ua, decentralization.gov.ua) are absent on purpose.
 */
const BY_HOST: ReadonlyArray<readonly [string, { donor: string; programme?: string }]> = [
  ['houseofeurope.org.ua', { donor: EU, programme: 'House of Europe' }],
  ['pl-ua.eu', { donor: EU, programme: 'Interreg NEXT Poland–Ukraine' }],
  ['euneighbourseast.eu', { donor: EU }],
  ['ucf.in.ua', { donor: 'Ukrainian Cultural Foundation' }],
  ['irf.ua', { donor: 'International Renaissance Foundation' }],
  ['eef.org.ua', { donor: 'East Europe Foundation' }],
  ['ednannia.ua', { donor: 'ISAR Ednannia' }],
  ['britishcouncil.org.ua', { donor: 'British Council' }],
];

const WWW = /^www\./;

function fromUrl(url: string | null | undefined): { donor: string; programme?: string; host: string } | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.replace(WWW, '');
  } catch {
    return null;
  }
  const hit = BY_HOST.find(([h]) => host === h || host.endsWith(`.${h}`));
  return hit ? { ...hit[1], host } : null;
}

/** «Хмельницька обласна рада оголошує…»: an organizer outside the gazetteer, named as written. */
const ORGANIZER_VERB = compile(
  String.raw`\s+(?:оголошу(?:є|ють)|оголосил[аио]?|оголосив|запрошу(?:є|ють)|объявля(?:ет|ют)|объявил[аио]?|приглаша(?:ет|ют)|продовжу(?:є|ють)|продолжа(?:ет|ют)|відкрива(?:є|ють)|приймає|принимает|запуска(?:є|ють|ет)|розпочина(?:є|ють)|announces|invites|launches|opens|is accepting)(?![\p{L}])`,
  '',
);
/** The subject is a name: a capital letter first, then a few words (or a «quoted» name). */
const ORGANIZER_NAME = compile(
  String.raw`^[^\p{L}«"]*((?:[A-ZА-ЯІЇЄҐ][\p{L}'’.-]*|«[^»]{2,60}»)(?:\s+(?:[\p{L}'’.-]+|«[^»]{2,60}»|—)){1,7})$`,
  '',
);
const QUOTED_NAME = /«([^«»]{2,60})»/;
/** Words that start a sentence but never a name («Нагадуємо», "We"). */
const NOT_A_NAME =
  /^(?:ми|we|our|наш|також|сьогодні|today|this|the project|проєкт|проект|програма|программа|конкурс)(?![\p{L}])/iu;
/** …and cut where a funder or a partner phrase starts: «Київська ОДА за підтримки ЄС». */
const SUBJECT_CUT = compile(
  String.raw`\s+(?:за|при|у|в|спільно|разом|з|із|with|in|under|on|through|,)(?![\p{L}]).*$`,
  '',
);

/** Abbreviated administrations written out, as the body calls itself in full. */
const ADMIN_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ОВА$/, 'обласна військова адміністрація'],
  [/ОДА$/, 'обласна державна адміністрація'],
  [/МВА$/, 'міська військова адміністрація'],
  [/ОГА$/, 'областная государственная администрация'],
];
const ADMIN_ABBR = /(?:^|\s)(?:ОВА|ОДА|МВА|ОГА)$/;

function expandAdmin(name: string): string {
  if (!ADMIN_ABBR.test(name)) return name;
  for (const [re, full] of ADMIN_ABBREVIATIONS) if (re.test(name)) return name.replace(re, full);
  return name;
}

function organizerAsWritten(doc: Doc): string | null {
  const body = doc.text.slice(doc.bodyStart, doc.bodyStart + 600);
  const m = ORGANIZER_VERB.exec(body);
  if (!m) return null;
  // The sentence (or line) holding the verb, up to the verb.
  const head = body.slice(0, m.index);
  const start = Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'), head.lastIndexOf('! ')) + 1;
  const subject = head.slice(start).trim().replace(SUBJECT_CUT, '');
  const name = ORGANIZER_NAME.exec(subject)?.[1];
  if (!name || NOT_A_NAME.test(name)) return null;
  const quoted = QUOTED_NAME.exec(name)?.[1];
  return expandAdmin((quoted ?? name).trim());
}

function bestDonor(doc: Doc, all: Mention[]): Mention | null {
  let best: Mention | null = null;
  let bestScore = -1;
  for (const m of all) {
    if (m.entry.kind !== 'donor') continue;
    const s = score(doc, m);
    if (s > bestScore) {
      best = m;
      bestScore = s;
    }
  }
  return best;
}

/**
 * A programme named to set this call apart from it: «Це окрема програма, не «Кусаноне»», "separate
 * from the GGP (“Kusanone”)", «не плутати з …».
 */
const OTHER_PROGRAMME_BEFORE =
  /(?:^|[^\p{L}])(?:не|not|separate from(?: the)?(?: \p{L}+)?|окрем\p{L}* від|на відміну від|не плутати з|не путать с|unlike|other than|instead of|замість|вместо|nie mylić z|w odróżnieniu od|(?:паралельно|одночасно|параллельно|одновременно|alongside|parallel to|równolegle z)(?: з| із| с| with| to)?(?:\s+\p{L}+){0,3})\s*[«“"„(]*\s*$/u;

/** A programme mention preceded by «не», "separate from"…: named to set the call apart from it. */
const setApart = (doc: Doc, m: Mention) =>
  OTHER_PROGRAMME_BEFORE.test(doc.lower.slice(Math.max(0, m.pos - 40), m.pos));

/** The programmes a text sets its call apart from («Це окрема програма, не «Кусаноне»»). */
function apartOf(doc: Doc, all: Mention[]): string[] {
  const out: string[] = [];
  for (const m of all)
    if (m.entry.kind === 'programme' && setApart(doc, m) && !out.includes(m.entry.name))
      out.push(m.entry.name);
  return out;
}

export function extractDonor(doc: Doc, url?: string | null): DonorResult {
  const all = mentions(doc);
  const programme = all.find((m) => m.entry.kind === 'programme' && !setApart(doc, m)) ?? null;
  let best = bestDonor(doc, all);
  // a programme that announces the call («Program RITA zaprasza…») speaks for its funder over a
  // donor the text only mentions in passing («integracja z UE»)
  if (best && programme?.entry.donor && score(doc, programme) > score(doc, best) && score(doc, best) < 4)
    best = null;
  const site = fromUrl(url);
  const evidence: DonorResult['evidence'] = {};
  if (programme) evidence.programme = doc.text.slice(programme.pos, programme.end);
  else if (site?.programme) evidence.programme = `url: ${site.host}`;
  if (best) evidence.donor = doc.text.slice(best.pos, best.end);
  else if (programme?.entry.donor) evidence.donor = `${programme.entry.name} → ${programme.entry.donor}`;
  else if (site) evidence.donor = `url: ${site.host}`;
  let donor = best?.entry.name ?? programme?.entry.donor ?? site?.donor ?? null;
  if (!donor) {
    donor = organizerAsWritten(doc);
    if (donor) evidence.donor = donor;
  }
  return {
    donor,
    programme: programme?.entry.name ?? site?.programme ?? null,
    parties: partiesOf(all),
    apart: apartOf(doc, all),
    evidence,
  };
}

function partiesOf(all: Mention[]): string[] {
  const out: string[] = [];
  for (const m of all) {
    const name = m.entry.kind === 'donor' ? m.entry.name : m.entry.donor;
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * The known donors a text names and the programmes it sets its call apart from (see
 * `DonorResult`), without the rest of extraction.
 */
export function donorParties(text: string): { parties: string[]; apart: string[] } {
  const doc = prepare({ text });
  const all = mentions(doc);
  return { parties: partiesOf(all), apart: apartOf(doc, all) };
}

/** Canonical donor and programme names, for editors' pick lists and tests. */
export const KNOWN_DONORS: readonly string[] = [
  ...new Set(GAZETTEER.map((e) => (e.kind === 'donor' ? e.name : e.donor!))),
];
