// The merge policy: which copy is primary and which copy each field of the call comes from.
import { describe, expect, it } from 'vitest';
import { type Copy, mergeCopies, rankCopies } from '../../src/calls/merge.ts';
import type { CallDraft } from '../../src/calls/schema.ts';

function draft(over: Partial<CallDraft> = {}): CallDraft {
  return {
    fingerprint: 'fp',
    isCall: true,
    title: 'Конкурс «Культура поруч»',
    summary: '',
    url: 'https://example.org/a',
    donor: null,
    programme: null,
    deadline: '2026-12-15',
    deadlineTime: null,
    deadlineTz: 'Europe/Kyiv',
    deadlineKind: 'fixed',
    stages: [],
    opensAt: null,
    amountMin: null,
    amountMax: null,
    currency: null,
    budgetTotal: null,
    cofinancingPct: null,
    applicants: [],
    regions: [],
    topics: [],
    lang: 'uk',
    evidence: {},
    publishedAt: null,
    ...over,
  };
}

let nextId = 1;
function copy(role: Copy['role'], over: Partial<CallDraft> = {}, extra: Partial<Copy> = {}): Copy {
  const itemId = nextId++;
  return {
    itemId,
    sourceId: `${role}-${itemId}`,
    role,
    firstSeen: 1000 + itemId,
    extended: false,
    draft: draft({ url: `https://${role}.example/${itemId}`, ...over }),
    ...extra,
  };
}

describe('mergeCopies', () => {
  it("takes title and link from the donor's own page, then an aggregator, then a news repost", () => {
    const news = copy('news', { title: 'Новина' });
    const agg = copy('aggregator', { title: 'Агрегатор' });
    const donor = copy('donor', { title: 'Сторінка донора' });
    const m = mergeCopies([news, agg, donor]);
    expect(m.primaryItemId).toBe(donor.itemId);
    expect(m.draft).toMatchObject({ title: 'Сторінка донора', url: donor.draft.url });
    expect(mergeCopies([news, agg]).draft.title).toBe('Агрегатор');
  });

  it('prefers the copy seen first among sources of the same kind', () => {
    const late = copy('aggregator', {}, { firstSeen: 5000 });
    const early = copy('aggregator', {}, { firstSeen: 10 });
    expect(rankCopies([late, early])[0]).toBe(early);
  });

  it('names the call after the announcement, not after a later extension notice from the same site', () => {
    const notice = copy(
      'donor',
      { title: 'Corrigendum: deadline extended', deadline: '2027-01-15' },
      {
        extended: true,
        firstSeen: 1,
      },
    );
    const call = copy('donor', { title: 'Open call: regular projects', deadline: '2026-12-04' });
    const m = mergeCopies([notice, call]);
    expect(m.draft).toMatchObject({ title: 'Open call: regular projects', deadline: '2027-01-15' });
  });

  it("lets an extension notice's later deadline win over the original announcement", () => {
    const donor = copy('donor', { deadline: '2026-11-20', deadlineTime: '17:00' });
    const notice = copy('news', { deadline: '2026-12-04', deadlineTime: null }, { extended: true });
    const m = mergeCopies([donor, notice]);
    expect(m.draft).toMatchObject({ deadline: '2026-12-04', deadlineTime: null, url: donor.draft.url });
    expect(m.evidence.join('\n')).toContain('extension notice moves the deadline to 2026-12-04');
  });

  it("keeps the primary copy's deadline when another copy merely disagrees without an extension", () => {
    const donor = copy('donor', { deadline: '2026-12-15' });
    const repost = copy('news', { deadline: '2026-12-22' });
    expect(mergeCopies([donor, repost]).draft.deadline).toBe('2026-12-15');
  });

  it("takes the deadline from a repost when the donor's page states none", () => {
    const donor = copy('donor', { deadline: null, deadlineKind: 'unknown' });
    const repost = copy('aggregator', { deadline: '2026-12-15', deadlineTime: '18:00' });
    expect(mergeCopies([donor, repost]).draft).toMatchObject({
      deadline: '2026-12-15',
      deadlineTime: '18:00',
      deadlineKind: 'fixed',
    });
  });

  it('takes the most specific amount: a range with currency beats a bare "up to"', () => {
    const donor = copy('donor', { amountMax: 200_000, currency: 'UAH' });
    const agg = copy('aggregator', { amountMin: 50_000, amountMax: 200_000, currency: 'UAH' });
    expect(mergeCopies([donor, agg]).draft).toMatchObject({ amountMin: 50_000, amountMax: 200_000 });
  });

  it('unions regions, applicants and topics, but not all-Ukraine with named oblasts', () => {
    const a = copy('donor', { regions: ['UA-63'], applicants: ['ngo'], topics: ['culture'] });
    const b = copy('aggregator', { regions: ['UA-59', 'UA-63'], applicants: ['local_government'] });
    expect(mergeCopies([a, b]).draft).toMatchObject({
      regions: ['UA-59', 'UA-63'],
      applicants: ['local_government', 'ngo'],
      topics: ['culture'],
    });
    const nationwide = copy('aggregator', { regions: ['UA'] });
    const m = mergeCopies([a, nationwide]);
    expect(m.draft.regions).toEqual(['UA-63']);
    expect(m.evidence.join('\n')).toMatch(/regions conflict/);
  });

  it('fills the donor and the earliest publication date from whichever copy has them', () => {
    const donor = copy('donor', { donor: null, publishedAt: '2026-11-05' });
    const agg = copy('aggregator', { donor: 'Український культурний фонд', publishedAt: '2026-11-03' });
    expect(mergeCopies([donor, agg]).draft).toMatchObject({
      donor: 'Український культурний фонд',
      publishedAt: '2026-11-03',
    });
  });
});
