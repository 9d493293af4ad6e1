// Is it a call (an open opportunity to apply) or news about one? Winners, results, closed stages,
// reports of meetings, launches, budget stories, vacancies and tenders are not calls.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/calls/extract/index.ts';

interface Case {
  name: string;
  text: string;
  title?: string;
  pub?: string;
}

const CALLS: Case[] = [
  {
    name: 'competition announced with a deadline',
    text: 'Благодійний фонд «Разом» оголошує конкурс міні-грантів для громад. Заявки приймаються до 15 квітня 2026 року.',
  },
  {
    name: 'invitation to submit projects',
    text: "Фонд Східна Європа запрошує благодійні організації та громадські об'єднання Сумської області подавати проєкти у сферах охорони здоров'я та освіти. Прийом заявок — до 30 червня 2026 року.",
  },
  {
    name: 'rolling small grants',
    text: 'Програма малих грантів посольства триває на постійній основі: заявки розглядаються щокварталу.',
  },
  {
    name: 'extension notice is still a call',
    text: 'Термін подання заявок на конкурс «Молодіжні простори» продовжено до 28 лютого.',
    pub: '2026-02-10',
  },
  {
    name: 'English call for proposals',
    text: 'Call for proposals: Cross-border cooperation for resilient municipalities. Eligible applicants: local authorities and NGOs. Deadline: 15 October 2026.',
  },
  {
    name: 'English invitation with rolling review',
    text: 'The Embassy invites Ukrainian NGOs to apply for small grants. Applications are accepted on a rolling basis.',
  },
  {
    name: 'Russian call',
    text: 'Фонд объявляет конкурс проектов для общин. Прием заявок до 20 мая 2026 года.',
  },
  {
    name: 'mentorship programme with an application',
    text: 'Відкрито набір учасників менторської програми для посадовців громад. Подати заявку можна до 10 березня 2026 року.',
  },
  {
    name: 'emoji-labelled repost',
    title: '🔥 Грант: до 500 тис. грн для громад',
    text: '💰 Розмір гранту: до 500 тис. грн\n👥 Хто може подати: ОМС, КП\n⏰ Дедлайн: 12.05.2026',
  },
  {
    name: 'call that mentions when results will be announced',
    text: 'Фонд оголошує конкурс проєктів. Заявки приймаються до 1 квітня 2026 року. Результати конкурсу буде оголошено до 30 квітня.',
  },
  {
    name: 'call whose schedule names winners to come',
    text: 'Оголошуємо конкурс мікрогрантів для молоді! Переможців оголосять 20 травня. Дедлайн — 1 травня 2026.',
  },
  {
    name: 'call that mentions last year’s round',
    text: 'Минулого року відбувся перший раунд програми. Цього року фонд знову оголошує конкурс грантів для громад: подати заявку можна до 15 вересня 2026 року.',
  },
  {
    name: 'embassy small grants in English',
    text: 'The U.S. Embassy Kyiv Public Diplomacy Section announces an open competition for organizations to submit applications for its Small Grants Program. Closing date for applications: May 30, 2026.',
    pub: '2026-04-15',
  },
  {
    name: 'Polish call',
    text: 'Fundacja ogłasza nabór wniosków dla organizacji z Ukrainy. Termin składania wniosków: 30 czerwca 2026.',
  },
  {
    name: 'partnership call in English',
    text: 'We are looking for partner municipalities in Ukraine. How to apply: send the application form by 1 June 2026.',
  },
  // Rules added after the held-out set.
  {
    name: '«оголошує збір заявок», deadline to be announced',
    text: 'ГО «Агенція місцевого розвитку» оголошує збір заявок від громад Рівненщини. Вартість робіт на одну громаду — до 3 млн грн. Строки подання буде повідомлено згодом.',
  },
  {
    name: 'inverted «Подаватися можуть», rolling',
    text: 'Державна програма «Власна справа»: гранти до 250 тис. грн. Подаватися можуть громадяни та ФОП. Заявки приймаються постійно.',
  },
  {
    name: 'Russian offer «могут получить до», dates to come',
    text: 'Общины Житомирской области могут получить до 2,5 млн грн на восстановление водоснабжения. Сроки подачи заявок будут объявлены дополнительно.',
  },
  {
    name: '"accepts applications" with no deadline',
    text: 'The Embassy of Japan accepts applications for grassroots projects from local governments and hospitals. The maximum grant is 10 million yen.',
  },
  {
    name: 'a webinar invitation about a call still open',
    title: 'Вебінар про конкурс «Інклюзивні простори»',
    text: 'Запрошуємо на вебінар 26 лютого о 15:00. Нагадуємо: заявки від закладів освіти та громадських організацій приймаються до 20 березня 2026 року.',
    pub: '2026-02-20',
  },
  {
    name: 'a grant for purchases is not procurement',
    text: 'Міжнародний медичний корпус оголошує конкурс для КНП на закупівлю медичного обладнання. Заявки — до 18.00 30.06.2026.',
    pub: '2026-06-01',
  },
  {
    name: 'a partnership call by expression of interest',
    text: 'Danish municipalities are looking for Ukrainian partner hromadas in Mykolaiv oblast. Interested councils should send an expression of interest by 6 November 2026.',
    pub: '2026-10-14',
  },
];

const NEWS: Case[] = [
  {
    name: 'survey with a deadline',
    title: 'Опитування ОМС щодо енергетичних потреб',
    text: 'Міністерство просить громади заповнити анкету до 20 травня 2026 року, щоб спланувати підтримку.',
  },
  {
    name: 'programme launch with calls only promised',
    text: 'Sweden and Ukraine launched a SEK 200 million programme for municipal heating. Calls for proposals for hromadas will be announced in autumn.',
  },
  {
    name: 'webinar-only announcement opening with the event',
    title: 'Вебінар: як написати сильну заявку до фонду «Партнерство»',
    text: 'Запрошуємо представників ГО, громад та бізнесу на вебінар про підготовку заявок. Дата: 3 квітня 2026 року, 14:00. Реєстрація — до 2 квітня.',
  },
  {
    name: 'first stage closed, only shortlisted applicants continue',
    text: 'Секретаріат програми завершив оцінювання концепцій. До другого етапу запрошено 27 громад. Повні заявки подають лише запрошені учасники — до 10 липня 2026 року.',
  },
  {
    name: 'intake suspended',
    text: 'Фонд повідомляє, що прийом заявок на гранти «Старт» тимчасово призупинено через вичерпання коштів.',
  },
  {
    name: 'intake ended, words between',
    text: 'Нагадуємо, що прийом заявок на конкурс «Сильні жінки громад» від фонду «Ініціатива» завершився 15 січня 2026 року.',
  },
  {
    name: 'job contest for a director',
    text: 'Бучанська міська рада оголошує конкурс на зайняття посади директора КНП «Міська лікарня». Документи приймаються до 20 травня 2026 року.',
  },
  {
    name: 'procurement of supplies',
    text: 'IOM Ukraine invites qualified suppliers to submit quotations for 25 water pumps for Kharkiv Oblast. Deadline for quotations: 4 May 2026.',
  },
  {
    name: 'consultant recruitment',
    text: 'The project is seeking a national expert to review municipal budgets. Submit your CV by 12 June 2026.',
  },
  {
    name: 'review article mentioning future calls',
    text: 'Огляд: громади Волині залучили 30 млн грн грантів у 2025 році. У квітні стартують нові конкурси від донорів.',
  },
  {
    name: 'results of a project presented',
    text: 'В Ужгороді відбулася презентація результатів проєкту «Чисті річки Закарпаття», який реалізується за підтримки ЄС.',
  },
  {
    name: 'winners announced',
    text: 'Оголошено переможців конкурсу «Чиста вода громадам»: 12 громад отримають по 500 тис. грн. Реалізація проєктів триватиме до 30 листопада 2026 року.',
    pub: '2026-05-14',
  },
  { name: 'results summed up', text: 'Підбито підсумки конкурсу мікрогрантів: фонд підтримав 15 ініціатив.' },
  {
    name: 'results as a headline',
    title: 'Результати конкурсу «Громада майбутнього»',
    text: 'Експертна рада розглянула 120 заявок і рекомендувала до фінансування 20 проєктів.',
  },
  {
    name: 'stage closed',
    text: 'Прийом заявок на конкурс завершено. Дякуємо всім, хто подав заявки! Результати оцінювання — у травні.',
  },
  {
    name: 'training report',
    text: 'У Львові відбувся тренінг для представників громад з написання грантових заявок. Учасники навчилися готувати проєктні пропозиції.',
  },
  {
    name: 'presentation report',
    text: 'Відбулася презентація нової грантової програми для громад. Деталі конкурсу будуть оприлюднені пізніше.',
  },
  {
    name: 'project launch',
    text: 'У громаді стартував проєкт з енергоефективності, який реалізується за підтримки ЄС.',
  },
  {
    name: 'budget story',
    text: 'Громада отримала 5 млн грн з державного бюджету на ремонт школи.',
  },
  {
    name: 'English winners',
    text: 'The winners of the small grants competition have been announced. 20 NGOs received grants.',
  },
  {
    name: 'English event report',
    text: 'A workshop for municipalities on grant writing took place in Kyiv on 12 March.',
  },
  { name: 'Russian results', text: 'Подведены итоги конкурса проектов: победителями стали 10 общин.' },
  {
    name: 'vacancy',
    title: 'Вакансія: координатор грантової програми',
    text: 'Фонд шукає координатора грантової програми. Подати резюме можна до 10 квітня 2026 року.',
  },
  {
    name: 'tender',
    title: 'Тендер на закупівлю генераторів',
    text: 'Фонд оголошує тендер на закупівлю генераторів для громад. Цінові пропозиції приймаються до 20 березня 2026 року.',
  },
  {
    name: 'webinar invitation',
    text: 'Запрошуємо на вебінар «Як написати грантову заявку». Реєстрація до 5 березня 2026 року.',
  },
  {
    name: 'repost of a call long after its deadline',
    text: 'Фонд оголошує конкурс проєктів для громад. Заявки приймаються до 15 січня 2026 року.',
    pub: '2026-03-20',
  },
  {
    name: 'past tense deadline',
    text: 'Прийом заявок на конкурс тривав до 1 березня. Наразі експерти оцінюють проєкти.',
    pub: '2026-03-10',
  },
  {
    name: 'grant mentioned with no invitation',
    text: 'Грант на суму 200 тис. грн допоміг громаді відремонтувати бібліотеку.',
  },
  // Rules added after the held-out set.
  {
    name: 'the call closed and applications counted',
    text: 'The call for proposals closed on 15 March 2026. We received 418 applications. Evaluation is ongoing and all applicants will be notified by 31 May 2026.',
    pub: '2026-04-02',
  },
  {
    name: 'applications counted in Ukrainian',
    text: 'Ми отримали 312 заявок з 22 областей. Результати оголосимо до 30 квітня.',
    pub: '2026-03-28',
  },
  {
    name: 'procurement titled as a request for proposals',
    text: 'Request for Proposals (RFP) for the supply and installation of 15 water purification units. Offers must be submitted by 10 April 2026.',
    pub: '2026-03-20',
  },
  {
    name: 'training report with "apply for" in it',
    text: 'Over 60 hromada officials completed the Municipal Finance Academy in Lviv last week. Participants learned how to prepare grant budgets and apply for EU funding.',
  },
  {
    name: 'survey named after the lead',
    text: 'Міністерство просить громади заповнити анкету щодо потреб у відновленні до 25 квітня. Результати опитування використають для планування програм.',
    pub: '2026-04-08',
  },
  {
    name: 'webinar for winners of a closed call',
    text: 'Запрошуємо переможців конкурсу на вебінар щодо звітності 14 травня. Нагадуємо, що прийом заявок завершився 20 березня.',
    pub: '2026-05-05',
  },
  {
    name: 'a digest of calls',
    text: 'Добірка грантових можливостей тижня: 7 конкурсів для громад, ГО та бізнесу. Дедлайни — з 15 травня до 30 червня.',
    pub: '2026-05-11',
  },
  {
    name: 'an info-day invitation',
    title: 'Інформаційний день програми Interreg у Чернівцях',
    text: 'Запрошуємо на інформаційний день програми, який відбудеться 14 жовтня в Чернівцях. Реєстрація учасників — до 10 жовтня.',
    pub: '2026-09-30',
  },
  {
    name: 'a shortlist, with the future only for the shortlisted',
    text: 'Twelve municipalities have been shortlisted. Only shortlisted municipalities will be invited to submit full applications by 15 September 2026.',
    pub: '2026-07-30',
  },
  {
    name: 'open tenders «на закупівлю»',
    text: 'Вінницька ОВА оголошує відкриті торги на закупівлю 40 генераторів. Тендерні пропозиції приймаються в системі Prozorro до 15 квітня 2026 року.',
    pub: '2026-03-19',
  },
];

describe('is a call', () => {
  it.each(CALLS)('$name', (c) => {
    const r = extract({ text: c.text, title: c.title ?? null, publishedAt: c.pub ?? null });
    expect(r.isCall, r.evidence.isCall).toBe(true);
  });
});

describe('is news, not a call', () => {
  it.each(NEWS)('$name', (c) => {
    const r = extract({ text: c.text, title: c.title ?? null, publishedAt: c.pub ?? null });
    expect(r.isCall, r.evidence.isCall).toBe(false);
  });
});
