// Money as an editor records it: the grant one applicant can get (min/max, currency), the
// programme's total budget kept apart, and the applicant's co-financing share.
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/calls/extract/amount.ts';
import { extract } from '../../src/calls/extract/index.ts';

interface Case {
  name: string;
  text: string;
  min: number | null;
  max: number | null;
  currency: string | null;
  total?: number | null;
  cof?: number | null;
}

const CASES: Case[] = [
  {
    name: 'the oblast’s co-financing of one project is the grant',
    text: 'Максимальний обсяг обласного співфінансування одного мікропроєкту — 300 тис. грн; частка місцевого бюджету — щонайменше 30%.',
    min: null,
    max: 300000,
    currency: 'UAH',
  },
  {
    name: 'a Polish call pool is the total',
    text: 'Kwota dofinansowania: od 20 000 do 80 000 euro na projekt. Łączna pula naboru to 3 mln euro.',
    min: 20000,
    max: 80000,
    currency: 'EUR',
    total: 3000000,
  },
  {
    name: 'a sum per school, then the total across a comma',
    text: 'На кожну школу передбачено до 150 тис. грн для реалізації проєкту-переможця, загальний обсяг — 6 млн грн.',
    min: null,
    max: 150000,
    currency: 'UAH',
    total: 6000000,
  },
  {
    name: 'a second sum of a list takes the first one’s currency',
    text: 'Малі проєкти — до 400 тис. грн, великі — до 2,5 млн.',
    min: null,
    max: 2500000,
    currency: 'UAH',
  },
  {
    name: 'the budget the money comes from, then the sum per project',
    text: 'Максимальний обсяг фінансування з обласного бюджету — 1 000 000 грн на проєкт.',
    min: null,
    max: 1000000,
    currency: 'UAH',
  },
  {
    name: 'a call allocation is the total, the range per project the grant',
    text: 'The call allocation is EUR 32 million. EU co-financing per project: from EUR 100,000 to EUR 2,500,000.',
    min: 100000,
    max: 2500000,
    currency: 'EUR',
    total: 32000000,
  },
  {
    name: 'Polish pool and «od … do» range',
    text: 'Pula środków: 32 mln euro. Dofinansowanie UE na projekt: od 100 tys. do 2,5 mln euro.',
    min: 100000,
    max: 2500000,
    currency: 'EUR',
    total: 32000000,
  },
  {
    name: 'Canadian dollars in words',
    text: 'Розмір фінансування — зазвичай від 20 000 до 60 000 канадських доларів.',
    min: 20000,
    max: 60000,
    currency: 'CAD',
  },
  {
    name: 'money set aside for all projects, then the caps of small and large ones',
    text: 'На реалізацію проєктів мешканців передбачено 15 мільйонів гривень. Малий проєкт може коштувати до 300 тисяч, великий — до 1,5 мільйона гривень.',
    min: null,
    max: 1500000,
    currency: 'UAH',
    total: 15000000,
  },
  {
    name: 'the money a company «выделят» for the call, then the cap per project',
    text: 'В этом году на социальные проекты горожан выделят 4 млн гривен, максимум на один проект — 300 тыс.',
    min: null,
    max: 300000,
    currency: 'UAH',
    total: 4000000,
  },
  {
    name: '«виділить громадам до 150 тисяч» is a grant’s cap',
    text: 'Фонд виділить громадам Харківщини до 150 тисяч гривень на відновлення послуг.',
    min: null,
    max: 150000,
    currency: 'UAH',
  },
  {
    name: 'what the last round brought in is no grant',
    text: 'Один проєкт може отримати до 1 млн євро. Нагадаємо, за результатами першого конкурсу програми на Закарпаття залучили понад 30 млн євро.',
    min: null,
    max: 1000000,
    currency: 'EUR',
  },
  {
    name: '«японських єн» with the adjective',
    text: 'Фінансування: до 50000000 японських єн на один проєкт.',
    min: null,
    max: 50000000,
    currency: 'JPY',
  },
  {
    name: 'a million in words',
    text: 'На одну громаду передбачено до мільйона гривень.',
    min: null,
    max: 1000000,
    currency: 'UAH',
  },
  {
    name: 'Polish thousands',
    text: 'Maksymalna wartość dofinansowania: do 60 tys. EUR.',
    min: null,
    max: 60000,
    currency: 'EUR',
  },
  {
    name: 'a broken digit grouping is no sum (never a grant of 0)',
    text: 'Обладнання для водопостачання до 250 0000 евро.',
    min: null,
    max: null,
    currency: null,
  },
  {
    name: 'up to, hryvnias',
    text: 'Розмір гранту — до 100 000 гривень.',
    min: null,
    max: 100000,
    currency: 'UAH',
  },
  {
    name: 'range with thousands word',
    text: 'Гранти від 50 до 200 тисяч гривень на проєкт.',
    min: 50000,
    max: 200000,
    currency: 'UAH',
  },
  {
    name: 'million abbreviation',
    text: 'Грант до 1 млн грн для громади.',
    min: null,
    max: 1000000,
    currency: 'UAH',
  },
  {
    name: 'euro sign with decimal comma and million',
    text: 'Максимальний грант — €1,5 млн.',
    min: null,
    max: 1500000,
    currency: 'EUR',
  },
  {
    name: 'EUR with dot thousands',
    text: 'Grant amount: EUR 10.000 per project.',
    min: 10000,
    max: 10000,
    currency: 'EUR',
  },
  {
    name: 'dollar range',
    text: 'Awards range from $25,000–$250,000.',
    min: 25000,
    max: 250000,
    currency: 'USD',
  },
  {
    name: 'decimal millions range without «від»',
    text: 'Гранти від 1,2 до 1,7 мільйона гривень.',
    min: 1200000,
    max: 1700000,
    currency: 'UAH',
  },
  {
    name: 'US dollars in words',
    text: 'Максимальна сума — 24 000 доларів США.',
    min: null,
    max: 24000,
    currency: 'USD',
  },
  {
    name: 'total budget is not the grant',
    text: 'Загальний бюджет конкурсу — 6 млн грн. Розмір гранту для одного проєкту — від 150 до 400 тисяч гривень.',
    min: 150000,
    max: 400000,
    currency: 'UAH',
    total: 6000000,
  },
  {
    name: 'only a total budget',
    // The currency describes the applicant's grant: a total alone leaves it unknown.
    text: 'Total budget of the call: EUR 5,000,000.',
    min: null,
    max: null,
    currency: null,
    total: 5000000,
  },
  {
    name: 'competition fund',
    text: 'Фонд конкурсу становить 2 млн грн, максимальна сума гранту — 100 тис. грн.',
    min: null,
    max: 100000,
    currency: 'UAH',
    total: 2000000,
  },
  {
    name: 'grant fund is the total',
    text: 'Грантовий фонд — 1 000 000 грн. Максимальна сума одного гранту — 50 000 грн.',
    min: null,
    max: 50000,
    currency: 'UAH',
    total: 1000000,
  },
  {
    name: 'label line without a colon',
    text: 'Конкурс мікрогрантів\n💰 Сума гранту\n100 000 грн',
    min: 100000,
    max: 100000,
    currency: 'UAH',
  },
  {
    name: 'plain range with a dash',
    text: 'Гранти у розмірі 5000–10000 євро.',
    min: 5000,
    max: 10000,
    currency: 'EUR',
  },
  {
    name: 'alternatives take the larger as max',
    text: 'Можна отримати до 3 000 або до 6 000 євро.',
    min: null,
    max: 6000,
    currency: 'EUR',
  },
  {
    name: 'alternatives with commas',
    text: 'Розмір гранту: до 3,000 євро або до 6,000 євро залежно від категорії.',
    min: null,
    max: 6000,
    currency: 'EUR',
  },
  {
    name: 'a plain sum beside an «up to» is not the minimum',
    text: 'Гранти до 100 000 грн. Торік середній грант становив 60 000 грн.',
    min: null,
    max: 100000,
    currency: 'UAH',
  },
  {
    name: 'two fixed sums are the smallest and largest grant',
    text: 'Розмір гранту: 20 000 грн для ініціативних груп або 50 000 грн для ГО.',
    min: 20000,
    max: 50000,
    currency: 'UAH',
  },
  {
    name: 'single fixed sum',
    text: 'Кожен переможець отримає грант 50 000 грн.',
    min: 50000,
    max: 50000,
    currency: 'UAH',
  },
  {
    name: 'each («по»)',
    text: 'Фонд надасть 10 грантів по 30 000 грн.',
    min: 30000,
    max: 30000,
    currency: 'UAH',
  },
  {
    name: 'total after the grant size',
    text: 'Фонд надасть 10 грантів по 30 000 грн (загальна сума — 300 000 грн).',
    min: 30000,
    max: 30000,
    currency: 'UAH',
    total: 300000,
  },
  {
    name: 'thousands abbreviation with dot',
    text: '💰 Розмір гранту: до 500 тис. грн',
    min: null,
    max: 500000,
    currency: 'UAH',
  },
  {
    name: 'non-breaking space separators',
    text: 'Грант до 150\u00a0000\u00a0грн',
    min: null,
    max: 150000,
    currency: 'UAH',
  },
  {
    name: 'EU contribution range in English',
    text: 'EU co-financing per project: EUR 200,000 to EUR 1.2 million (90% of eligible costs).',
    min: 200000,
    max: 1200000,
    currency: 'EUR',
    cof: 10,
  },
  {
    name: 'Russian range',
    text: 'Размер гранта — от 100 до 300 тысяч гривен.',
    min: 100000,
    max: 300000,
    currency: 'UAH',
  },
  {
    name: 'UAH code after number',
    text: 'Grants of up to 400,000 UAH are available.',
    min: null,
    max: 400000,
    currency: 'UAH',
  },
  {
    name: 'minimum only',
    text: 'Мінімальна сума гранту — 20 000 грн.',
    min: 20000,
    max: null,
    currency: 'UAH',
  },
  {
    name: 'hryvnia equivalent keeps the stated currency',
    text: 'Грант — до 10 000 доларів США у гривневому еквіваленті.',
    min: null,
    max: 10000,
    currency: 'USD',
  },
  {
    name: 'a second currency is an equivalent',
    text: 'Розмір гранту — до 10 000 євро (близько 450 000 грн).',
    min: null,
    max: 10000,
    currency: 'EUR',
  },
  {
    name: 'applicant contribution is not the grant',
    text: 'Грант до 200 000 грн. Власний внесок заявника — не менше 20 000 грн.',
    min: null,
    max: 200000,
    currency: 'UAH',
  },
  {
    name: 'annual budget limit of the applicant is not the grant',
    text: 'Річний бюджет організації не повинен перевищувати 1 млн грн. Грант — до 50 000 грн.',
    min: null,
    max: 50000,
    currency: 'UAH',
  },
  {
    name: 'dates and years are not money',
    text: 'Дедлайн: 30.04.2026. Участь безкоштовна.',
    min: null,
    max: null,
    currency: null,
  },
  {
    name: 'age range is not money',
    text: 'Для молоді віком 14–35 років. Грант — до 200 тис. грн.',
    min: null,
    max: 200000,
    currency: 'UAH',
  },
  { name: 'no amount stated', text: 'Фонд оголошує конкурс проєктів.', min: null, max: null, currency: null },
  {
    name: 'k suffix',
    text: 'Microgrants up to $5k for youth groups.',
    min: null,
    max: 5000,
    currency: 'USD',
  },
  {
    name: 'Polish złoty',
    text: 'Dofinansowanie do 50 000 zł na projekt.',
    min: null,
    max: 50000,
    currency: 'PLN',
  },

  // Co-financing.
  {
    name: 'applicant co-financing share',
    text: 'Розмір гранту — до 400 тисяч гривень, співфінансування заявника не менше 15%.',
    min: null,
    max: 400000,
    currency: 'UAH',
    cof: 15,
  },
  {
    name: 'grant covers a share: the rest is the applicant',
    text: 'Грант покриває до 80% вартості проєкту.',
    min: null,
    max: null,
    currency: null,
    cof: 20,
  },
  {
    name: 'English own contribution',
    text: 'An own contribution of at least 10% is required.',
    min: null,
    max: null,
    currency: null,
    cof: 10,
  },
  {
    name: 'a percentage about something else',
    text: 'Не менше 30% учасників мають бути жінками.',
    min: null,
    max: null,
    currency: null,
    cof: null,
  },
  {
    name: 'Norwegian kroner range with million',
    text: 'Partner municipalities can request between NOK 2 million and NOK 4 million for district heating.',
    min: 2000000,
    max: 4000000,
    currency: 'NOK',
  },
  {
    name: 'yen cap',
    text: 'Максимальний розмір гранту — 8 млн єн.',
    min: null,
    max: 8000000,
    currency: 'JPY',
  },
  {
    name: 'Swedish kronor after up to',
    text: 'Each grant: up to SEK 350,000.',
    min: null,
    max: 350000,
    currency: 'SEK',
  },
  {
    name: 'co-financing after a comma is another clause part',
    text: 'Максимальна сума — 450 тис. грн, співфінансування громади не менше 30%.',
    min: null,
    max: 450000,
    currency: 'UAH',
  },
  {
    name: 'cap after a co-financing percentage',
    text: 'The grant co-finances up to 60% of eligible costs, with a maximum of EUR 1.8 million.',
    min: null,
    max: 1800000,
    currency: 'EUR',
  },
  {
    name: 'in-kind support valued up to',
    text: 'Громади отримають обладнання вартістю до 240 тис. грн.',
    min: null,
    max: 240000,
    currency: 'UAH',
  },
  {
    name: 'Russian total volume only',
    text: 'Общий объем финансирования конкурса — 4 млн грн.',
    min: null,
    max: null,
    currency: null,
    total: 4000000,
  },
  // Rules added after the held-out set.
  {
    name: 'the sum repeated in words between the digits and the currency',
    text: 'Переможець отримує грант 1 000 000 (один мільйон) гривень.',
    min: 1000000,
    max: 1000000,
    currency: 'UAH',
  },
  {
    name: 'the donor’s contribution is the grant («Внесок ЄС»)',
    text: 'Внесок ЄС — від 100 000 до 1 000 000 євро на проєкт (до 90% прийнятних витрат).',
    min: 100000,
    max: 1000000,
    currency: 'EUR',
    cof: 10,
  },
  {
    name: 'abbreviated dollars «тис. дол. США»',
    text: 'Розмір підтримки: від 5 до 20 тис. дол. США.',
    min: 5000,
    max: 20000,
    currency: 'USD',
  },
  {
    name: 'a limit («граничний обсяг») is a maximum',
    text: 'Граничний обсяг фінансування одного проєкту — 400 тис. грн.',
    min: null,
    max: 400000,
    currency: 'UAH',
  },
  {
    name: '«максимум — X» after a share is a maximum',
    text: 'Компенсація 60% вартості сонячної станції (максимум — 180 000 грн).',
    min: null,
    max: 180000,
    currency: 'UAH',
  },
  {
    name: 'a programme’s money sent somewhere is the total, also where a headline repeats it',
    text: '50 млн грн на відновлення житла\nФонд спрямує 50 млн грн на відновлення житла у деокупованих громадах.',
    min: null,
    max: null,
    currency: null,
    total: 50000000,
  },
  {
    name: 'an own-contribution word farther after the sum does not take it',
    text: 'Один переможець може отримати до 80 тис. грн за умови власного внеску не менше 30%.',
    min: null,
    max: 80000,
    currency: 'UAH',
    cof: 30,
  },
  {
    name: 'AMP copy without «і»: «мльйона»',
    text: 'Сума гранту — вд 300 тисяч до 1 мльйона гривень.',
    min: 300000,
    max: 1000000,
    currency: 'UAH',
  },
  {
    name: 'a per-unit sum beside the total in one sentence («на один заклад»)',
    text: 'Загальний бюджет — 60 млн грн, на один заклад — до 2,5 млн грн.',
    min: null,
    max: 2500000,
    currency: 'UAH',
    total: 60000000,
  },
];

describe('amount', () => {
  it.each(CASES)('$name', (c) => {
    const r = extract({ text: c.text });
    expect([r.amountMin, r.amountMax, r.currency]).toEqual([c.min, c.max, c.currency]);
    if (c.total !== undefined) expect(r.budgetTotal).toBe(c.total);
    else expect(r.budgetTotal).toBeNull();
    if (c.cof !== undefined) expect(r.cofinancingPct).toBe(c.cof);
  });

  it.each([
    ['10.000', false, 10000],
    ['25,000', false, 25000],
    ['1,5', true, 1.5],
    ['1.2', true, 1.2],
    ['1 200 000,50', false, 1200000.5],
    ['1.200.000', false, 1200000],
    ['1,250,000.75', false, 1250000.75],
    ['100 000,00', false, 100000],
    ["1'500", false, 1500],
  ] as const)('reads the number %s', (text, mult, value) => {
    expect(parseNumber(text, mult)).toBe(value);
  });

  it('cites the sums it read', () => {
    const r = extract({ text: 'Загальний бюджет — 6 млн грн. Грант — від 150 до 400 тисяч гривень.' });
    expect(r.evidence.amount).toBe('150 до 400 тисяч гривень');
    expect(r.evidence.budgetTotal).toBe('6 млн грн');
  });
});
