// Which calls a month's catalogue lists, in which section and in what order.
import { describe, expect, it } from 'vitest';
import { Call, type CallDraft } from '../../src/calls/schema.ts';
import { addDays, compileEdition, editionEntries, nextCutoff, sectionOf } from '../../src/digest/select.ts';

const TODAY = '2026-11-22';
const MONTH = '2026-11';

/** A valid Call with every field filled; tests override only what their story is about. */
function makeCall(id: string, over: Partial<CallDraft> = {}): Call {
  return Call.parse({
    id,
    clusterId: `cluster-${id}`,
    fingerprint: `fp-${id}`,
    isCall: true,
    title: `Конкурс ${id}`,
    summary: 'Підтримка проєктів громад.',
    url: `https://example.org/calls/${id}`,
    donor: 'U-LEAD з Європою',
    programme: null,
    deadline: '2026-12-20',
    deadlineTime: null,
    deadlineTz: 'Europe/Kyiv',
    deadlineKind: 'fixed',
    stages: [],
    opensAt: null,
    amountMin: null,
    amountMax: 100_000,
    currency: 'EUR',
    budgetTotal: null,
    cofinancingPct: null,
    applicants: ['local_government'],
    regions: ['UA'],
    topics: ['energy'],
    lang: 'uk',
    evidence: {},
    publishedAt: '2026-11-01',
    firstSeen: new Date('2026-11-01T08:00:00Z'),
    updatedAt: new Date('2026-11-01T08:00:00Z'),
    ...over,
  });
}

const compile = (calls: Call[]) => compileEdition(calls, { month: MONTH, today: TODAY });
const listedIds = (calls: Call[]) => compile(calls).sections.flatMap((s) => s.callIds);

describe('compileEdition: which calls are listed', () => {
  it.each<[string, Partial<CallDraft>, boolean]>([
    ['a fixed deadline yesterday', { deadline: '2026-11-21' }, false],
    ['a fixed deadline today', { deadline: TODAY }, true],
    ['a fixed deadline today with a time', { deadline: TODAY, deadlineTime: '09:00' }, true],
    ['a fixed deadline next month', { deadline: '2026-12-31' }, true],
    ['a rolling call', { deadline: null, deadlineKind: 'rolling' }, true],
    ['a call whose deadline the source does not state', { deadline: null, deadlineKind: 'unknown' }, true],
    ['a forthcoming call', { opensAt: '2026-12-01', deadline: '2027-01-31' }, true],
    ['an announcement that is not a call', { isCall: false }, false],
    [
      'a non-call even with an open deadline',
      { isCall: false, deadlineKind: 'rolling', deadline: null },
      false,
    ],
    [
      'a two-stage call whose first stage passed but second is ahead',
      {
        deadline: null,
        stages: [
          { label: 'Concept note', date: '2026-11-01', time: null },
          { label: 'Full application', date: '2027-02-01', time: null },
        ],
      },
      true,
    ],
    [
      'a two-stage call whose last stage passed',
      {
        deadline: null,
        stages: [
          { label: '1', date: '2026-10-01', time: null },
          { label: '2', date: '2026-11-20', time: null },
        ],
      },
      false,
    ],
  ])('%s → listed: %s', (_story, over, listed) => {
    expect(listedIds([makeCall('x', over)])).toEqual(listed ? ['x'] : []);
  });

  it('lists a call once even when it is passed twice', () => {
    const call = makeCall('dup');
    expect(listedIds([call, call])).toEqual(['dup']);
  });

  it('rejects a month or day in the wrong shape, naming the value', () => {
    expect(() => compileEdition([], { month: '2026-13', today: TODAY })).toThrow('"2026-13"');
    expect(() => compileEdition([], { month: MONTH, today: '22.11.2026' })).toThrow('"22.11.2026"');
  });
});

describe('compileEdition: sections', () => {
  it.each<[string[], string]>([
    [['energy'], 'energy'],
    [['education', 'energy'], 'energy'],
    [['media', 'recovery'], 'recovery'],
    [['youth', 'culture'], 'culture'],
    [[], 'other'],
  ])('topics %j → section %s (first topic in TOPICS order)', (topics, section) => {
    expect(sectionOf({ topics: topics as Call['topics'] })).toBe(section);
  });

  it('orders sections as TOPICS, puts "other" last and leaves out empty ones', () => {
    const draft = compile([
      makeCall('a', { topics: [] }),
      makeCall('b', { topics: ['media'] }),
      makeCall('c', { topics: ['education', 'water'] }),
      makeCall('d', { topics: ['recovery'] }),
    ]);
    expect(draft.sections).toEqual([
      { topic: 'recovery', callIds: ['d'] },
      { topic: 'water', callIds: ['c'] },
      { topic: 'media', callIds: ['b'] },
      { topic: 'other', callIds: ['a'] },
    ]);
    expect(draft).toMatchObject({ month: MONTH, audience: 'all' });
  });

  it('orders a section by cut-off, a timed cut-off before an all-day one, rolling and unknown last', () => {
    const draft = compile([
      makeCall('rolling', { deadline: null, deadlineKind: 'rolling', title: 'А' }),
      makeCall('late', { deadline: '2027-01-10' }),
      makeCall('all-day', { deadline: '2026-12-01' }),
      makeCall('unknown', { deadline: null, deadlineKind: 'unknown', title: 'Б' }),
      makeCall('noon', { deadline: '2026-12-01', deadlineTime: '12:00' }),
      // Sorted by its next stage (2026-12-05), not by its final one.
      makeCall('staged', {
        deadline: '2027-03-01',
        stages: [
          { label: '1', date: '2026-12-05', time: null },
          { label: '2', date: '2027-03-01', time: null },
        ],
      }),
    ]);
    expect(draft.sections[0]!.callIds).toEqual(['noon', 'all-day', 'staged', 'late', 'rolling', 'unknown']);
  });

  it('breaks ties by title in Ukrainian alphabetical order (г ґ є і ї я), not by code point', () => {
    const titles = ['Ясенова громада', 'Їжаківка', 'Іршава', 'Єнакієве', 'Ґалаґаївка', 'Гадяч', 'Ирклій'];
    const calls = titles.map((title, i) =>
      makeCall(`c${i}`, { title, deadline: null, deadlineKind: 'rolling' }),
    );
    const byId = new Map(calls.map((c) => [c.id, c.title]));
    const order = compile(calls).sections[0]!.callIds.map((id) => byId.get(id));
    expect(order).toEqual([
      'Гадяч',
      'Ґалаґаївка',
      'Єнакієве',
      'Ирклій',
      'Іршава',
      'Їжаківка',
      'Ясенова громада',
    ]);
    // A code-point sort misplaces Є, І, Ї (before А) and Ґ (after Я): the collator makes this right.
    expect([...titles].sort()).not.toEqual(order);
  });
});

describe('compileEdition: closing soon', () => {
  it.each<[string, Partial<CallDraft>, boolean]>([
    ['deadline today', { deadline: TODAY }, true],
    ['deadline in 14 days (the last day of the window)', { deadline: addDays(TODAY, 14) }, true],
    ['deadline in 15 days', { deadline: addDays(TODAY, 15) }, false],
    ['deadline passed', { deadline: '2026-11-21' }, false],
    ['rolling', { deadline: null, deadlineKind: 'rolling' }, false],
    ['unknown', { deadline: null, deadlineKind: 'unknown' }, false],
    [
      'next stage within the window, final stage later',
      {
        deadline: '2027-04-01',
        stages: [
          { label: 'Концепція', date: '2026-11-30', time: '16:00' },
          { label: 'Повна заявка', date: '2027-04-01', time: null },
        ],
      },
      true,
    ],
  ])('%s → closing soon: %s', (_story, over, soon) => {
    expect(compile([makeCall('x', over)]).closingSoon).toEqual(soon ? ['x'] : []);
  });

  it('lists closing-soon calls across sections, soonest first', () => {
    const draft = compile([
      makeCall('culture-dec-1', { topics: ['culture'], deadline: '2026-12-01' }),
      makeCall('energy-nov-25', { topics: ['energy'], deadline: '2026-11-25' }),
      makeCall('energy-far', { topics: ['energy'], deadline: '2027-01-25' }),
      makeCall('other-nov-23', { topics: [], deadline: '2026-11-23' }),
    ]);
    expect(draft.closingSoon).toEqual(['other-nov-23', 'energy-nov-25', 'culture-dec-1']);
  });
});

describe('nextCutoff', () => {
  it.each<[Partial<CallDraft>, ReturnType<typeof nextCutoff>]>([
    [
      { deadline: '2026-12-01', deadlineTime: '16:00' },
      { date: '2026-12-01', time: '16:00' },
    ],
    [{ deadline: '2026-11-01' }, null],
    [{ deadline: null, deadlineKind: 'rolling' }, null],
    [
      {
        deadline: null,
        stages: [
          { label: '1', date: '2026-11-01', time: null },
          { label: '2', date: '2026-12-10', time: '12:00' },
        ],
      },
      { date: '2026-12-10', time: '12:00' },
    ],
  ])('%j → %j', (over, expected) => {
    expect(nextCutoff(makeCall('x', over), TODAY)).toEqual(expected);
  });
});

describe('editionEntries', () => {
  it('flattens the draft into rows numbered in reading order', () => {
    const draft = compile([
      makeCall('e2', { topics: ['energy'], deadline: '2026-12-10' }),
      makeCall('o1', { topics: [] }),
      makeCall('e1', { topics: ['energy'], deadline: '2026-12-01' }),
      makeCall('r1', { topics: ['recovery'] }),
    ]);
    expect(editionEntries(draft)).toEqual([
      { callId: 'r1', section: 'recovery', position: 1 },
      { callId: 'e1', section: 'energy', position: 2 },
      { callId: 'e2', section: 'energy', position: 3 },
      { callId: 'o1', section: 'other', position: 4 },
    ]);
  });

  it('is empty for an edition without calls', () => {
    expect(editionEntries(compile([]))).toEqual([]);
  });
});
