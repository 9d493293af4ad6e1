// Decides whether an announcement is an open opportunity to apply (a call) or news about one:
// winners and results, a closed stage, a report of a meeting or training, a project launch, a
// budget story, a vacancy or tender. Precision over recall: without an explicit invitation to
// apply (or a deadline read as such), it is not a call.
import { alt, compile, groupIndex, matchesOf } from './context.ts';
import type { DeadlineKind } from './deadline.ts';
import type { Doc } from './prepare.ts';
import { B } from './prepare.ts';

const L = '\\p{L}*';

/** Invitations to apply. */
const POSITIVE = [
  `оголош${L} (?:(?!переможц|результат|підсумк)\\p{L}+ ){0,2}?(?:конкурс|набір|прийом|грантов|програм|відбір|заяв|збір)${L}`,
  `(?:стартува|розпочина|розпочав|розпочал|відкри|відкрит)${L} (?:\\p{L}+ ){0,2}?(?:конкурс|прийом|набір|подач|реєстрац)`,
  `прийма${L} (?:\\p{L}+ )?заяв${L}`,
  `заявки прийма${L}`,
  `прийом${L} (?:проєктних |проектних )?заявок(?! (?:завершено|завершився|закінчився|закрито))`,
  `запрош${L} (?:[\\p{L}'«»"-]+ ){0,8}?(?:до участі|подати|подавати|взяти участь|долучитися|податися|подаватися)`,
  `мож(?:уть|е) (?:подати|подавати|взяти участь|податися|подаватися|отримати грант)`,
  // «Подаватися можуть …»: the same invitation, inverted.
  `(?:подати|подавати|податися|подаватися) (?:заявк${L} |проє?е?кт${L} )?мож(?:уть|е)`,
  // An offer with its sum or kind: «громади можуть отримати до 2 млн грн».
  `(?:мож(?:уть|е)|могут|может) (?:отримати|получить) (?:грант${L}|до|від|от|фінансування|финансирование|підтримку|поддержку|компенсаці${L}|компенсаци${L}|обладнання|оборудование)`,
  '(?:can|may) (?:receive|get|obtain) (?:an? )?(?:grants?|up to|funding|support|compensation)',
  // «заявки від закладів освіти … приймаються до 20 березня».
  `заявк${L} (?:(?!не |більше |уже |вже )[\\p{L}'’,-]+ ){1,16}?(?:приймаються|прийматимуться|принимаются|подаються)`,
  `(?:строк|срок)${L} (?:подання|подачі|подачи)`,
  `заявниками можуть бути`,
  `до участі (?:у конкурсі |в конкурсі )?запрошуються`,
  `дедлайн${L}`,
  `кінцев${L} термін${L}`,
  `термін${L} (?:подання|подачі)`,
  `подати (?:свою )?заявку`,
  `аплікаційн${L} форм${L}`,
  `відкрит${L} набір`,
  `набір (?:учасників|учасниць|до|на)`,
  `продовжено (?:прийом|термін|дедлайн|конкурс)`,
  'calls? for (?:proposals|applications|projects|expressions? of interest|concept notes|participants|partners)',
  'open call',
  '(?:applications?|the call) (?:is|are) (?:now )?open',
  'accepting applications',
  '(?:accepts|is accepting|are accepting) (?:applications|proposals|concept notes)',
  `invit${L} (?:\\p{L}+ ){0,4}?(?:to apply|to submit|applications|proposals)`,
  'apply (?:now|by|before|until|online|here|for)',
  'how to apply',
  'eligible applicants',
  // Partnership calls: "send an expression of interest", "looking for partner hromadas".
  '(?:send|submit) (?:an? )?(?:expressions?|letters?) of interest',
  'looking for (?:\\p{L}+ ){0,3}?partner',
  'who can apply',
  'deadline',
  'request for (?:proposals|applications)',
  'submit (?:a |your |their )?(?:proposals?|applications?|concept notes?)',
  `announc${L} (?:an? )?(?:open )?(?:competition|call|grants? program)${L}`,
  'open competition',
  'applications? (?:must|should) be submitted',
  `объявля${L} (?:\\p{L}+ ){0,2}?(?:конкурс|набор|при[её]м)`,
  `объявлен${L} (?:конкурс|набор|при[её]м)`,
  'при[её]м заявок',
  `принима${L} заявки`,
  'заявки принимаются',
  'подать заявку',
  'могут (?:подать|принять участие)',
  `приглаша${L} (?:\\p{L}+ ){0,4}?(?:к участию|подать|принять участие)`,
  `срок${L} подачи`,
  'nabór wniosków',
  `ogłasza${L} (?:\\p{L}+ )?(?:konkurs|nabór)`,
  'termin składania',
  'wnioski można składać',
];

/** Names of opportunities: a call talks like this, but so does news about one. */
const NAMED = [
  `конкурс${L} (?:\\p{L}+ )?(?:проєктів|проектів|грантів|міні-грантів|мікрогрантів|субгрантів|проєктних заявок|ініціатив)`,
  `(?:програм|конкурс)${L} (?:малих |міні-|мікро)?грант${L}`,
  `грантов${L} (?:конкурс|програм|можливіст|підтримк)${L}`,
  `ментор${L} програм${L}`,
  'grant (?:competition|programme|program|opportunity|scheme)',
  `funding opportunit${L}`,
  `конкурс${L} (?:проектов|грантов|мини-грантов)`,
  `программ${L} (?:малых )?грантов`,
];

/** Results and closures told as done: news about a call. */
const RESULT_DONE = [
  `(?:оголош(?:ено|ені|ений|уємо|ує|ують)|оголосил${L}|оголосив) (?:\\p{L}+ )?(?:переможц|результат|підсумк)${L}`,
  `(?:визначен|визначил|обрали|обрано)${L} (?:\\p{L}+ )?переможц${L}`,
  `стал${L} переможц${L}`,
  `підби(?:ли|то|в) підсумк${L}`,
  `отримал${L} (?:\\p{L}+ )?(?:гранти|грант|фінансування|кошти|підтримку)`,
  `(?:було |були )?відібран${L}`,
  `вручил${L}`,
  `вручен${L}`,
  `нагороджен${L}`,
  `(?:прийом|подання|подачу) (?:заявок )?(?:завершено|завершився|закінчився|закрито|припинено)`,
  `конкурс (?:завершено|завершився|закінчився)`,
  `заверши${L} (?:прийом|конкурс)`,
  'заявки більше не приймаються',
  '(?:тривав|тривала|тривали) до',
  'winners? (?:announced|have been|were)',
  '(?:have|has) been (?:shortlisted|selected|pre-?selected)',
  `announc${L} (?:the )?winners`,
  '(?:have been|were|was) awarded',
  'received (?:grants|funding)',
  '(?:call|applications?) (?:is|are|has been|have been|was) closed',
  'the call (?:has )?closed',
  '(?:the )?(?:call|competition|intake)(?: for (?:proposals|applications))? (?:has |have )?(?:closed|ended)',
  // A count of applications received: the intake is over («Ми отримали 312 заявок»).
  `(?:we )?(?:received|отримали|отримано|надійшло|надійшла|надійшли|поступило|поступила|поступили|получили) (?:\\p{L}+ )?\\p{N}+ (?:applications|proposals|заявок|заявки|заявка|проєктних|проектних|пропозицій)`,
  'evaluation is (?:ongoing|under ?way|in progress)',
  `трива${L} (?:оцінювання|розгляд|експертиза|відбір) (?:заявок|проє?е?ктів)`,
  'no longer accepting',
  'award ceremony',
  `объявлен${L} победител${L}`,
  `объявил${L} победител${L}`,
  `определен${L} победител${L}`,
  `подве(?:ли|дены) итог${L}`,
  `получил${L} гранты`,
  `стал${L} победител${L}`,
  `при[её]м заявок (?:завершен|закрыт)${L}`,
  'ogłoszono wyniki',
  // A stage closed: only those already selected go on.
  `(?:до|ко) (?:друг|втор|наступн|следующ|фінальн|финальн)${L} (?:етап|этап)${L} (?:\\p{L}+ )?(?:запрошен|приглашен|допущен|відібран|отобран|пройшл|прошл|вийшл|вышл)${L}`,
  `(?:лише|тільки|только|only) (?:від |от |from )?(?:запрошен|приглашенн|invited|shortlisted|відібран|отобранн)${L}`,
  `(?:прийом|подання|при[её]м|подач${L}) (?:проєктних |проектних )?заявок [^.!?\\n]{0,80}?(?:завершився|завершено|закінчився|закрито|завершился|завершен|закончился|закрыт)${L}`,
  `заверш(?:ено|ен|ився|ился|илась|ився|ила|ило|ил)${L} (?:\\p{L}+ )?(?:етап|этап|оцінюван|оценк|прийом|при[её]м|подання|подач|відбір|отбор)${L}`,
  // Intake suspended: nobody can apply now.
  `(?:призупин|приостанов)${L}`,
  '(?:paused|suspended|on hold)',
  'until further notice',
];

/** Result nouns: news only when they open the text («Результати конкурсу …» as a headline). */
const RESULT_NOUN = [
  `результат${L} (?:конкурсу|відбору|голосування|програми)`,
  `підсумк${L} (?:конкурсу|відбору|програми)`,
  `переможц${L} (?:конкурсу|програми|відбору)`,
  'results of the (?:call|competition|contest|selection)',
  '(?:call|competition|selection) results',
  'winners of the',
  `итог${L} конкурса`,
  `результат${L} конкурса`,
  'wyniki (?:konkursu|naboru)',
];

/** Reports of events and launches. */
const REPORT = [
  `відбул${L}`,
  'відбувся',
  `провел${L}`,
  `пройшл${L}`,
  'пройшов',
  `презентувал${L}`,
  `підписал${L} (?:меморандум|угод)${L}`,
  `стартував${L} проє?е?кт`,
  `розпочал${L} реалізацію`,
  `завершил${L} реалізацію`,
  `передал${L}`,
  `закупил${L}`,
  `відкрил${L} (?:центр|простір|хаб)${L}`,
  `урочист${L}`,
  `взял${L} участь`,
  'took place',
  'took part',
  '(?:have |has )?participated in',
  'completed (?:the|a|an|their|its)',
  'last (?:week|month)',
  `минулого (?:тижня|місяця)`,
  '(?:learned|learnt) (?:how|about)',
  'was held',
  'were held',
  '(?:has|have) (?:launched|completed)',
  'handed over',
  'signed a memorandum',
  `состоял${L}`,
  'прош(?:ел|ла|ли)',
  `презентовал${L}`,
  `реалізувал${L}`,
  `залучил${L}`,
  `аналітичн${L} огляд${L}`,
  `(?:has |have )?launched (?:an? |the )?(?:[\\p{L}\\p{N}€$.,-]+ ){0,4}?(?:programme|program|project|initiative)`,
  // Calls only promised: nothing to apply to yet.
  `(?:calls?|competitions?|конкурс${L}|програм${L}) (?:[\\p{L}-]+ ){0,4}?(?:will be (?:announced|launched|opened)|will open|буде оголошено|будуть оголошен${L}|будут объявлен${L})`,
  `(?:стартують|будуть оголошен${L}|буде оголошено|будут объявлен${L}) (?:\\p{L}+ ){0,2}?(?:нов${L} )?(?:конкурс|програм)${L}`,
];

/**
 * Not calls for proposals however much they invite: vacancies, procurement, consultancies. These
 * invite by nature, so an invitation in the lead does not outweigh them.
 */
const HARD_OTHER = [
  `вакансі${L}`,
  `vacanc${L}`,
  'на посаду',
  `(?:на )?(?:зайняття )?посад(?:и|у) (?:\\p{L}+ )?(?:директор|керівник|начальник|голов|заступник|спеціаліст|фахів)${L}`,
  'job (?:opening|offer)',
  "we(?: are|'re) hiring",
  'request for quotations?',
  // Procurement of goods and works, however it is titled: "RFP for the supply and installation of".
  'for the (?:supply|delivery|purchase|procurement|provision)(?: and (?:installation|delivery|commissioning))? of',
  '(?:bids|offers|tenders) (?:must|should|shall) be submitted',
  'e-?tendering',
  '(?:qualified|eligible|interested|potential|prospective) suppliers',
  '(?:submit|send) (?:\\p{L}+ ){0,2}?quotations',
  `(?:seeking|looking for|recruit${L}) (?:an? )?(?:\\p{L}+ ){0,2}?(?:consultants?|experts?|specialists?|coordinators?|trainers?)`,
  '(?:submit|send) (?:your |a |their )?cvs?',
  'daily fee',
  // Surveys ask for answers, not proposals.
  `опитуванн${L}`,
  `опрос${L}`,
  'surveys?',
  `ищ(?:ет|ут|ем) (?:\\p{L}+ ){0,2}?(?:консультант|эксперт|координатор|специалист)${L}`,
];

/** The text opens with an event, not an opportunity: «Вебінар: як підготувати заявку…». */
const EVENT_TITLE = compile(
  String.raw`^[^\p{L}]*(?:вебінар|вебинар|webinar|форум|forum|тренінг|тренинг|семінар|семинар|конференція|конференция|conference|workshop|воркшоп|онлайн-зустріч|info session|info day|information day|інформаційний день|информационный день)(?:s|и|ы)?(?![\p{L}])`,
  '',
);

/** Invitations to an event: not a call, unless the text also says applications are open (see openIntake). */
const EVENT_INVITE = [
  `(?:запрош|приглаша)${L} (?:[\\p{L}',-]+ ){0,8}?(?:на|к участию в) (?:\\p{L}+ )?(?:вебінар|вебинар|тренінг|тренинг|семінар|семинар|конференці|конференци|форум|воркшоп|лекці|лекци)${L}`,
  `(?:запрош${L}|реєстр${L}|зареєстр${L}) (?:\\p{L}+ ){0,2}?(?:на|до участі у|у|в) (?:\\p{L}+ )?(?:вебінар|тренінг|семінар|конференці|форум|зустріч|навчанн|воркшоп|лекці|онлайн-зустріч|інформаційн\\p{L}* (?:сесі|день|дні|зустріч))${L}`,
  '(?:register|join) (?:for )?(?:the|our|a|an) (?:\\p{L}+ )?(?:webinar|training|workshop|conference|info session)',
];

/** Not calls for proposals even when they invite: vacancies, tenders. */
const OTHER_KIND = [
  `вакансі${L}`,
  `vacanc${L}`,
  'на посаду',
  'job (?:opening|offer)',
  "we(?: are|'re) hiring",
  `шука${L} (?:\\p{L}+ ){0,2}?(?:координатор|консультант|експерт|менеджер|фахівц|тренер|бухгалтер)${L}`,
  `тендер${L}`,
  `tender${L}`,
  // «оголошує закупівлю робіт» is procurement; «грант на закупівлю обладнання» is a grant's purpose.
  `(?<!на )закупівл${L}`,
  `закупову${L}`,
  `закупа(?:ет|ют)`,
  `(?:відкрит|спрощен|открыт)${L} (?:торг|закупівл|закупк)${L}`,
  `тендерн${L}`,
  'prozorro',
  `очікуван${L} вартіст${L}`,
  'procurement notice',
  // A digest of many calls is not one call.
  `добірк${L}`,
  `дайджест${L}`,
  'digest',
  'roundup',
  'request for quotations?',
  `цінов${L} пропозиц${L}`,
];

/** Surveys ask for answers, not proposals, wherever the text says so. */
const SURVEY = [`опитуванн${L}`, `анкетуванн${L}`, `опрос${L}`, 'surveys?', 'questionnaires?'];

/**
 * Applications stated as open until a date: «заявки … приймаються до 20 березня», "applications are
 * accepted until". With that date still ahead, an event invitation around it is about an open call.
 */
const OPEN_INTAKE = compile(
  String.raw`(?:заявк\p{L}*|пропозиці\p{L}*|applications?|proposals?|concept notes?)(?: [^.!?\n]{0,140}?)? (?:приймаються|прийматимуться|принимаются|подаються|are (?:accepted|due|open)|will be accepted|must be submitted|close)(?: [^.!?\n]{0,30}?)? (?:до|по|until|by|on)(?![\p{L}])|(?:прийом|подання|при[её]м|подача) (?:заявок|проє?е?ктів|пропозицій) (?:триває |триватиме |продовжено |подовжено |продлится |продлен )?до(?![\p{L}])`,
  '',
);

const re = (parts: readonly string[]) => compile(`${B}${alt(parts)}(?![\\p{L}])`, 'g');
/** One pass for the signals read anywhere; a result told as done wins a tie over an invitation. */
const BODY_KINDS = ['done', 'report', 'positive', 'named'] as const;
const BODY_RE = compile(
  `${B}(?:(${alt(RESULT_DONE)})|(${alt(REPORT)})|(${alt(POSITIVE)})|(${alt(NAMED)}))(?![\\p{L}])`,
  'g',
);
/** Read in the lead only. */
const RESULT_NOUN_RE = re(RESULT_NOUN);
const OTHER_KIND_RE = re(OTHER_KIND);
const EVENT_INVITE_RE = re(EVENT_INVITE);
const SURVEY_RE = re(SURVEY);
/** A cheap test before the survey pass over the whole text. */
const SURVEY_HINT = /опит|опрос|анкетув|survey|questionnaire/;
const HARD_OTHER_RE = re(HARD_OTHER);
/** «Результати конкурсу буде оголошено…», "winners will be announced": a call's schedule, not news. */
const FUTURE_AFTER = compile(
  String.raw`^[^.!?\n]{0,40}?(?:буде|будуть|\p{L}+нять|\p{L}+сять|\p{L}+лять|will|shall|to be|планується|очікується|оголошуватим)`,
  '',
);
const ONLY_SELECTED = /^(?:лише|тільки|только|only)\s/;
const FUTURE_BEFORE = compile(String.raw`(?:буде|будуть|will be|to be|will)\s+(?:\p{L}+\s+)?$`, '');

export interface CallSignals {
  deadlineKind: DeadlineKind;
  /** The deadline in force (or the last stage), to tell a call repeated after it closed. */
  lastDate: string | null;
  hasAmount: boolean;
  hasApplicants: boolean;
}

export interface IsCallResult {
  isCall: boolean;
  evidence: string;
}

interface Found {
  pos: number;
  text: string;
  /** An event-led text (the headline names the event): blocks a call like a vacancy does. */
  hard?: boolean;
}

/** What the text says, by kind: invitations, names of opportunities, results, reports, other kinds. */
interface Said {
  invites: Found[];
  named: Found[];
  done: Found[];
  nouns: Found[];
  reports: Found[];
  other: Found[];
  /** Vacancies, procurement, consultancies. */
  hard: Found[];
  /** Invitations to an event, and texts that open with one. */
  events: Found[];
}

/** A result phrase followed or preceded by a future tense is a call's schedule, not news. */
function isFuture(doc: Doc, start: number, end: number): boolean {
  // «Only shortlisted … will be invited»: the future is for the selected few, the news stands.
  if (ONLY_SELECTED.test(doc.lower.slice(start, end))) return false;
  return (
    FUTURE_AFTER.test(doc.lower.slice(end, end + 60)) ||
    FUTURE_BEFORE.test(doc.lower.slice(Math.max(0, start - 20), start))
  );
}

function found(doc: Doc, m: RegExpExecArray): Found {
  return { pos: m.index, text: doc.text.slice(m.index, m.index + m[0].length) };
}

function read(doc: Doc): Said {
  const said: Said = {
    invites: [],
    named: [],
    done: [],
    nouns: [],
    reports: [],
    other: [],
    hard: [],
    events: [],
  };
  for (const m of matchesOf(BODY_RE, doc.lower)) {
    const kind = BODY_KINDS[groupIndex(m)];
    if (kind === 'done' && isFuture(doc, m.index, m.index + m[0].length)) continue;
    const list =
      kind === 'done'
        ? said.done
        : kind === 'report'
          ? said.reports
          : kind === 'positive'
            ? said.invites
            : said.named;
    list.push(found(doc, m));
  }
  const lead = doc.lower.slice(0, doc.leadEnd);
  for (const m of matchesOf(RESULT_NOUN_RE, lead)) {
    if (!isFuture(doc, m.index, m.index + m[0].length)) said.nouns.push(found(doc, m));
  }
  for (const m of matchesOf(OTHER_KIND_RE, lead)) said.other.push(found(doc, m));
  for (const m of matchesOf(EVENT_INVITE_RE, lead)) said.events.push(found(doc, m));
  for (const m of matchesOf(HARD_OTHER_RE, lead)) said.hard.push(found(doc, m));
  if (SURVEY_HINT.test(doc.lower))
    for (const m of matchesOf(SURVEY_RE, doc.lower))
      if (m.index >= doc.leadEnd) said.other.push(found(doc, m));
  const event = EVENT_TITLE.exec(lead);
  if (event) said.events.push({ ...found(doc, event), hard: true });
  return said;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/**
 * Scores for and against. For: invitations (3 each, up to four), names of opportunities (1), a
 * deadline (3), an amount and applicants (1 each), an invitation in the lead (2). Against: results
 * told as done, result headlines and other kinds (4 each), reports (2); doubled in the lead, where
 * news stories put their news.
 */
function score(doc: Doc, said: Said, s: CallSignals): { plus: number; minus: number } {
  const inLead = (f: Found) => f.pos < doc.leadEnd;
  const plus =
    Math.min(said.invites.length, 4) * 3 +
    Math.min(said.named.length, 2) +
    (s.deadlineKind !== 'unknown' ? 3 : 0) +
    (s.hasAmount ? 1 : 0) +
    (s.hasApplicants ? 1 : 0) +
    (said.invites.some(inLead) ? 2 : 0);
  const weigh = (list: Found[], w: number) => list.reduce((sum, f) => sum + (inLead(f) ? 2 * w : w), 0);
  const minus = weigh(said.done, 4) + weigh(said.nouns, 4) + weigh(said.reports, 2) + weigh(said.other, 4);
  return { plus, minus };
}

/**
 * The text says applications are accepted until a date that is still ahead: an event announced
 * beside it (a webinar for applicants) does not make it news.
 */
function openIntake(doc: Doc, s: CallSignals): boolean {
  if (s.deadlineKind !== 'fixed' || !s.lastDate) return false;
  if (doc.publishedAt && s.lastDate < doc.publishedAt) return false;
  return OPEN_INTAKE.test(doc.lower);
}

export function judgeIsCall(doc: Doc, s: CallSignals): IsCallResult {
  const said = read(doc);
  if (said.events.length && !openIntake(doc, s)) {
    for (const e of said.events) (e.hard ? said.hard : said.other).push(e);
  }
  const { plus, minus } = score(doc, said, s);
  const inLead = (f: Found) => f.pos < doc.leadEnd;
  const hasDeadline = s.deadlineKind !== 'unknown';
  // Without an invitation or a deadline read as such, nothing says one can apply.
  const invited = said.invites.length > 0 || hasDeadline;
  // A "call" published well after its last deadline is a report about it, or a stale repost.
  const closedBefore = !!s.lastDate && !!doc.publishedAt && daysBetween(s.lastDate, doc.publishedAt) > 7;
  // A text that opens with news, and not with an invitation, is news.
  const leadNews = [...said.done, ...said.nouns, ...said.other].some(inLead) && !said.invites.some(inLead);
  const isCall = invited && !closedBefore && !leadNews && said.hard.length === 0 && plus >= 3 && plus > minus;

  const against = [...said.done, ...said.nouns, ...said.reports, ...said.other, ...said.hard];
  const why = [
    said.invites.length || said.named.length
      ? `+ ${[...said.invites, ...said.named].map((f) => f.text).join(' | ')}`
      : '',
    hasDeadline ? `+ deadline (${s.deadlineKind})` : '',
    against.length ? `− ${against.map((f) => f.text).join(' | ')}` : '',
    closedBefore ? `− deadline ${s.lastDate} before publication` : '',
  ].filter(Boolean);
  return { isCall, evidence: `${isCall ? 'call' : 'not a call'} (${plus} vs ${minus}): ${why.join('; ')}` };
}
