// What a subscriber sees in the catalogue email: escaped titles, every link, no closed calls, the
// closing-soon block, and an accessible, Gmail-sized HTML next to a readable plain text.
import { describe, expect, it } from 'vitest';
import { Call, type CallDraft, TOPICS } from '../../src/calls/schema.ts';
import { escapeHtml, fillTemplate, renderCatalogue, safeUrl } from '../../src/digest/render.ts';
import { compileEdition, type EditionDraft } from '../../src/digest/select.ts';

const TODAY = '2026-11-22';
const MONTH = '2026-11';
const PUBLIC_URL = 'https://hromada.example.org/';

/** A valid Call with every field filled; tests override only what their story is about. */
function makeCall(id: string, over: Partial<CallDraft> = {}): Call {
  return Call.parse({
    id,
    clusterId: `cluster-${id}`,
    fingerprint: `fp-${id}`,
    isCall: true,
    title: `Конкурс ${id}`,
    summary: 'Підтримка проєктів громад з енергоефективності.',
    url: `https://example.org/calls/${id}`,
    donor: 'U-LEAD з Європою',
    programme: null,
    deadline: '2026-12-20',
    deadlineTime: null,
    deadlineTz: 'Europe/Kyiv',
    deadlineKind: 'fixed',
    stages: [],
    opensAt: null,
    amountMin: 50_000,
    amountMax: 200_000,
    currency: 'UAH',
    budgetTotal: null,
    cofinancingPct: null,
    applicants: ['local_government', 'ngo'],
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

async function render(
  calls: Call[],
  draft: EditionDraft = compileEdition(calls, { month: MONTH, today: TODAY }),
) {
  return renderCatalogue(draft, calls, { today: TODAY, publicUrl: PUBLIC_URL, sourcesCount: 7 });
}

/** The plain-text closing-soon block (heading to first blank line), wrapped lines rejoined. */
function closingSoonText(text: string): string {
  const start = text.indexOf('НЕЗАБАРОМ ДЕДЛАЙН');
  return start < 0 ? '' : text.slice(start, text.indexOf('\n\n', start)).replace(/\n {2}(?!https?:)/g, ' ');
}

/** The HTML closing-soon list. */
function closingSoonHtml(html: string): string {
  return /Незабаром дедлайн<\/h2>\s*<ul[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
}

describe('renderCatalogue: escaping', () => {
  const hostile = [
    makeCall('xss', { title: '<script>alert(1)</script>', summary: '<img src=x onerror=alert(2)> опис.' }),
    makeCall('quotes', {
      title: '"quotes" & ampersands',
      donor: "Фонд 'Схід' <Захід>",
      deadline: '2026-11-25',
    }),
  ];

  it('escapes titles, summaries and donors in the HTML', async () => {
    const { html } = await render(hostile);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quotes&quot; &amp; ampersands');
    expect(html).toContain('Фонд &#39;Схід&#39; &lt;Захід&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('keeps the plain text as written: it is not HTML', async () => {
    const { text } = await render(hostile);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('"quotes" & ampersands');
  });

  it('escapes & in link URLs and never links a non-http(s) URL', async () => {
    const calls = [
      makeCall('query', { url: 'https://example.org/call?id=7&lang=uk' }),
      makeCall('js', { title: 'Підозріле посилання', url: 'javascript:alert(1)' }),
    ];
    const { html, text } = await render(calls);
    expect(html).toContain('href="https://example.org/call?id=7&amp;lang=uk"');
    expect(html).not.toContain('javascript:');
    expect(text).not.toContain('javascript:');
    expect(html).toContain('Підозріле посилання');
  });
});

describe('renderCatalogue: content', () => {
  const calls = [
    makeCall('energy-soon', {
      title: 'Енергоефективні школи',
      deadline: '2026-11-30',
      deadlineTime: '16:00',
    }),
    makeCall('water-today', { title: 'Чиста вода', topics: ['water'], deadline: TODAY }),
    makeCall('culture-later', { title: 'Культурна спадщина', topics: ['culture'], deadline: '2027-02-01' }),
    makeCall('rolling', {
      title: 'Мікрогранти для ветеранів',
      topics: ['veterans'],
      deadlineKind: 'rolling',
      deadline: null,
    }),
    makeCall('closed', { title: 'Вже закритий конкурс', deadline: '2026-11-15' }),
    makeCall('not-a-call', { title: 'Новина про форум', isCall: false }),
    makeCall('other', { title: 'Партнерство міст', topics: [], url: 'https://example.org/twin-cities' }),
  ];

  it('has a Ukrainian subject, html lang="uk", a title heading and an intro with the count', async () => {
    const { subject, html, text } = await render(calls);
    expect(subject).toBe('Каталог можливостей для громад — листопад 2026');
    expect(html).toMatch(/<html[^>]* lang="uk"/);
    expect(html).toMatch(/<h1[^>]*>Каталог можливостей для громад — листопад 2026<\/h1>/);
    expect(html).toContain('5 конкурсів, відкритих для громад, станом на 22 листопада 2026');
    expect(text.split('\n')[0]).toBe(subject);
  });

  it('lists every listed call once, with its link, in the text version too', async () => {
    const { html, text } = await render(calls);
    for (const id of ['energy-soon', 'water-today', 'culture-later', 'rolling']) {
      const url = `https://example.org/calls/${id}`;
      expect(html).toContain(`href="${url}"`);
      expect(text).toContain(url);
    }
    expect(text).toContain('https://example.org/twin-cities');
  });

  it('shows the details a community needs to decide', async () => {
    const { html, text } = await render(calls);
    for (const output of [html, text]) {
      expect(output).toContain('до 30 листопада 2026 р., 16:00 (за Києвом)');
      expect(output).toContain('від 50\u202f000 до 200\u202f000\u00a0грн');
      expect(output).toContain('органи місцевого самоврядування, громадські організації');
      expect(output).toContain('вся Україна');
      expect(output).toContain('U-LEAD з Європою');
      expect(output).toContain('постійно діючий конкурс');
      expect(output).toContain('Підтримка проєктів громад з енергоефективності.');
    }
  });

  it('leaves out closed calls and announcements that are not calls', async () => {
    const { html, text } = await render(calls);
    for (const output of [html, text]) {
      expect(output).not.toContain('Вже закритий конкурс');
      expect(output).not.toContain('Новина про форум');
    }
  });

  it('leaves out a call that closed after the draft was compiled', async () => {
    const draft = compileEdition(calls, { month: MONTH, today: '2026-11-10' });
    expect(draft.sections.flatMap((s) => s.callIds)).toContain('closed');
    const { html } = await render(calls, draft);
    expect(html).not.toContain('Вже закритий конкурс');
  });

  it('puts sections in topic order with headings, each call under its first topic', async () => {
    const { html, text } = await render(calls);
    const headings = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Незабаром дедлайн',
      'Енергетика та енергоефективність',
      'Водопостачання та водовідведення',
      'Ветерани',
      'Культура',
      'Інші конкурси',
    ]);
    const order = ['Енергоефективні школи', 'Чиста вода', 'Мікрогранти для ветеранів', 'Культурна спадщина'];
    const afterClosingSoon = text.slice(text.indexOf('ЕНЕРГЕТИКА'));
    const positions = order.map((title) => afterClosingSoon.indexOf(title));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('lists the calls closing within 14 days at the top, soonest first', async () => {
    const { html, text } = await render(calls);
    const block = closingSoonText(text);
    expect(block).toContain('* Чиста вода — до 22 листопада 2026 р., сьогодні');
    expect(block).toContain(
      '* Енергоефективні школи — до 30 листопада 2026 р., 16:00 (за Києвом), через 8 днів',
    );
    expect(block.indexOf('Чиста вода')).toBeLessThan(block.indexOf('Енергоефективні школи'));
    expect(block).not.toContain('Культурна спадщина');
    expect(block).not.toContain('Мікрогранти');
    const list = closingSoonHtml(html);
    expect(list.match(/<li/g)).toHaveLength(2);
    expect(list).toContain('href="https://example.org/calls/water-today"');
    expect(html.indexOf('Незабаром дедлайн')).toBeLessThan(html.indexOf('Енергетика та енергоефективність'));
  });

  it('has no closing-soon block when nothing closes soon', async () => {
    const { html, text } = await render([makeCall('far', { deadline: '2027-03-01' })]);
    expect(html).not.toContain('Незабаром дедлайн');
    expect(text).not.toContain('НЕЗАБАРОМ ДЕДЛАЙН');
  });

  it('says when applications open for a forthcoming call', async () => {
    const { text } = await render([makeCall('soon', { opensAt: '2026-12-01', deadline: '2027-01-15' })]);
    expect(text).toContain('Прийом заявок: з 1 грудня 2026 р.');
  });

  it('ends with what the catalogue is and an unsubscribe link', async () => {
    const { html, text } = await render(calls);
    expect(html).toMatch(
      /<a href="https:\/\/hromada\.example\.org\/unsubscribe"[^>]*>Відписатися від розсилки<\/a>/,
    );
    expect(text).toContain('Відписатися від розсилки: https://hromada.example.org/unsubscribe');
    expect(text).toContain('Зібрано з 7 джерел.');
  });

  it('keeps plain-text lines terminal-width, except whole URLs', async () => {
    const long = makeCall('long', {
      title: 'Дуже довга назва конкурсу '.repeat(6),
      summary: 'Речення. '.repeat(40),
    });
    const { text } = await render([long]);
    const tooLong = text.split('\n').filter((line) => line.length > 78 && !/^\s*https?:\/\//.test(line));
    expect(tooLong).toEqual([]);
  });

  it('renders an edition without calls', async () => {
    const { html, text } = await render([]);
    expect(html).toContain('відкритих конкурсів для громад не знайдено');
    expect(text).toContain('відкритих конкурсів для громад не знайдено');
  });
});

describe('renderCatalogue: errors a developer can act on', () => {
  it('names a call the draft lists but the caller did not pass', async () => {
    const draft: EditionDraft = {
      month: MONTH,
      audience: 'all',
      sections: [{ topic: 'energy', callIds: ['missing'] }],
      closingSoon: [],
    };
    await expect(render([], draft)).rejects.toThrow('"missing"');
  });

  it('refuses a publicUrl that is not http(s)', async () => {
    const calls = [makeCall('a')];
    const draft = compileEdition(calls, { month: MONTH, today: TODAY });
    await expect(
      renderCatalogue(draft, calls, { today: TODAY, publicUrl: 'hromada.example.org' }),
    ).rejects.toThrow('PUBLIC_URL');
  });
});

describe('renderCatalogue: size', () => {
  it('stays under Gmail’s ~102 KB clipping limit for 60 typical calls', async () => {
    const calls = Array.from({ length: 60 }, (_, i) =>
      makeCall(`c${i}`, {
        title: `Конкурс мікрогрантів для громад «Відновлення разом» — хвиля ${i + 1}`,
        summary:
          'Програма підтримує громади у відновленні публічних будівель і підвищенні їхньої енергоефективності. ' +
          'Гранти покривають обладнання, ремонт і навчання персоналу. Пріоритет мають постраждалі громади.',
        url: `https://decentralization.gov.ua/news/${20_000 + i}`,
        topics: [TOPICS[i % 10]!],
        deadline: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
        deadlineTime: i % 2 ? '16:00' : null,
        applicants: ['local_government', 'communal_enterprise', 'ngo'],
        regions: i % 3 ? ['UA'] : ['UA-12', 'UA-63', 'UA-14'],
      }),
    );
    const { html } = await render(calls);
    expect(Buffer.byteLength(html)).toBeLessThan(102_000);
  });
});

describe('helpers', () => {
  it.each([
    ['<b>', '&lt;b&gt;'],
    [`"a" & 'b'`, '&quot;a&quot; &amp; &#39;b&#39;'],
    ['&amp;', '&amp;amp;'],
  ])('escapeHtml(%s) → %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['https://example.org/a?b=1&c=2', 'https://example.org/a?b=1&c=2'],
    ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['ftp://example.org/file', null],
    ['not a url', null],
  ])('safeUrl(%s) → %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it('fills placeholders once, so a value that looks like a placeholder stays text', () => {
    expect(fillTemplate('<p>{{a}}</p>{{{b}}}', { a: '{{b}} & co', b: '<i>x</i>' })).toBe(
      '<p>{{b}} &amp; co</p><i>x</i>',
    );
  });

  it('throws on a placeholder without a value, naming it', () => {
    expect(() => fillTemplate('{{title}} {{typo}}', { title: 'x' })).toThrow('"typo"');
  });
});
