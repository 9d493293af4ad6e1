// Deadlines as a careful editor reads them: the application deadline only (not webinars, results or
// implementation), extensions over originals, stages and cut-offs, rolling calls, the year from
// the publication date, times and non-Kyiv zones, typos a person can read.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/calls/extract/index.ts';

interface Case {
  name: string;
  text: string;
  pub?: string;
  title?: string;
  deadline: string | null;
  kind?: 'fixed' | 'rolling' | 'unknown';
  time?: string | null;
  tz?: string | null;
  stages?: { label?: string; date: string }[];
}

const CASES: Case[] = [
  {
    name: 'Polish «Zgłoszenia … przyjmujemy do 13 lutego»',
    text: 'Zgłoszenia (formularz w języku ukraińskim lub polskim) przyjmujemy do 13 lutego 2026 r.',
    pub: '2026-01-12',
    deadline: '2026-02-13',
  },
  {
    name: 'Polish «Termin zgłoszeń: 13.02.2026»',
    text: 'Koszty wizyty pokrywa program. Termin zgłoszeń hromad: 13.02.2026.',
    pub: '2026-01-28',
    deadline: '2026-02-13',
  },
  {
    name: 'another call running «паралельно» keeps its own date',
    text: 'Проєкти до шкільного бюджету приймають з 1 до 19 червня. Нагадаємо, паралельно стартує прийом проєктів до «дорослого» Громадського бюджету — він триватиме до 30 червня.',
    pub: '2026-05-27',
    deadline: '2026-06-19',
  },
  {
    name: '«Документи — до 27 лютого»',
    text: 'Стартував щорічний обласний конкурс мікропроєктів. Документи — до 27 лютого.',
    pub: '2026-01-20',
    deadline: '2026-02-27',
  },
  {
    name: 'a Polish extension: «zamiast 30 września … do 21 października»',
    text: 'Instytucja Zarządzająca przedłużyła termin składania wniosków – zamiast 30 września wnioski można składać do 21 października 2026 r. do godz. 15:00.',
    pub: '2026-09-20',
    deadline: '2026-10-21',
  },
  {
    name: 'the end of an application window written with "between … and"',
    text: 'Applications in English or Ukrainian must reach the Embassy by e-mail between 11 January and 26 February 2027.',
    pub: '2026-12-20',
    deadline: '2027-02-26',
  },
  {
    name: 'a webinar date, then «, а» the deadline',
    text: 'Вебинар для заявителей пройдёт 15 июля, а подать заявку нужно до 7 августа.',
    pub: '2026-07-09',
    deadline: '2026-08-07',
  },
  {
    name: 'a post line with only «До» and the date',
    text: 'ЮНИСЕФ отбирает общины: до 1 000 000 грн. Подают ОМС. ⏰ До 28.04.2027.',
    deadline: '2027-04-28',
  },
  {
    name: 'documents accepted until, year from publication',
    text: 'Рівненська ОВА оголосила відбір проєктів. Документи приймають до 26 березня.',
    pub: '2027-02-11',
    deadline: '2027-03-26',
  },
  {
    name: 'a «до» line naming what happens by then is not the deadline',
    text: 'Результати оголосять 10 травня 2027 року. До 30.05.2027 — підписання договорів з переможцями.',
    deadline: null,
  },
  // Plain forms.
  {
    name: 'genitive month with year',
    text: 'Заявки приймаються до 15 квітня 2026 року.',
    deadline: '2026-04-15',
  },
  {
    name: 'label with numeric date and time',
    text: 'Дедлайн: 30.04.2026, 16:00',
    deadline: '2026-04-30',
    time: '16:00',
  },
  {
    name: 'time before the date, year from publication',
    text: 'Прийом заявок триває до 23:59 10 березня.',
    pub: '2026-02-20',
    deadline: '2026-03-10',
    time: '23:59',
  },
  {
    name: 'nominative month form',
    text: 'Кінцевий термін подання заявок: 15 квітень 2026 р.',
    deadline: '2026-04-15',
  },
  {
    name: 'English with CET',
    text: 'Applications must be submitted by 15 March 2026, 17:00 CET.',
    deadline: '2026-03-15',
    time: '17:00',
    tz: 'Europe/Brussels',
  },
  {
    name: 'English month-first',
    text: 'The deadline for applications is March 15, 2026.',
    deadline: '2026-03-15',
  },
  {
    name: 'Brussels time in words',
    text: 'Deadline: 2 June 2026 at 12:00 (Brussels time).',
    deadline: '2026-06-02',
    time: '12:00',
    tz: 'Europe/Brussels',
  },
  {
    name: 'Kyiv time stated: no zone recorded',
    text: 'Кінцевий термін подання — 16 листопада 2026 · 23:59 за Києвом.',
    deadline: '2026-11-16',
    time: '23:59',
    tz: null,
  },
  {
    name: 'Russian genitive month',
    text: 'Прием заявок продлится до 15 марта 2026 года.',
    deadline: '2026-03-15',
  },
  {
    name: 'Russian label',
    text: 'Срок подачи заявок — до 20 мая 2026 г. включительно.',
    deadline: '2026-05-20',
  },
  { name: 'ISO date', text: 'Deadline: 2026-09-30', deadline: '2026-09-30' },
  { name: 'slash date', text: 'Дедлайн 05/06/2026', deadline: '2026-06-05' },
  { name: 'two-digit year', text: 'Заявки приймаються до 31.05.26.', deadline: '2026-05-31' },
  {
    name: 'emoji label and non-breaking spaces',
    text: '💰 Розмір гранту: до 50\u00a0000 грн\n⏰ Дедлайн:\u00a012\u00a0травня\u00a02026',
    deadline: '2026-05-12',
  },
  {
    name: 'label on its own line',
    text: 'Конкурс мікрогрантів для громад.\n⏰ Дедлайн:\n20 вересня 2026 року',
    deadline: '2026-09-20',
  },
  {
    name: 'label line without a colon',
    text: 'Конкурс для громад\n⏰ Дедлайн\n15.05.2026',
    deadline: '2026-05-15',
  },
  {
    name: 'a year far ahead is an unreadable typo',
    text: 'Дедлайн: 15 квітня 2206 року.',
    pub: '2026-03-01',
    deadline: null,
  },
  {
    name: 'closing date phrase',
    text: 'Дата закінчення прийому заявок: 20.05.2026',
    deadline: '2026-05-20',
  },
  {
    name: 'stylized digits from a repost',
    text: 'Дедлайн: 𝟭𝟱 квітня 𝟮𝟬𝟮𝟲',
    deadline: '2026-04-15',
  },
  {
    name: 'year typo 20226',
    text: 'Заявки приймаються до 20 травня 20226 року.',
    pub: '2026-04-01',
    deadline: '2026-05-20',
  },
  {
    name: 'Latin letters inside Cyrillic month',
    text: 'Заявки приймаються до 3 сiчня 2027 року.',
    deadline: '2027-01-03',
  },
  {
    name: '24.00 CET is the last minute of the day',
    text: 'Proposals are due 10 October 2026, 24.00 CET.',
    deadline: '2026-10-10',
    time: '23:59',
    tz: 'Europe/Brussels',
  },
  {
    name: 'range with one month: the end is the deadline',
    text: 'Прийом заявок — з 12 до 22 січня 2027 року включно.',
    deadline: '2027-01-22',
  },
  {
    name: 'opening and closing dates: closing is the deadline',
    text: 'Прийом заявок розпочнеться 1 березня і триватиме до 15 квітня 2026 року.',
    deadline: '2026-04-15',
  },
  {
    name: 'numeric period start – end',
    text: 'Термін прийому заявок: 01.03.2026 – 31.03.2026',
    deadline: '2026-03-31',
  },
  {
    name: 'deadline after the date',
    text: '15 травня 2026 року — останній день подання заявок.',
    deadline: '2026-05-15',
  },

  // Year inference.
  {
    name: 'year from publication',
    text: 'Подати заявку можна до 3 квітня.',
    pub: '2026-03-02',
    deadline: '2026-04-03',
  },
  {
    name: 'December publication, January deadline → next year',
    text: 'Заявки приймаються до 15 січня.',
    pub: '2026-12-10',
    deadline: '2027-01-15',
  },
  {
    name: 'no year and no publication: the year of another date in the text',
    text: 'Прийом заявок з 1 березня 2026 р. Заявки приймаються до 10 квітня.',
    deadline: '2026-04-10',
  },
  {
    name: 'no year anywhere and no publication: never invented',
    text: 'Заявки приймаються до 10 квітня.',
    deadline: null,
    kind: 'unknown',
  },

  // Dates that are not the deadline.
  {
    name: 'webinar is not the deadline',
    text: 'Онлайн-вебінар для заявників відбудеться 12 березня о 15:00. Заявки приймаються до 16:00 3 квітня.',
    pub: '2026-03-02',
    deadline: '2026-04-03',
    time: '16:00',
  },
  {
    name: 'info session before the deadline in the same sentence',
    text: 'Інформаційна сесія — 17 червня, а дедлайн — 30 червня 2026 року.',
    pub: '2026-06-01',
    deadline: '2026-06-30',
  },
  {
    name: 'results date is not the deadline',
    text: 'Заявки приймаються до 15 квітня 2026 р., а результати оголосять 30 травня 2026 р.',
    deadline: '2026-04-15',
  },
  {
    name: 'implementation period is not the deadline',
    text: 'Проєкти мають бути реалізовані до 30 листопада 2026 року. Дедлайн подання — 1 травня 2026 року.',
    deadline: '2026-05-01',
  },
  {
    name: 'only an implementation date: no deadline',
    text: 'Реалізація проєктів триватиме до 30 листопада 2026 року.',
    deadline: null,
    kind: 'unknown',
  },
  {
    name: 'English info session and results',
    text: 'An online info session will take place on 5 May 2026. Applications are accepted until 31 May 2026. Applicants will be notified by 30 June 2026.',
    deadline: '2026-05-31',
  },
  {
    name: 'event registration date only',
    text: 'Реєстрація на вебінар триває до 10 лютого 2026 року.',
    deadline: null,
  },

  // Extensions.
  {
    name: 'extension wins over the original',
    text: 'Термін подання заявок на конкурс продовжено до 28 лютого (раніше — до 14 лютого).',
    pub: '2026-02-10',
    deadline: '2026-02-28',
  },
  {
    name: 'English extension',
    text: 'The deadline for applications was originally 1 April 2026. Due to high interest, it has been extended to 15 April 2026.',
    deadline: '2026-04-15',
  },
  {
    name: 'Russian extension',
    text: 'Срок подачи заявок продлен до 30 апреля 2026 года.',
    deadline: '2026-04-30',
  },
  {
    name: 'extension mentioned in title and body',
    title: 'Продовжено прийом заявок до 20 березня',
    text: 'Прийом заявок на конкурс продовжено до 20 березня 2026 року. Раніше дедлайн був 6 березня 2026 року.',
    pub: '2026-03-05',
    deadline: '2026-03-20',
  },

  // Stages and cut-offs.
  {
    name: 'two-stage call',
    text: 'Stage 1 concept notes are due 15 October 2026, 16:00 CET; full applications of pre-selected projects by 20 January 2027.',
    pub: '2026-09-01',
    deadline: '2026-10-15',
    time: '16:00',
    tz: 'Europe/Brussels',
    stages: [
      { label: 'concept note', date: '2026-10-15' },
      { label: 'full application', date: '2027-01-20' },
    ],
  },
  {
    name: 'two stages in Ukrainian',
    text: 'Перший етап: подання концепцій до 10 березня 2026 року. Другий етап: подання повних заявок до 30 квітня 2026 року.',
    pub: '2026-02-01',
    deadline: '2026-03-10',
    stages: [
      { label: 'concept note', date: '2026-03-10' },
      { label: 'full application', date: '2026-04-30' },
    ],
  },
  {
    name: 'stage already past at publication: the next one is the deadline',
    text: 'Перший етап: подання концепцій до 10 березня 2026 року. Другий етап: подання повних заявок до 30 квітня 2026 року.',
    pub: '2026-03-20',
    deadline: '2026-04-30',
  },
  {
    name: 'several cut-offs',
    text: 'Deadlines: 15 March 2026, 15 June 2026 and 15 September 2026.',
    pub: '2026-04-01',
    deadline: '2026-06-15',
    stages: [{ date: '2026-03-15' }, { date: '2026-06-15' }, { date: '2026-09-15' }],
  },

  // Rolling and none.
  {
    name: 'on a permanent basis',
    text: 'Програма малих грантів триває на постійній основі.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'permanently operating',
    text: 'Постійно діючий конкурс мікрогрантів для громад.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'until funds run out',
    text: 'Заявки приймаються до вичерпання коштів програми.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'English rolling',
    text: 'Applications are reviewed on a rolling basis.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'English on-going',
    text: 'The call is open on an on-going basis.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'Russian rolling',
    text: 'Заявки принимаются на постоянной основе.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'rolling review with a final date is fixed',
    text: 'Applications are reviewed on a rolling basis until 30 April 2026.',
    deadline: '2026-04-30',
    kind: 'fixed',
  },
  {
    name: 'no deadline stated',
    text: 'Фонд оголошує конкурс проєктів для громад.',
    deadline: null,
    kind: 'unknown',
  },
  {
    name: 'vague end of month is not a date',
    text: 'Заявки приймаються до кінця січня.',
    pub: '2026-01-05',
    deadline: null,
    kind: 'unknown',
  },
  {
    name: 'a date with no deadline words is not a deadline',
    text: 'Фонд заснований 15 квітня 2010 року і підтримує громади.',
    deadline: null,
  },
  {
    name: 'impossible date is never a deadline',
    text: 'Дедлайн: 31.02.2026',
    deadline: null,
  },
  {
    name: 'question deadline is not the application deadline',
    text: 'Заявки приймаються до 14 вересня 2026 року. Дедлайн для запитань — 7 вересня 2026 року.',
    deadline: '2026-09-14',
  },
  {
    name: 'English question deadline before the submission one',
    text: 'Deadline for clarification questions: 2 June 2026. Deadline for submission: 16 June 2026.',
    deadline: '2026-06-16',
  },
  {
    name: 'correction names the wrong date with «а не»',
    text: 'Правильний дедлайн — 21 жовтня 2026 року (а не 11 жовтня).',
    deadline: '2026-10-21',
  },
  {
    name: 'questionnaire date of a mentorship intake',
    text: 'Оголошено набір до програми наставництва для громад. Анкета — до 18 серпня 2026 р.',
    deadline: '2026-08-18',
  },
  {
    name: 'emoji label «До:»',
    text: '📢 Конкурс для ОСББ!\n⏰ До: 12 червня\n💰 до 40 000 грн',
    pub: '2026-05-01',
    deadline: '2026-06-12',
  },
  {
    name: 'Russian two-stage call with concept papers',
    text: 'Первый этап — концептуальные записки до 2 апреля 2026 года; второй этап — полные заявки до 30 июня 2026 года.',
    pub: '2026-03-01',
    deadline: '2026-04-02',
  },
  // Rules added after the held-out set (fixtures/eval/extraction-holdout.jsonl).
  {
    name: 'the intake closing is the deadline («завершується прийом заявок»)',
    text: 'Завтра, 31 березня, завершується прийом заявок на програму «Жінки в агро».',
    pub: '2026-03-30',
    deadline: '2026-03-31',
  },
  {
    name: 'cut-offs under «граничні дати подання»: the next one ahead',
    text: 'Заявки розглядаються партіями, граничні дати подання: 30 квітня, 30 червня та 31 серпня 2026 року.',
    pub: '2026-06-16',
    deadline: '2026-06-30',
  },
  {
    name: 'year-less day.month right after a deadline label',
    text: 'Гранти для спортивних клубів ветеранів — до 40 тис. грн. Дедлайн 2.06',
    pub: '2026-05-15',
    deadline: '2026-06-02',
  },
  {
    name: 'clock in hours and minutes before the date («12 год. 00 хв.»)',
    text: 'Документи приймаються до 12 год. 00 хв. 5 червня 2026 року.',
    deadline: '2026-06-05',
  },
  {
    name: 'English clock with a zone before the date',
    text: 'Concept notes must be submitted by 5 p.m. Kyiv time on 12 May 2026.',
    deadline: '2026-05-12',
  },
  {
    name: 'midnight before the date',
    text: 'Applications must reach us by midnight on 15 September 2026 (CET).',
    deadline: '2026-09-15',
  },
  {
    name: '«прийом безперервний» is rolling',
    text: 'Фонд приймає заявки на ситуативні гранти цілорічно: прийом безперервний.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: '«приймаються постійно, кінцевої дати немає» is rolling',
    text: 'Заявки через портал Дія приймаються постійно, кінцевої дати подання немає.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'until further notice, first come first served, is rolling',
    text: 'Заявки приймаються до окремого повідомлення, розглядаються в порядку надходження.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'Russian all-year intake is rolling',
    text: 'Заявки принимаются в течение всего года и рассматриваются ежемесячно.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: '"accepted until funding is exhausted" is rolling, not a deadline cue',
    text: 'Applications will be accepted until funding is exhausted.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'a rolling phrase across a semicolon from the call word',
    text: 'There is no fixed deadline; proposals are reviewed three times a year.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: 'a date promised later is unknown, whatever the headline says',
    title: 'Гранти для шкіл — без дедлайну',
    text: 'Фонд запрошує школи подавати заявки. Кінцевий термін подання заявок буде оголошено додатково.',
    deadline: null,
    kind: 'unknown',
  },
  {
    name: 'a weekday before a year-less numeric date',
    text: 'Грант — 120 000 грн. Кінцева дата — п’ятниця, 27.03.',
    pub: '2026-03-02',
    deadline: '2026-03-27',
  },
  {
    name: 'the intake noun first, its closing verb after',
    text: 'Подання заявок завершується 10 квітня о 17:00.',
    pub: '2026-03-10',
    deadline: '2026-04-10',
  },
  {
    name: '«Дата закриття конкурсу» is a deadline label',
    text: 'Фінансування у межах 200–500 тис. грн. Дата закриття конкурсу: 19 червня.',
    pub: '2026-05-28',
    deadline: '2026-06-19',
  },
  {
    name: 'a programme «діє до» a date: the last day to apply',
    text: 'Місто покриває до 70% вартості сонячних станцій для ОСББ. Програма діє до 1 грудня 2026 року.',
    deadline: '2026-12-01',
  },
  {
    name: 'an expression of interest by a date',
    text: 'Interested city, town and village councils should send an expression of interest by 6 November 2026.',
    deadline: '2026-11-06',
  },
  {
    name: 'intake «безперервно» with words between is rolling',
    text: 'Програма приймає заявки від фермерських господарств Миколаївщини та Херсонщини безперервно протягом 2026 року.',
    deadline: null,
    kind: 'rolling',
  },
  {
    name: '«відкрите вікно», reviewed «доки є фінансування», is rolling',
    text: 'Програма приймає заявки від громад за принципом «відкритого вікна»: заявки розглядаються щомісяця, доки є фінансування.',
    deadline: null,
    kind: 'rolling',
  },
];

describe('deadline', () => {
  it.each(CASES)('$name', (c) => {
    const r = extract({ text: c.text, title: c.title ?? null, publishedAt: c.pub ?? null });
    expect(r.deadline).toBe(c.deadline);
    expect(r.deadlineKind).toBe(c.kind ?? (c.deadline ? 'fixed' : r.deadlineKind));
    if (c.time !== undefined) expect(r.deadlineTime).toBe(c.time);
    if (c.tz !== undefined) expect(r.deadlineTz).toBe(c.tz);
    if (c.stages) {
      expect(r.stages.map((s) => s.date)).toEqual(c.stages.map((s) => s.date));
      c.stages.forEach((s, i) => {
        if (s.label) expect(r.stages[i]!.label).toBe(s.label);
      });
    }
  });

  it.each([
    ['Nabór potrwa do końca czerwca.', '2026-04-22', '2026-06'],
    ['Заявки приймають до кінця вересня.', '2026-06-04', '2026-09'],
    ['Заявки приймаються до кінця січня.', '2026-11-20', '2027-01'],
    ['Не пропустіть — дедлайн наприкінці травня!', '2026-04-08', '2026-05'],
  ])('«%s» is no deadline, but names the month it ends in', (text, pub, month) => {
    const r = extract({ text, publishedAt: pub });
    expect(r.deadline).toBeNull();
    expect(r.deadlineMonth).toBe(month);
  });

  it('a call series’ «другий раунд» is a round, not the second stage of one application', () => {
    const r = extract({
      text: 'Стартував другий раунд конкурсу. Нагадуємо, що в першому раунді перемогли дві громади. Заявки на другий раунд приймаються до 11 вересня 2026 року.',
      publishedAt: '2026-07-23',
    });
    expect(r.deadline).toBe('2026-09-11');
    expect(r.deadlineStage).toBe('round 2');
    const staged = extract({
      text: 'Другий етап: повні заявки приймаються до 11 вересня 2026 року.',
      publishedAt: '2026-07-23',
    });
    expect(staged.deadlineStage).toBe('full application');
  });

  it('keeps the time of each stage', () => {
    const r = extract({
      text: 'Stage 1 concept notes are due 15 October 2026, 16:00 CET; full applications of pre-selected projects by 20 January 2027.',
    });
    expect(r.stages[0]).toEqual({ label: 'concept note', date: '2026-10-15', time: '16:00' });
    expect(r.stages[1]).toEqual({ label: 'full application', date: '2027-01-20', time: null });
  });

  it('cites the words it read the deadline from', () => {
    const r = extract({ text: 'Дедлайн: 30.04.2026, 16:00' });
    expect(r.evidence.deadline).toBe('30.04.2026, 16:00');
  });
});
