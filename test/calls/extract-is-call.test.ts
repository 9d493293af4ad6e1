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
