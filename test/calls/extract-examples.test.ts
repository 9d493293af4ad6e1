// The six labeled examples of the project's conventions (copied from the shared examples, which
// the project never reads at run or test time), each checked field by field with the reason kept.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/calls/extract/index.ts';

interface Expected {
  is_call: boolean;
  deadline?: string | null;
  deadline_kind?: 'fixed' | 'rolling' | 'unknown';
  stages?: { label: string; date: string }[];
  amount_min?: number | null;
  amount_max?: number | null;
  currency?: string | null;
  applicants?: string[];
  regions?: string[];
  topics?: string[];
  lang?: string;
}

interface Example {
  id: string;
  published_at: string;
  text: string;
  expected: Expected;
  why: string;
}

const EXAMPLES: Example[] = [
  {
    id: 'ex-1',
    published_at: '2026-03-02',
    text: 'Благодійний фонд «Громадська ініціатива Поділля» оголошує конкурс міні-грантів «Світло в кожну громаду». Загальний бюджет конкурсу — 6 млн грн. Розмір гранту для одного проєкту — від 150 до 400 тисяч гривень, співфінансування заявника не менше 15%. До участі запрошуються органи місцевого самоврядування та комунальні підприємства Хмельницької, Вінницької та Тернопільської областей. Онлайн-вебінар для заявників відбудеться 12 березня о 15:00. Заявки приймаються до 16:00 3 квітня через грантову платформу фонду.',
    expected: {
      is_call: true,
      deadline: '2026-04-03',
      deadline_kind: 'fixed',
      amount_min: 150000,
      amount_max: 400000,
      currency: 'UAH',
      applicants: ['local_government', 'communal_enterprise'],
      regions: ['UA-68', 'UA-05', 'UA-61'],
      topics: ['energy'],
      lang: 'uk',
    },
    why: '6 млн грн is the total budget, not the grant size; 12 березня is a webinar, not the deadline; the year comes from the publication date.',
  },
  {
    id: 'ex-2',
    published_at: '2026-01-20',
    text: 'Програма малих грантів посольства триває на постійній основі: заявки від громадських організацій з усіх регіонів України розглядаються щокварталу. Максимальна сума — 24 000 доларів США.',
    expected: {
      is_call: true,
      deadline: null,
      deadline_kind: 'rolling',
      amount_min: null,
      amount_max: 24000,
      currency: 'USD',
      applicants: ['ngo'],
      regions: ['UA'],
      topics: [],
      lang: 'uk',
    },
    why: '«на постійній основі» makes it rolling: no invented date. «з усіх регіонів» means nationwide.',
  },
  {
    id: 'ex-3',
    published_at: '2026-05-14',
    text: 'Оголошено переможців конкурсу «Чиста вода громадам»: 12 громад Житомирщини та Рівненщини отримають по 500 тис. грн на модернізацію водогонів. Реалізація проєктів триватиме до 30 листопада 2026 року.',
    expected: { is_call: false },
    why: 'Winners announced: news about a call, not a call. 30 листопада is the end of implementation.',
  },
  {
    id: 'ex-4',
    published_at: '2026-09-01',
    text: 'Call for proposals: Cross-border cooperation for resilient municipalities. Eligible applicants: local and regional authorities and their associations, NGOs and universities from Zakarpattia, Ivano-Frankivsk and Chernivtsi oblasts and partner regions. EU co-financing per project: EUR 200,000 to EUR 1.2 million (90% of eligible costs). Stage 1 concept notes are due 15 October 2026, 16:00 CET; full applications of pre-selected projects by 20 January 2027.',
    expected: {
      is_call: true,
      deadline: '2026-10-15',
      deadline_kind: 'fixed',
      stages: [
        { label: 'concept note', date: '2026-10-15' },
        { label: 'full application', date: '2027-01-20' },
      ],
      amount_min: 200000,
      amount_max: 1200000,
      currency: 'EUR',
      applicants: ['local_government', 'ngo', 'education'],
      regions: ['UA-21', 'UA-26', 'UA-77'],
      topics: ['governance', 'recovery'],
      lang: 'en',
    },
    why: 'Two-stage call: the deadline that matters now is the first stage; both stages are kept. «and partner regions» adds no Ukrainian oblast.',
  },
  {
    id: 'ex-5',
    published_at: '2026-02-10',
    text: 'Термін подання заявок на конкурс «Молодіжні простори» продовжено до 28 лютого (раніше — до 14 лютого). Подати заявку можуть молодіжні центри, заклади освіти та ініціативні групи молоді віком 14–35 років. Грант — до 200 тис. грн.',
    expected: {
      is_call: true,
      deadline: '2026-02-28',
      deadline_kind: 'fixed',
      amount_min: null,
      amount_max: 200000,
      currency: 'UAH',
      applicants: ['youth', 'education', 'other'],
      regions: [],
      topics: ['youth'],
      lang: 'uk',
    },
    why: 'The extension wins over the original date. No region stated → empty list, not nationwide.',
  },
  {
    id: 'ex-6',
    published_at: '2026-06-03',
    text: "Фонд Східна Європа запрошує благодійні організації та громадські об'єднання Сумської області подавати проєкти у сферах охорони здоров'я та освіти. Гранти від 1,2 до 1,7 мільйона гривень. Онлайн-сесія — 17 червня. Прийом заявок — до 16:00 30 червня 2026 року виключно через Грантовий портал.",
    expected: {
      is_call: true,
      deadline: '2026-06-30',
      deadline_kind: 'fixed',
      amount_min: 1200000,
      amount_max: 1700000,
      currency: 'UAH',
      applicants: ['ngo'],
      regions: ['UA-59'],
      topics: ['health', 'education'],
      lang: 'uk',
    },
    why: 'Decimal comma in «1,2 мільйона»; the info session date is not the deadline.',
  },
];

describe('labeled examples', () => {
  it.each(EXAMPLES)('$id: $why', (ex) => {
    const r = extract({ text: ex.text, publishedAt: ex.published_at });
    const e = ex.expected;
    expect(r.isCall).toBe(e.is_call);
    // "other fields then don't matter" for what is not a call.
    if (!e.is_call) return;
    if ('deadline' in e) expect(r.deadline).toBe(e.deadline);
    if (e.deadline_kind) expect(r.deadlineKind).toBe(e.deadline_kind);
    if (e.stages) expect(r.stages.map(({ label, date }) => ({ label, date }))).toEqual(e.stages);
    if ('amount_min' in e) expect(r.amountMin).toBe(e.amount_min);
    if ('amount_max' in e) expect(r.amountMax).toBe(e.amount_max);
    if ('currency' in e) expect(r.currency).toBe(e.currency);
    if (e.applicants) expect([...r.applicants].sort()).toEqual([...e.applicants].sort());
    if (e.regions) expect([...r.regions].sort()).toEqual([...e.regions].sort());
    if (e.topics) expect([...r.topics].sort()).toEqual([...e.topics].sort());
    if (e.lang) expect(r.lang).toBe(e.lang);
  });
});
