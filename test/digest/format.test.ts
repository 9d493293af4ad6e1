// The Ukrainian wording a subscriber reads: amounts, deadlines, stages, regions, counts.
import { describe, expect, it } from 'vitest';
import { APPLICANTS, TOPICS } from '../../src/calls/schema.ts';
import {
  APPLICANT_LABELS,
  catalogueTitle,
  formatAmount,
  formatApplicants,
  formatBudget,
  formatDate,
  formatDaysLeft,
  formatDeadline,
  formatIntro,
  formatMonth,
  formatNumber,
  formatRegions,
  formatStages,
  REGION_LABELS,
  SECTION_LABELS,
  shortSummary,
} from '../../src/digest/format.ts';

/** Narrow no-break space (thousands) and no-break space (before the currency). */
const N = '\u202f';
const NB = '\u00a0';

describe('formatAmount', () => {
  it.each<[number | null, number | null, string | null, string]>([
    [50_000, 200_000, 'UAH', `від 50${N}000 до 200${N}000${NB}грн`],
    [null, 1_500_000, 'EUR', `до 1${N}500${N}000${NB}€`],
    [10_000, null, 'USD', `від 10${N}000${NB}$`],
    [25_000, 25_000, 'PLN', `25${N}000${NB}зл`],
    [null, 30_000, 'GBP', `до 30${N}000${NB}£`],
    [null, 5_000, 'CHF', `до 5${N}000${NB}CHF`],
    [null, 2_500.5, 'EUR', `до 2${N}500,5${NB}€`],
    [null, 900, 'UAH', `до 900${NB}грн`],
    [null, 40_000, null, `до 40${N}000`],
    [null, null, 'EUR', 'сума не вказана'],
    [null, null, null, 'сума не вказана'],
  ])('min %s, max %s, %s → %s', (amountMin, amountMax, currency, expected) => {
    expect(formatAmount({ amountMin, amountMax, currency })).toBe(expected);
  });

  it('keeps a number on one line: groups are joined by a narrow no-break space', () => {
    expect(formatNumber(12_345_678)).toBe(`12${N}345${N}678`);
    expect(formatNumber(12_345_678)).not.toMatch(/ /);
  });

  it('shows the programme budget apart from the per-project amount', () => {
    expect(formatBudget({ budgetTotal: 5_000_000, currency: 'EUR' })).toBe(`5${N}000${N}000${NB}€`);
    expect(formatBudget({ budgetTotal: null, currency: 'EUR' })).toBeNull();
  });
});

describe('formatDeadline', () => {
  const base: Parameters<typeof formatDeadline>[0] = {
    deadline: '2026-04-15',
    deadlineTime: null,
    deadlineTz: 'Europe/Kyiv',
    deadlineKind: 'fixed',
    stages: [],
  };

  it.each<[string, Partial<Parameters<typeof formatDeadline>[0]>, string]>([
    ['date only', {}, 'до 15 квітня 2026 р.'],
    ['date and Kyiv time', { deadlineTime: '16:00' }, 'до 15 квітня 2026 р., 16:00 (за Києвом)'],
    [
      'the old Kyiv zone id',
      { deadlineTime: '16:00', deadlineTz: 'Europe/Kiev' },
      'до 15 квітня 2026 р., 16:00 (за Києвом)',
    ],
    [
      'Brussels time, as the source states it',
      { deadlineTime: '17:00', deadlineTz: 'Europe/Brussels' },
      'до 15 квітня 2026 р., 17:00 (за брюссельським часом)',
    ],
    [
      'a zone without a Ukrainian name',
      { deadlineTime: '23:59', deadlineTz: 'America/Toronto' },
      'до 15 квітня 2026 р., 23:59 (за часом America/Toronto)',
    ],
    ['rolling', { deadline: null, deadlineKind: 'rolling' }, 'постійно діючий конкурс'],
    ['unknown', { deadline: null, deadlineKind: 'unknown' }, 'дедлайн не вказано'],
    ['fixed but no date known', { deadline: null }, 'дедлайн не вказано'],
    ['1 January', { deadline: '2027-01-01' }, 'до 1 січня 2027 р.'],
    ['31 December', { deadline: '2026-12-31' }, 'до 31 грудня 2026 р.'],
    [
      'a two-stage call lists its stages',
      {
        deadline: '2026-07-01',
        stages: [
          { label: '1 етап', date: '2026-04-15', time: '16:00' },
          { label: '2 етап', date: '2026-07-01', time: null },
        ],
      },
      '1 етап: до 15 квітня 2026 р., 16:00 (за Києвом); 2 етап: до 1 липня 2026 р.',
    ],
  ])('%s', (_story, over, expected) => {
    expect(formatDeadline({ ...base, ...over })).toBe(expected);
  });
});

describe('formatStages', () => {
  it.each<[string, Parameters<typeof formatStages>[0], string]>([
    [
      'numbers stages by date and keeps labels that say something',
      [
        { label: 'Full application', date: '2026-09-01', time: null },
        { label: 'Концептуальна записка', date: '2026-05-20', time: '12:00' },
      ],
      '1 етап (Концептуальна записка): до 20 травня 2026 р., 12:00 (за Києвом); ' +
        '2 етап (Full application): до 1 вересня 2026 р.',
    ],
    [
      'drops labels that only repeat the number',
      [
        { label: 'Stage 1', date: '2026-05-20', time: null },
        { label: 'Етап 2.', date: '2026-06-20', time: null },
        { label: '3', date: '2026-07-20', time: null },
      ],
      '1 етап: до 20 травня 2026 р.; 2 етап: до 20 червня 2026 р.; 3 етап: до 20 липня 2026 р.',
    ],
  ])('%s', (_story, stages, expected) => {
    expect(formatStages(stages, 'Europe/Kyiv')).toBe(expected);
  });
});

describe('dates and titles', () => {
  it.each([
    ['2026-01', 'січень 2026'],
    ['2026-02', 'лютий 2026'],
    ['2026-11', 'листопад 2026'],
    ['2026-12', 'грудень 2026'],
  ])('month %s → %s (nominative)', (month, expected) => {
    expect(formatMonth(month)).toBe(expected);
  });

  it('names the catalogue after its month', () => {
    expect(catalogueTitle('2026-11')).toBe('Каталог можливостей для громад — листопад 2026');
  });

  it.each([
    ['2026-11-22', '22 листопада 2026'],
    ['2026-03-08', '8 березня 2026'],
  ])('day %s → %s (genitive)', (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });

  it('rejects a malformed month, naming it', () => {
    expect(() => formatMonth('2026-13')).toThrow('"2026-13"');
  });

  it.each([
    [1, '1 конкурс, відкритий для громад, станом на 22 листопада 2026'],
    [2, '2 конкурси, відкриті для громад, станом на 22 листопада 2026'],
    [5, '5 конкурсів, відкритих для громад, станом на 22 листопада 2026'],
    [11, '11 конкурсів, відкритих для громад, станом на 22 листопада 2026'],
    [21, '21 конкурс, відкритий для громад, станом на 22 листопада 2026'],
    [24, '24 конкурси, відкриті для громад, станом на 22 листопада 2026'],
    [0, 'Станом на 22 листопада 2026 відкритих конкурсів для громад не знайдено'],
  ])('intro for %i calls', (count, expected) => {
    expect(formatIntro(count, '2026-11-22')).toBe(expected);
  });

  it.each([
    [0, 'сьогодні'],
    [1, 'завтра'],
    [2, 'через 2 дні'],
    [5, 'через 5 днів'],
    [14, 'через 14 днів'],
  ])('%i days left → %s', (days, expected) => {
    expect(formatDaysLeft(days)).toBe(expected);
  });
});

describe('labels', () => {
  it('has a Ukrainian and an English label for every topic and applicant', () => {
    for (const id of [...TOPICS, 'other' as const]) {
      expect(SECTION_LABELS[id].uk).toBeTruthy();
      expect(SECTION_LABELS[id].en).toBeTruthy();
    }
    for (const id of APPLICANTS) expect(APPLICANT_LABELS[id].uk).toBeTruthy();
  });

  it('names all 27 ISO 3166-2:UA subdivisions and the whole country', () => {
    expect(Object.keys(REGION_LABELS)).toHaveLength(28);
  });

  it.each<[string[], string]>([
    [['UA'], 'вся Україна'],
    [['UA-46'], 'Львівська область'],
    [['UA-46', 'UA-07', 'UA-61'], 'Львівська, Волинська, Тернопільська області'],
    [['UA-30', 'UA-32', 'UA-18'], 'м. Київ, Київська, Житомирська області'],
    [['UA-43'], 'Автономна Республіка Крим'],
    [['UA-99'], 'UA-99'],
    [[], 'не вказано'],
  ])('regions %j → %s', (codes, expected) => {
    expect(formatRegions(codes)).toBe(expected);
  });

  it.each<[Parameters<typeof formatApplicants>[0], string]>([
    [['local_government'], 'органи місцевого самоврядування'],
    [
      ['local_government', 'communal_enterprise', 'ngo'],
      'органи місцевого самоврядування, комунальні підприємства, громадські організації',
    ],
    [[], 'не вказано'],
  ])('applicants %j → %s', (applicants, expected) => {
    expect(formatApplicants(applicants)).toBe(expected);
  });
});

describe('shortSummary', () => {
  it.each([
    ['keeps a short summary whole', 'Одне речення.', 'Одне речення.'],
    ['collapses whitespace', '  Перше\n речення.   Друге. ', 'Перше речення. Друге.'],
    ['keeps at most three sentences', 'Перше. Друге! Третє? Четверте.', 'Перше. Друге! Третє?'],
    ['does not split inside a number', 'До 1.5 млн грн на проєкт.', 'До 1.5 млн грн на проєкт.'],
  ])('%s', (_story, input, expected) => {
    expect(shortSummary(input)).toBe(expected);
  });

  it('cuts a very long sentence at a word and marks the cut', () => {
    const long = `${'слово '.repeat(100)}кінець.`;
    const short = shortSummary(long);
    expect(short.length).toBeLessThanOrEqual(301);
    expect(short).toMatch(/слово…$/);
  });
});
