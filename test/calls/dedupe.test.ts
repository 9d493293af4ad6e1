import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
// Cross-source dedupe: copies of one call cluster together (other languages, URL variants,
// damaged text, deadline extensions); another year, lot, oblast edition or programme never does.
import { describe, expect, it } from 'vitest';
import { fastDoc, generateCorpus } from '../../src/bench/dedupe.ts';
import { type AnnouncementLine, dedupeLines } from '../../src/calls/contract.ts';
import {
  blocker,
  callFingerprint,
  clusterAnnouncements,
  type DedupeDoc,
  dedupeFeatures,
  editionNumbers,
  foldText,
  isCanonicalShape,
  languageFreeUrl,
  normalizeTitle,
  oblastsIn,
  tokenIds,
  tokenText,
  urlRelated,
} from '../../src/calls/dedupe.ts';
import { canonicalUrl } from '../../src/calls/url.ts';

type Doc = Partial<Parameters<typeof dedupeFeatures>[0]> & { id: string; title: string };

function doc(d: Doc): DedupeDoc {
  return dedupeFeatures(
    {
      text: '',
      url: null,
      donor: null,
      programme: null,
      deadline: null,
      amountMax: null,
      currency: null,
      regions: [],
      lang: 'uk',
      ...d,
    },
    canonicalUrl,
  );
}

const SADY = 'Фонд «Зелені сади» оголошує конкурс для громад на облаштування громадських садів і скверів.';

describe('feature helpers', () => {
  it.each([
    ['ЛОТ 2 «Хаби»', [2]],
    ['третій набір проєктних пропозицій', [3]],
    ['3rd call for proposals', [3]],
    ['Second Call for Proposals is open', [2]],
    ['Ruszył III nabór wniosków', [3]],
    ['w trzecim naborze na projekty regularne', [3]],
    ['хвиля 2', [2]],
    ['раунд 1 лютого 2027', []],
    ['Конкурс 2027 року', []],
    ['４-й конкурс', [4]],
  ])('edition numbers of %s', (s, want) => {
    expect(editionNumbers(foldText(s))).toEqual(want);
  });

  it('folds Latin look-alikes inside Cyrillic words', () => {
    expect(foldText('Kонкypс Пpограмa')).toBe(foldText('Конкурс Програма'));
  });

  it.each([
    ['для громад Львівщини', ['UA-46']],
    ['для ОГС Чернгвсько област', ['UA-74']],
    ['small grants for Zhytomyr Oblast', ['UA-18']],
    ['на Волині', ['UA-07']],
    ['вільні простори', []],
    ['проєкти безпеки людини на низовому рівні', []],
    ['рівних можливостей для жінок', []],
    ['громади Рівненщини та Рівне', ['UA-56']],
    ['Rivne Oblast', ['UA-56']],
    // skeletons alone would read these as oblasts
    ['Inclusive Art Events', []],
    ['Horizon Europe: горизонт планування', []],
    ['дискусії про дискримінацію, desk research', []],
    ['рівність і равенство', []],
    ['громади Ізюмського району, заміщення посад', []],
    ['пілотування проєкту', []],
    ['партнери з Вільнюса, вільнюський муніципалітет', []],
    // Russian forms of oblasts keep their own stems
    ['Днепропетровщины, Киевщине, Львовщине, Ивано-Франковской', ['UA-12', 'UA-26', 'UA-32', 'UA-46']],
  ])('oblasts in %s', (s, want) => {
    expect(oblastsIn(foldText(s))).toEqual(want);
  });

  it('removes language segments from page URLs', () => {
    expect(languageFreeUrl('https://fund.org/en/opportunity/17')).toBe(
      languageFreeUrl('https://fund.org/opportunity/17'),
    );
    expect(languageFreeUrl('https://emb.example/itpr_en/x.html')).toBe(
      languageFreeUrl('https://emb.example/itpr_uk/x.html'),
    );
  });

  it('keeps the pipeline exports', () => {
    expect(normalizeTitle('«Зелені  сади» 2027')).toBe('зелені сади 2027');
    expect(callFingerprint({ title: 'A', deadline: null, deadlineKind: 'unknown' })).toMatch(/^t1:/);
  });
});

const base = {
  donor: 'Green Gardens Fund',
  deadline: '2027-03-10',
  amountMax: 300000,
  currency: 'UAH',
  text: `${SADY} Максимальна сума — до 300 000 грн. Кінцевий термін: 10.03.2027.`,
};

describe('pairs that are the same call', () => {
  const same: [string, Doc, Doc][] = [
    [
      'http/www/amp/utm URL variants',
      { id: 'a', ...base, title: '«Зелені сади» 2027', url: 'https://gardens.org/call/2027' },
      {
        id: 'b',
        ...base,
        title: 'Зелені сади — прийом заявок',
        url: 'http://www.gardens.org/call/2027/amp?utm_source=fb&fbclid=x',
      },
    ],
    [
      'damaged letters and look-alikes',
      { id: 'a', ...base, title: 'Конкурс «Зелені сади» для громад 2027' },
      {
        id: 'b',
        ...base,
        title: 'Kонкуpс «Зелен сади» для громад 2027',
        text: base.text.replace(/[іїє]/g, ''),
      },
    ],
    [
      'extension: later deadline in a text that says so',
      { id: 'a', ...base, title: '«Зелені сади» 2027' },
      {
        id: 'b',
        ...base,
        deadline: '2027-03-24',
        title: '«Зелені сади» 2027 — дедлайн продовжено',
        text: `${base.text} Термін подання продовжено до 24.03.2027.`,
      },
    ],
    [
      'English translation of the same page id',
      { id: 'a', ...base, title: '«Зелені сади» 2027', url: 'https://gardens.org/opportunity/44' },
      {
        id: 'b',
        ...base,
        lang: 'en',
        title: 'Green Gardens 2027: call for communities',
        text: 'The Green Gardens Fund invites communities to apply. Up to UAH 300,000.',
        url: 'https://gardens.org/en/opportunity/44',
      },
    ],
    [
      'a relay quoting the official link',
      {
        id: 'a',
        ...base,
        title: 'Громади можуть отримати до 300 тис. грн на сквери',
        text: `${base.text} Детальніше: https://gardens.org/call/2027`,
      },
      { id: 'b', ...base, title: '«Зелені сади» 2027', url: 'https://gardens.org/call/2027' },
    ],
    [
      'a relay that names a co-funder as the donor',
      { id: 'a', ...base, title: '«Зелені сади» 2027', url: 'https://gardens.org/call/2027' },
      {
        id: 'b',
        ...base,
        donor: 'European Union',
        title: '«Зелені сади» 2027 за підтримки ЄС',
        url: 'https://gardens.org/call/2027?fbclid=abc',
      },
    ],
  ];
  it.each(same)('%s', (_, a, b) => {
    const res = clusterAnnouncements([doc(a), doc(b)]);
    expect(res[0]!.cluster).toBe('a');
    expect(res[1]!.cluster).toBe('a');
    expect(res[1]!.evidence.join(' ')).toMatch(/merged/);
  });
});

describe('hard negatives never merge', () => {
  const diff: [string, Doc, Doc, RegExp][] = [
    [
      '2026 vs 2027 edition',
      { id: 'a', ...base, title: '«Зелені сади» 2027' },
      { id: 'b', ...base, title: '«Зелені сади» 2026', deadline: null },
      /year/,
    ],
    [
      'лот 1 vs лот 2 on the same page',
      { id: 'a', ...base, title: '«Зелені сади» 2027 — ЛОТ 1', url: 'https://gardens.org/call/2027' },
      { id: 'b', ...base, title: '«Зелені сади» 2027 — ЛОТ 2', url: 'https://gardens.org/call/2027?lot=2' },
      /lot/,
    ],
    [
      'Львівщина vs Волинь edition',
      { id: 'a', ...base, title: '«Зелені сади» 2027 для громад Львівщини', regions: ['UA-46'] },
      { id: 'b', ...base, title: '«Зелені сади» 2027 для громад Волині', regions: ['UA-07'] },
      /oblast/,
    ],
    [
      'two programmes of one donor, same deadline and amount',
      { id: 'a', ...base, title: '«Зелені сади» 2027' },
      {
        id: 'b',
        ...base,
        title: '«Чисті річки» 2027',
        text: base.text.replace('Зелені сади', 'Чисті річки'),
      },
      /programme/,
    ],
    [
      'two programmes of one donor whose quoted name both titles share',
      { id: 'a', ...base, title: 'Фонд «Довкілля» оголошує конкурс «Зелені сади» 2027' },
      {
        id: 'b',
        ...base,
        title: 'Фонд «Довкілля» оголошує конкурс «Чисті річки» 2027',
        text: base.text.replace('Зелені сади', 'Чисті річки'),
      },
      /programme/,
    ],
    [
      'spring vs autumn round',
      { id: 'a', ...base, title: '«Зелені сади»: весняний раунд 2027' },
      { id: 'b', ...base, title: '«Зелені сади»: осінній раунд 2027', deadline: '2027-10-10' },
      /season|deadline/,
    ],
    [
      'another deadline without an extension',
      { id: 'a', ...base, title: '«Зелені сади» 2027' },
      { id: 'b', ...base, title: '«Зелені сади» 2027', deadline: '2027-05-10' },
      /deadline/,
    ],
  ];
  it.each(diff)('%s', (_, a, b, why) => {
    const A = doc(a);
    const B = doc(b);
    expect(blocker(A, B)).toMatch(why);
    const res = clusterAnnouncements([A, B]);
    expect(res[0]!.cluster).not.toBe(res[1]!.cluster);
  });

  it('refuses a union that would join two conflicting documents through a third', () => {
    // two rounds (a blocker); the third copy names no round
    const lviv = doc({ id: 'a', ...base, title: '«Зелені сади» 2027, хвиля 1: для громад' });
    const volyn = doc({ id: 'b', ...base, title: '«Зелені сади» 2027, хвиля 2: для громад' });
    const vague = doc({ id: 'c', ...base, title: '«Зелені сади» 2027: для громад' });
    const res = clusterAnnouncements([lviv, volyn, vague]);
    expect(res[0]!.cluster).not.toBe(res[1]!.cluster);
    expect(res.flatMap((r) => r.evidence).join(' ')).toMatch(/refused/);
  });
});

describe('dedupeLines (the `hromada-grants dedupe` contract)', () => {
  it('clusters relayed copies and names the cluster by its smallest id', () => {
    const text =
      'Фонд «Зелені сади» оголошує конкурс «Зелені сади» 2027 для громад. Максимальна сума гранту — до 300 000 грн. Кінцевий термін подання заявок: 10.03.2027.';
    const lines: AnnouncementLine[] = [
      { id: 'z9', title: '«Зелені сади» 2027', text, url: 'https://gardens.org/call/2027' },
      {
        id: 'k1',
        title: '«Зелені сади» 2027 — прийом заявок',
        text,
        url: 'http://www.gardens.org/call/2027/',
      },
      { id: 'm5', title: '«Зелені сади» 2026', text: text.replace(/2027/g, '2026') },
    ];
    const out = dedupeLines(lines);
    expect(out.map((o) => o.cluster)).toEqual(['k1', 'k1', 'm5']);
  });
});

describe('editor overrides', () => {
  const gardens = doc({
    id: 'a',
    ...base,
    title: '«Зелені сади» 2027',
    url: 'https://gardens.org/call/2027',
  });
  const relay = doc({
    id: 'b',
    ...base,
    title: 'Зелені сади — прийом заявок',
    url: 'http://www.gardens.org/call/2027/amp?utm_source=fb',
  });
  const rivers = doc({
    id: 'c',
    ...base,
    title: '«Чисті річки» 2027',
    text: base.text.replace('Зелені сади', 'Чисті річки'),
  });
  const lastYear = doc({ id: 'd', ...base, title: '«Зелені сади» 2026', deadline: null });

  it('an editor merge joins two calls the scorer keeps apart, even across a blocker', () => {
    expect(blocker(gardens, lastYear)).toMatch(/year/);
    const res = clusterAnnouncements([gardens, lastYear, rivers], { mustLink: [[1, 0]] });
    expect(res.map((r) => r.cluster)).toEqual(['a', 'a', 'c']);
    expect(res[0]!.evidence).toContain('merged a~d (editor merge)');
    expect(res[1]!.evidence).toContain('merged a~d (editor merge)');
  });

  it('an editor split keeps two copies apart and says why', () => {
    const res = clusterAnnouncements([gardens, relay], { cannotLink: [[0, 1]] });
    expect(res[0]!.cluster).toBe('a');
    expect(res[1]!.cluster).toBe('b');
    expect(res.flatMap((r) => r.evidence).join('\n')).toMatch(/^refused a~b .*\(editor split\)$/m);
  });

  it('an editor split also holds through a third copy', () => {
    const third = doc({
      id: 'e',
      ...base,
      title: '«Зелені сади» 2027 — деталі',
      url: 'https://gardens.org/call/2027',
    });
    const res = clusterAnnouncements([gardens, relay, third], { cannotLink: [[0, 1]] });
    expect(res[0]!.cluster).not.toBe(res[1]!.cluster);
    // the third copy still joins one of them
    expect([res[0]!.cluster, res[1]!.cluster]).toContain(res[2]!.cluster);
  });

  it('a split wins over a merge of the same pair', () => {
    const res = clusterAnnouncements([gardens, relay], { mustLink: [[0, 1]], cannotLink: [[1, 0]] });
    expect(res[0]!.cluster).not.toBe(res[1]!.cluster);
    expect(res[0]!.evidence).toContain('refused a~b (editor merge) (editor split)');
  });

  it('a merged cluster still refuses a copy that conflicts with one of its members', () => {
    // the editor joined the 2027 call with its 2026 page; a 2025 announcement stays out
    const y2025 = doc({ id: 'f', ...base, title: '«Зелені сади» 2025', deadline: null });
    const res = clusterAnnouncements([gardens, lastYear, y2025], { mustLink: [[0, 1]] });
    expect(res.map((r) => r.cluster)).toEqual(['a', 'a', 'f']);
  });

  it('breaks a tie between equally good copies by document id, whatever the input order', () => {
    // p and q are two rounds (a blocker); x fits both equally well (two oblast editions would
    // leave x out altogether: see 'a copy naming no oblast that matches two oblast editions')
    const x = doc({ id: 'x', ...base, title: '«Зелені сади» 2027' });
    const p = doc({ id: 'p', ...base, title: '«Зелені сади» 2027, хвиля 1' });
    const q = doc({ id: 'q', ...base, title: '«Зелені сади» 2027, хвиля 2' });
    for (const order of [
      [x, p, q],
      [q, x, p],
      [x, q, p],
      [q, p, x],
    ]) {
      const got = new Map(clusterAnnouncements(order).map((r) => [r.id, r.cluster]));
      expect(got).toEqual(
        new Map([
          ['x', 'p'],
          ['p', 'p'],
          ['q', 'q'],
        ]),
      );
    }
  });

  it('rejects an index that names no document', () => {
    expect(() => clusterAnnouncements([gardens], { mustLink: [[0, 3]] })).toThrow(/mustLink.*3/);
  });

  it('does not depend on the order of the documents', () => {
    const all = [gardens, relay, rivers, lastYear];
    const want = new Map(clusterAnnouncements(all).map((r) => [r.id, r.cluster]));
    for (const order of [
      [3, 2, 1, 0],
      [1, 3, 0, 2],
      [2, 0, 3, 1],
    ]) {
      const got = clusterAnnouncements(order.map((k) => all[k]!));
      expect(new Map(got.map((r) => [r.id, r.cluster]))).toEqual(want);
    }
    expect(want.get('b')).toBe('a');
    expect(new Set(want.values()).size).toBe(3);
  });
});

describe('features and blocking at scale', () => {
  it('recognizes already-canonical page URLs exactly as canonicalUrl would leave them', () => {
    for (const u of [
      'https://gardens.org/call/2027',
      'https://ua.usembassy.gov/programs/yny',
      'https://news123.ua/n/4567',
      'https://t.me/granty/77',
      'https://gardens.org',
    ])
      expect([u, isCanonicalShape(u)]).toEqual([u, canonicalUrl(u) === u]);
    for (const u of [
      'http://gardens.org/call',
      'https://www.gardens.org/call',
      'https://Gardens.org/call',
      'https://gardens.org/call/',
      'https://gardens.org/call/amp',
      'https://gardens.org/news.amp',
      'https://gardens.org/a/../b',
      'https://gardens.org/call?utm_source=fb',
      'https://gardens.org:443/call',
      'https://127.0.0.1/call',
    ])
      expect(isCanonicalShape(u)).toBe(false);
    // and never claims a URL canonicalUrl would change (random URL-like strings)
    let seed = 1;
    const rnd = (k: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % k;
    };
    const pick = (chars: string, max: number) =>
      Array.from({ length: 1 + rnd(max) }, () => chars[rnd(chars.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      const host = Array.from({ length: 1 + rnd(3) }, () => pick('abz09-x', 5)).join('.');
      const path = Array.from({ length: rnd(4) }, () => `/${pick('abcXYZ019-._~', 6)}`).join('');
      const u = `https://${host}.${pick('abz09-', 4)}${path}${rnd(10) === 0 ? '/amp' : ''}`;
      if (isCanonicalShape(u)) expect(canonicalUrl(u)).toBe(u);
    }
  });

  it('splits unusual characters the same way as the plain fast path', () => {
    expect(editionNumbers(foldText('Лот 2 — «Сади» 🌳'))).toEqual([2]);
    expect(oblastsIn(foldText('Громади Львівщини ½ 🌳'))).toEqual(['UA-46']);
    // a title with a character outside the fast path's ranges gets the same tokens otherwise
    const plain = doc({ id: 'a', ...base, title: '«Зелені сади» для громад Волині' });
    const emoji = doc({ id: 'b', ...base, title: '«Зелені сади» для громад Волині 🌳' });
    expect(tokenIds(emoji)).toEqual(tokenIds(plain));
  });

  it('keeps every token of a document whatever the size of the vocabulary', () => {
    // push the interned vocabulary past 16 bits, then check one document's tokens read back
    let words: string[] = [];
    for (let i = 0; i < 500; i++) {
      // 150 words: all within the 1500 characters of text that count
      words = Array.from({ length: 150 }, (_, k) => String(1_000_000 + i * 150 + k));
      doc({ id: `v${i}`, title: words.slice(0, 3).join(' '), text: words.join(' ') });
    }
    const last = doc({ id: 'last', title: words.slice(0, 3).join(' '), text: words.join(' ') });
    const { title, text } = tokenIds(last);
    expect(title.map(tokenText)).toEqual(words.slice(0, 3));
    expect(text.map(tokenText)).toEqual(words);
    expect(Math.max(...text)).toBeGreaterThan(0xffff);
  });

  const synthetic = generateCorpus(1500).map(fastDoc);

  it('without evidence (the offline CLI unless --explain) the clusters are the same and no reasons are kept', () => {
    const explained = clusterAnnouncements(synthetic);
    const bare = clusterAnnouncements(synthetic, { evidence: false });
    expect(bare.map((r) => r.cluster)).toEqual(explained.map((r) => r.cluster));
    expect(explained.some((r) => r.evidence.length > 0)).toBe(true);
    expect(bare.every((r) => r.evidence.length === 0)).toBe(true);
  });

  it('clusters the same input the same way whatever the process clustered before', () => {
    // token ids depend on the order words were first met; blocking must not
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ['src/bin/run-ts.js', 'test/helpers/cluster-after.ts', ...args], {
        encoding: 'utf8',
      });
    expect(run('--warm')).toBe(run());
  }, 60_000);

  it('blocked candidates find the same clusters as comparing every pair', () => {
    const blocked = clusterAnnouncements(synthetic).map((r) => r.cluster);
    const all = clusterAnnouncements(synthetic, { allPairs: true }).map((r) => r.cluster);
    expect(blocked).toEqual(all);
    expect(new Set(blocked).size).toBeLessThan(synthetic.length);
  });

  it('clusters the same documents the same way in any order', () => {
    const want = new Map(clusterAnnouncements(synthetic).map((r) => [r.id, r.cluster]));
    let seed = 7;
    const shuffled = [...synthetic];
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const got = new Map(clusterAnnouncements(shuffled).map((r) => [r.id, r.cluster]));
    expect(got).toEqual(want);
  });
});

describe('evidence an editor would use for reworded and translated copies', () => {
  const merged = (...ds: Doc[]) => {
    const res = clusterAnnouncements(ds.map(doc));
    return {
      same: new Set(res.map((r) => r.cluster)).size === 1,
      evidence: res.flatMap((r) => r.evidence).join(' '),
    };
  };
  const ministry = {
    donor: 'Ministry of Youth and Sports of Ukraine',
    deadline: '2026-11-20',
    amountMax: 1_000_000,
    currency: 'UAH',
  };

  it('same donor, deadline and amount, and one headline restated in the other copy: one call', () => {
    const r = merged(
      {
        id: 'a',
        ...ministry,
        title: 'Мінмолодьспорт оголошує конкурс для молодіжних громадських організацій',
        text: 'Міністерство молоді та спорту оголошує конкурс проєктів ІГС — інститутів громадянського суспільства. Гранти до 1 млн грн. Кінцевий термін — 20 листопада 2026 року.',
      },
      {
        id: 'b',
        ...ministry,
        title: 'До 1 млн грн на проєкти ІГС: конкурс Мінмолодьспорту',
        text: 'Стартував прийом заявок. Подавайтеся до 20.11.2026, фінансування — до мільйона гривень на рік.',
      },
    );
    expect(r.same).toBe(true);
    expect(r.evidence).toMatch(/headline restated/);
  });

  it('two directions of one ministry with the same deadline and amount stay apart', () => {
    const template = (what: string, subject: string) =>
      `Стартував прийом заявок на конкурс проєктів інститутів громадянського суспільства ${what} на 2027 рік. ${subject} Розмір гранту — до 1 млн грн. Кінцевий термін — 20.11.2026.`;
    const r = merged(
      {
        id: 'a',
        ...ministry,
        title: 'Конкурс проєктів ІГС: молодіжна політика 2027',
        text: template(
          'у сфері молодіжної політики',
          'Підтримку отримають проєкти з розвитку молодіжної роботи, неформальної освіти та волонтерства.',
        ),
      },
      {
        id: 'b',
        ...ministry,
        title: 'Конкурс проєктів ІГС: національно-патріотичне виховання 2027',
        text: template(
          'з національно-патріотичного виховання',
          'Підтримуються вшанування захисників і захисниць України та військово-патріотичні табори.',
        ),
      },
    );
    expect(r.same).toBe(false);
  });

  const farms = { donor: 'UNDP', deadline: '2027-03-25', amountMax: 500_000, currency: 'UAH' };
  const farmsUk = {
    id: 'a',
    ...farms,
    title: 'Фермери області можуть отримати до 500 тисяч гривень від ПРООН',
    text: 'ПРООН приймає заявки фермерських господарств Харківщини до 25 березня 2027 року.',
    regions: ['UA-63'],
    topics: ['agriculture'],
  };
  const farmsEn = {
    id: 'b',
    ...farms,
    lang: 'en',
    title: 'UNDP launches micro-grants to restore farms in Kharkiv Oblast',
    text: 'Farms can apply until 25 March 2027 for up to UAH 500,000.',
    regions: ['UA-63'],
    topics: ['agriculture'],
  };

  it('a translation with the same donor, deadline and amount and one more agreeing fact: one call', () => {
    const r = merged(farmsUk, farmsEn);
    expect(r.same).toBe(true);
    expect(r.evidence).toMatch(/translation: same donor, deadline and amount/);
  });

  it('a translation that leaves out the amount joins by donor, deadline and the same oblasts', () => {
    const noAmount = { ...farmsEn, amountMax: null, currency: null };
    expect(merged(farmsUk, noAmount).same).toBe(true);
    // without the oblasts to corroborate it, a missing amount is not enough
    expect(merged({ ...farmsUk, regions: [] }, { ...noAmount, regions: [] }).same).toBe(false);
  });

  it('copies naming an organization the extractor does not know join by its acronym, not by its absence', () => {
    const estdev = { deadline: '2027-02-12', amountMax: 50_000, currency: 'EUR', regions: ['UA-18'] };
    const uk = {
      id: 'a',
      ...estdev,
      title: 'Оголошено конкурс малих грантів для громад Житомирської області на 2027 рік',
      text: 'Організатор — Естонський центр міжнародного розвитку (ESTDEV). Гранти на відновлення шкіл.',
      topics: ['energy'],
    };
    const en = {
      id: 'b',
      ...estdev,
      lang: 'en',
      title: 'ESTDEV small grants for Zhytomyr Oblast 2027',
      text: 'The Estonian Centre for International Development (ESTDEV) invites applications. Grants of up to €50,000.',
      topics: ['energy'],
    };
    expect(merged(uk, en).same).toBe(true);
    const other = {
      ...en,
      title: 'RITA small grants for Zhytomyr Oblast 2027',
      text: en.text.replaceAll('ESTDEV', 'RITA'),
    };
    expect(merged(uk, other).same).toBe(false);
  });

  it("one oblast's council named in two languages is one funder; another oblast's is not", () => {
    const council = { deadline: '2026-04-03', amountMax: 1_000_000, currency: 'UAH', regions: ['UA-71'] };
    const uk = doc({
      id: 'a',
      ...council,
      donor: 'Черкаська обласна рада',
      title: 'Обласний конкурс проєктів 2026',
    });
    const ru = doc({
      id: 'b',
      ...council,
      donor: 'Черкасский областной совет',
      title: 'Областной конкурс 2026',
      lang: 'ru',
    });
    expect(blocker(uk, ru)).toBeNull();
    expect(blocker(uk, { ...ru, donor: 'Полтавская областная рада' })).toMatch(/donor/);
    // an oblast administration named without its oblast is any oblast's
    expect(blocker(uk, { ...ru, donor: 'Обласна військова адміністрація' })).toBeNull();
  });

  it('a copy crediting the funder and one crediting the ministry that names it are one call', () => {
    const facility = {
      programme: 'Ukraine Facility',
      deadline: '2026-05-29',
      amountMax: 50_000_000,
      currency: 'UAH',
    };
    const ministry = doc({
      id: 'a',
      ...facility,
      donor: 'Ministry for Development of Communities and Territories',
      parties: ['Ministry for Development of Communities and Territories', 'European Union'],
      title: 'Мінрозвитку оголошує відбір проєктів відновлення громад у межах Ukraine Facility',
      text: 'Фінансування — коштом ЄС у межах Ukraine Facility, до 50 млн грн на проєкт. Заявки до 29 травня.',
    });
    const eu = doc({
      id: 'b',
      ...facility,
      lang: 'en',
      donor: 'European Union',
      parties: ['European Union'],
      title: 'Ukraine Facility: call for community recovery projects',
      text: 'Projects up to UAH 50 million. Applications by 29 May 2026.',
    });
    expect(sameCluster([ministry, eu])).toBe(true);
  });

  it('copies whose extracted donors differ join by the call’s quoted name and deadline, as blocker() allows', () => {
    const call = { deadline: '2026-05-22', amountMax: 150_000, currency: 'UAH', regions: ['UA-77'] };
    const council = doc({
      id: 'a',
      ...call,
      donor: 'Чернівецька міська рада',
      title: 'Конкурс «Безбар’єрні Чернівці 2026»: до 150 тис. грн для громадських організацій',
      text: 'Чернівецька міська рада оголошує конкурс «Безбар’єрні Чернівці 2026». Заявки до 22 травня.',
    });
    const department = doc({
      id: 'b',
      ...call,
      donor: 'Чернівецька обласна військова адміністрація',
      title: 'Громадські організації можуть отримати кошти на доступність',
      text: 'Обласна адміністрація нагадує про конкурс «Безбар’єрні Чернівці 2026»: до 150 тис. грн, заявки до 22 травня.',
    });
    expect(blocker(council, department)).toBeNull();
    expect(sameCluster([council, department])).toBe(true);
    // a council named without its city is any city's (here with no quoted name to tie them)
    const unnamed = { ...department, quoted: [], names: [] };
    expect(blocker(council, { ...unnamed, donor: 'Міська рада' })).toBeNull();
    expect(blocker(council, { ...unnamed, donor: 'Полтавська міська рада' })).toMatch(/donor/);
  });

  it('funders whose names are acronyms stay apart (their skeletons are empty)', () => {
    const water = { deadline: '2026-06-19', regions: ['UA-48'], title: 'Обладнання для водоканалів громад' };
    const jica = doc({ id: 'a', ...water, donor: 'JICA' });
    expect(blocker(jica, doc({ id: 'b', ...water, donor: 'KOICA' }))).toMatch(/donor/);
    expect(blocker(jica, doc({ id: 'b', ...water, donor: 'IOM' }))).toMatch(/donor/);
    expect(
      blocker(doc({ id: 'c', ...water, donor: 'USAID' }), doc({ id: 'd', ...water, donor: 'Sida' })),
    ).toMatch(/donor/);
    // a state fund is not an oblast's body
    const fund = doc({ id: 'e', ...water, donor: 'State Regional Development Fund' });
    expect(
      blocker(fund, doc({ id: 'f', ...water, donor: 'Миколаївська обласна військова адміністрація' })),
    ).toMatch(/donor/);
  });

  it("one city's council named in two languages, «горсовет» included, is one funder", () => {
    const city = { deadline: '2026-04-10', amountMax: 500_000, currency: 'UAH', regions: ['UA-63'] };
    const uk = doc({ id: 'a', ...city, donor: 'Харківська міська рада', title: 'Конкурс проєктів ІГС 2026' });
    const ru = doc({
      id: 'b',
      ...city,
      donor: 'Харьковский горсовет',
      title: 'Конкурс проектов ОО',
      lang: 'ru',
    });
    expect(blocker(uk, ru)).toBeNull();
    expect(blocker(uk, { ...ru, donor: 'Днепровский горсовет' })).toMatch(/donor/);
  });

  it('copies naming one funder in two languages meet as candidates though no title word is shared', () => {
    const call = { deadline: '2026-04-10', regions: ['UA-63'], topics: ['social'] };
    const uk = doc({
      id: 'a',
      ...call,
      donor: 'Харківська міська рада',
      title: 'Конкурс проєктів ІГС для фінансування з бюджету м. Харкова у 2026 році',
      text: 'Харківська міська рада оголошує конкурс проєктів інститутів громадянського суспільства. Документи приймаються до 10 квітня.',
    });
    const ru = doc({
      id: 'b',
      ...call,
      lang: 'ru',
      donor: 'Харьковский горсовет',
      amountMax: 500_000,
      currency: 'UAH',
      title: 'Харьковские ОО могут получить до 500 тысяч из горбюджета: объявлен конкурс',
      text: 'Горсовет объявил конкурс проектов общественных организаций. Максимум на проект — 500 тыс. гривен. Документы принимают до 10 апреля.',
    });
    expect(sameCluster([uk, ru])).toBe(true);
  });

  it('a translation naming no donor joins by deadline, amount, the same oblasts and subjects', () => {
    const unnamed = { ...farmsEn, donor: null };
    expect(merged(farmsUk, unnamed).same).toBe(true);
    expect(merged(farmsUk, { ...unnamed, topics: ['veterans', 'agriculture', 'sport'] }).same).toBe(false);
    expect(merged(farmsUk, { ...unnamed, amountMax: null }).same).toBe(false);
    // a copy whose subjects the extractor missed is no evidence either way
    const noSubjects = { ...unnamed, topics: [] };
    expect(merged(farmsUk, noSubjects).same).toBe(true);
    expect(merged(farmsUk, { ...noSubjects, amountMax: null }).same).toBe(false);
  });

  it('same-language copies opening one oblast’s call with the same deadline and grant are one call', () => {
    const oblast = { deadline: '2026-04-03', amountMax: 1_000_000, currency: 'UAH', regions: ['UA-05'] };
    const ova = doc({
      id: 'a',
      ...oblast,
      donor: 'Вінницька обласна військова адміністрація',
      title: 'Обласний конкурс проєктів розвитку громад 2026',
      text: 'ОВА оголосила обласний конкурс проєктів розвитку територіальних громад: до 1 млн грн з обласного бюджету на укриття та енергоефективність.',
    });
    const council = doc({
      id: 'b',
      ...oblast,
      title: 'До уваги структурних підрозділів та закладів громади!',
      text: 'Міська рада інформує: ОВА оголосила обласний конкурс проєктів розвитку громад (до 1 млн грн). Пропозиції щодо укриттів просимо подати у відділ.',
    });
    expect(sameCluster([ova, council])).toBe(true);
    expect(sameCluster([ova, { ...council, regions: ['UA-68'] }])).toBe(false);
  });

  it('a copy whose text sets its call apart from the other copy’s programme is another call', () => {
    const japan = {
      donor: 'Embassy of Japan',
      deadline: '2026-10-31',
      amountMax: 10_000_000,
      currency: 'JPY',
      lang: 'en',
    };
    const ggp = doc({
      id: 'a',
      ...japan,
      programme: 'Kusanone',
      title: 'Call for Applications: Grant Assistance for Grassroots Human Security Projects (FY2027)',
      text: 'The Embassy of Japan is accepting applications for the GGP (“Kusanone”) for fiscal year 2027. Up to JPY 10 million. Deadline: 31 October 2026.',
    });
    const cultural = doc({
      id: 'b',
      ...japan,
      apart: ['Kusanone'],
      title: 'Call for Applications: Grant Assistance for Cultural Grassroots Projects (FY2027)',
      text: 'The Embassy of Japan invites applications for Cultural Grassroots Projects for fiscal year 2027. This programme is separate from the GGP (“Kusanone”). Up to JPY 10 million. Deadline: 31 October 2026.',
    });
    expect(blocker(ggp, cultural)).toMatch(/sets its call apart from the other's programme Kusanone/);
    expect(sameCluster([ggp, cultural])).toBe(false);
  });

  it('copies of a call that states no grant join by funder, deadline (or none) and a restated headline', () => {
    const fund = { donor: 'State Regional Development Fund', deadline: '2026-06-15' };
    const ministry = doc({
      id: 'a',
      ...fund,
      title: 'Розпочато прийом проєктів регіонального розвитку для фінансування з ДФРР у 2027 році',
      text: 'Мінрозвитку оголошує: громади подають проєкти регіонального розвитку для фінансування з ДФРР у 2027 році до 15 червня 2026 року.',
    });
    const relay = {
      id: 'b',
      ...fund,
      title: 'ДФРР-2027: громади подають проєкти до 15 червня',
      text: 'Громади можуть подати проєкти через облдержадміністрації. Кінцевий термін — 15 червня.',
    };
    const r = clusterAnnouncements([ministry, doc(relay)]);
    expect(r[1]!.cluster).toBe(r[0]!.cluster);
    expect(r[1]!.evidence.join(' ')).toMatch(/same donor, deadline, neither states a grant/);
    // an oblast's relay leaving out the date as well
    const oblast = doc({
      id: 'c',
      donor: 'State Regional Development Fund',
      regions: ['UA-74'],
      title: 'Чернігівщина: триває прийом проєктів регіонального розвитку для фінансування з ДФРР',
      text: 'Обласна адміністрація нагадує: громади області подають проєкти регіонального розвитку для фінансування з ДФРР у 2027 році.',
    });
    expect(sameCluster([ministry, oblast])).toBe(true);
    // a copy naming a programme the other does not name is another call of the donor
    expect(sameCluster([ministry, doc({ ...relay, programme: 'Kusanone' })])).toBe(false);
  });

  it('a relay leaving out the grant joins by funder, deadline and the operator’s acronym', () => {
    const sida = { donor: 'Sida', deadline: '2026-03-02' };
    const amu = doc({
      id: 'a',
      ...sida,
      amountMax: 1_200_000,
      currency: 'SEK',
      title: 'Шведський центр ICLD запрошує громади до муніципальних партнерств',
      text: 'Шведський міжнародний центр місцевої демократії (ICLD) за фінансування Sida оголосив набір 2026 року. Кінцевий термін — 2 березня 2026 року.',
    });
    const oblast = {
      id: 'b',
      ...sida,
      regions: ['UA-07'],
      title: 'Громади Волині запрошують до партнерства зі шведськими муніципалітетами',
      text: 'Волинська ОВА повідомляє про Програму муніципальних партнерств ICLD (фінансування Sida). Заявки подаються до 2 березня.',
    };
    const r = clusterAnnouncements([amu, doc(oblast)]);
    expect(r[1]!.cluster).toBe(r[0]!.cluster);
    expect(r[1]!.evidence.join(' ')).toMatch(/same donor, deadline and operator/);
    // without the operator both name, the funder and date alone are not enough
    const unnamed = doc({ ...oblast, text: oblast.text.replace('ICLD ', '') });
    expect(sameCluster([amu, unnamed])).toBe(false);
  });

  it('copies of a named programme open until its money runs out join by programme and grant, in any language', () => {
    const vlasna = {
      donor: 'Government of Ukraine',
      programme: 'Vlasna Sprava',
      amountMax: 250_000,
      currency: 'UAH',
    };
    const uk = doc({
      id: 'a',
      ...vlasna,
      title: 'Грант «Власна справа» у 2026 році: до 250 тисяч гривень на бізнес',
      text: 'Уряд продовжує програму «Власна справа». Заявки через Дію приймаються постійно.',
    });
    const ru = {
      id: 'b',
      ...vlasna,
      lang: 'ru',
      regions: ['UA-51'],
      title: 'Одесситы могут получить до 250 тысяч гривен на собственное дело',
      text: 'Государственная программа «Власна справа» продолжает работать. Сроков нет — прием идет постоянно.',
    };
    expect(sameCluster([uk, doc(ru)])).toBe(true);
    // a copy crediting the ministry that runs the programme meets the others by programme and grant
    const ministry = doc({
      id: 'c',
      ...vlasna,
      donor: 'Ministry of Economy of Ukraine',
      parties: ['Ministry of Economy of Ukraine', 'Government of Ukraine'],
      title: 'Мінекономіки: як отримати грант на власну справу',
      text: 'Заявку на грант подають через Дію; перевіряє Державний центр зайнятості.',
    });
    expect(sameCluster([uk, ministry])).toBe(true);
    // the programme's other line states another grant
    expect(sameCluster([uk, doc({ ...ru, amountMax: 400_000 })])).toBe(false);
  });

  it('a relay leaving out the date of one oblast’s call joins by funder, grant and oblast', () => {
    const sumy = {
      donor: 'Сумська обласна військова адміністрація',
      amountMax: 200_000,
      currency: 'UAH',
      regions: ['UA-59'],
    };
    const announced = doc({
      id: 'a',
      ...sumy,
      deadline: '2026-05-15',
      title: 'Оголошено конкурс мікрогрантів «Громади Сумщини: відновлення – 2026»',
      text: 'Сумська ОВА оголошує конкурс мікрогрантів для громад області: до 200 тис. грн на відновлення. Заявки до 15 травня.',
    });
    const relay = {
      id: 'b',
      ...sumy,
      deadline: null,
      title: 'Для громад Сумщини оголосили мікрогранти до 200 тисяч гривень',
      text: 'Обласна адміністрація оголосила конкурс мікрогрантів на відновлення громад. Деталі — на сайті ОВА.',
    };
    expect(sameCluster([announced, doc(relay)])).toBe(true);
    // another funder's or another oblast's call is not this one
    expect(sameCluster([announced, doc({ ...relay, donor: 'Полтавська обласна рада' })])).toBe(false);
    expect(sameCluster([announced, doc({ ...relay, regions: ['UA-53'] })])).toBe(false);
  });

  it('a translation of a call open until the money runs out joins by funder, grant and oblasts', () => {
    const iom = {
      donor: 'IOM',
      amountMax: 5000,
      currency: 'USD',
      regions: ['UA-12', 'UA-53', 'UA-05'],
      topics: ['idp', 'economy'],
    };
    const uk = doc({
      id: 'a',
      ...iom,
      title: '💼 МОМ: мікрогранти до $5 000 для ВПО — заявки приймаються постійно',
      text: 'Дніпропетровська, Полтавська, Вінницька області. Дедлайну немає — до вичерпання коштів.',
    });
    const ru = {
      id: 'b',
      ...iom,
      lang: 'ru',
      title: 'МОМ выдает гранты до 5000 долларов переселенцам: заявки принимаются постоянно',
      text: 'Программа работает в Днепропетровской, Полтавской и Винницкой областях. Прием заявок постоянный — до исчерпания средств.',
    };
    const r = clusterAnnouncements([uk, doc(ru)]);
    expect(r[1]!.cluster).toBe(r[0]!.cluster);
    expect(r[1]!.evidence.join(' ')).toMatch(/no date and amount, corroborated/);
    // another grant or another oblast is another programme
    expect(sameCluster([uk, doc({ ...ru, amountMax: 3000 })])).toBe(false);
    expect(sameCluster([uk, doc({ ...ru, regions: ['UA-46'] })])).toBe(false);
  });

  it('an extension notice restating only the call’s headline and year joins it', () => {
    const call = doc({
      id: 'a',
      lang: 'en',
      donor: 'UN Women',
      deadline: '2026-06-19',
      amountMax: 200_000,
      currency: 'USD',
      title: "WPHF Call for Proposals 2026 – Ukraine: Women's Participation in Recovery",
      text: 'The Women’s Peace and Humanitarian Fund (WPHF) invites Ukrainian women’s organizations to apply. Grants up to USD 200,000. Deadline: 19 June 2026.',
    });
    const notice = {
      id: 'b',
      lang: 'en',
      donor: 'UN Women',
      deadline: '2026-07-03',
      title: 'Deadline extended: WPHF Ukraine 2026 Call for Proposals',
      text: 'The deadline has been extended to 3 July 2026. All other conditions remain unchanged.',
    };
    const r = clusterAnnouncements([call, doc(notice)]);
    expect(r[1]!.cluster).toBe(r[0]!.cluster);
    expect(r[1]!.evidence.join(' ')).toMatch(/extension notice restating the call’s headline and year/);
    // another year's call is another call
    expect(sameCluster([call, doc({ ...notice, title: notice.title.replace('2026', '2027') })])).toBe(false);
    // the call's headline restated in the notice, whatever the notice adds to its own headline
    const nefco = doc({
      id: 'c',
      lang: 'en',
      donor: 'NEFCO',
      deadline: '2026-05-15',
      amountMax: 2_000_000,
      currency: 'EUR',
      title: 'NEFCO opens Green Recovery Ukraine Call for Proposals 2026 for municipalities',
      text: 'NEFCO launches the third call for proposals under its Green Recovery Ukraine programme for municipalities. Grants up to EUR 2 million. Deadline: 15 May 2026.',
    });
    const extended = doc({
      id: 'd',
      lang: 'en',
      donor: 'NEFCO',
      deadline: '2026-06-05',
      title: 'Municipalities get three more weeks: deadline of Green Recovery Ukraine Call 2026 extended',
      text: 'NEFCO has decided to extend the deadline of the Green Recovery Ukraine Call for Proposals 2026 for municipalities. New deadline: 5 June 2026. All other conditions remain unchanged.',
    });
    // (all pairs: in a corpus of two, the words they share are not the rarest blocking keys)
    const res = clusterAnnouncements([nefco, extended], { allPairs: true });
    expect(res[1]!.cluster).toBe(res[0]!.cluster);
  });

  it('a translation with contradicting subjects or another oblast stays apart', () => {
    expect(merged(farmsUk, { ...farmsEn, topics: ['veterans'] }).same).toBe(false);
    expect(
      merged(farmsUk, { ...farmsEn, regions: ['UA-65'], title: farmsEn.title.replace('Kharkiv', 'Kherson') })
        .same,
    ).toBe(false);
    expect(
      merged(farmsUk, {
        ...farmsEn,
        regions: [],
        topics: [],
        title: 'UNDP launches micro-grants to restore farms',
      }).same,
    ).toBe(false);
  });

  const cerv = { deadline: '2027-09-16', amountMax: 60_000, currency: 'EUR' };
  it('the same official call identifier ties copies whose donors and titles differ', () => {
    const a = {
      id: 'a',
      ...cerv,
      donor: 'European Union',
      title: 'Мережі міст: гранти на співпрацю громад',
      text: 'Відкрито конкурс CERV-2027-CITIZENS-TOWN-NT для мереж міст. До 60 тис. євро.',
    };
    const b = {
      id: 'b',
      ...cerv,
      donor: 'Council of Europe',
      title: 'Networks of Towns call open',
      lang: 'en',
      text: 'Topic CERV-2027-CITIZENS-TOWN-NT: networks of towns, up to EUR 60,000.',
    };
    expect(blocker(doc(a), doc(b))).toBeNull();
    const r = merged(a, b);
    expect(r.same).toBe(true);
    expect(r.evidence).toMatch(/same call identifier CERV-2027-CITIZENS-TOWN-NT/);
  });

  it('different official call identifiers are different calls', () => {
    const a = doc({
      id: 'a',
      ...cerv,
      donor: 'European Union',
      title: 'CERV 2027: Town-Twinning',
      text: 'Topic CERV-2027-CITIZENS-TOWN-TT: town twinning, up to EUR 60,000.',
    });
    const b = doc({
      id: 'b',
      ...cerv,
      donor: 'European Union',
      title: 'CERV 2027: Networks of Towns',
      text: 'Topic CERV-2027-CITIZENS-TOWN-NT: networks of towns, up to EUR 60,000.',
    });
    expect(blocker(a, b)).toMatch(/call identifier/);
    expect(clusterAnnouncements([a, b])[1]!.cluster).toBe('b');
    // a topic family and one of its topics do not clash
    const family = doc({ id: 'c', ...cerv, title: 'HORIZON-MISS-2027-CIT', text: '' });
    const topic = doc({ id: 'd', ...cerv, title: 'HORIZON-MISS-2027-CIT-01-01', text: '' });
    expect(blocker(family, topic)).toBeNull();
  });

  it('a funder and the body that runs its calls are not a donor conflict; other donors still are', () => {
    const eu = doc({ id: 'a', ...base, donor: 'European Union', title: 'CERV 2027 «Побратимство міст»' });
    const ec = doc({
      id: 'b',
      ...base,
      donor: 'European Commission',
      title: '«Побратимство міст» — CERV 2027',
    });
    expect(blocker(eu, ec)).toBeNull();
    expect(new Set(clusterAnnouncements([eu, ec]).map((r) => r.cluster)).size).toBe(1);
    const undp = doc({ id: 'c', ...base, donor: 'UNDP', title: '«Побратимство міст» — CERV 2027' });
    expect(blocker(eu, undp)).toMatch(/donor/);
    const ec2026 = doc({
      id: 'd',
      ...base,
      donor: 'European Commission',
      title: '«Побратимство міст» — CERV 2026',
    });
    expect(blocker(eu, ec2026)).toMatch(/year/);
  });

  it('a headline quoting the funder or a lot the other copy names in its text is no other programme', () => {
    const irf = {
      donor: 'International Renaissance Foundation',
      deadline: '2027-02-12',
      amountMax: 1_200_000,
      currency: 'UAH',
    };
    const relay = doc({
      id: 'a',
      ...irf,
      title: 'МФ «Відродження»: до 1,2 млн грн на громадський контроль відбудови',
      text: 'Міжнародний фонд «Відродження» приймає заявки на конкурс «Громадський контроль відбудови — 2027».',
    });
    const own = doc({
      id: 'b',
      ...irf,
      title: 'Конкурс «Громадський контроль відбудови — 2027»',
      text: 'Міжнародний фонд «Відродження» оголошує конкурс «Громадський контроль відбудови — 2027».',
    });
    expect(blocker(relay, own)).toBeNull();
    // the other copy never mentions «Світло громадам»: two programmes, as before
    const light = doc({
      id: 'c',
      ...irf,
      title: 'Конкурс «Світло громадам» 2027',
      text: 'Фонд оголошує конкурс.',
    });
    expect(blocker(own, light)).toMatch(/programme name/);
  });

  it('a named programme with the same deadline ties a copy crediting the funder to one crediting its operator', () => {
    const bridges = {
      programme: 'Culture Bridges',
      deadline: '2027-01-10',
      amountMax: 3000,
      currency: 'EUR',
    };
    const eu = doc({
      id: 'a',
      ...bridges,
      donor: 'European Union',
      title: 'Culture Bridges: гранти на мобільність',
    });
    const bc = doc({
      id: 'b',
      ...bridges,
      donor: 'British Council',
      title: 'Culture Bridges mobility grants',
    });
    expect(blocker(eu, bc)).toBeNull();
    expect(blocker(eu, { ...bc, deadline: '2027-06-10' })).toMatch(/donor/);
    expect(blocker(eu, { ...bc, programme: null })).toMatch(/donor/);
  });

  it('oblast editions named in both headlines stay apart, though one text mentions the other edition', () => {
    const fund = { donor: 'Solidarity Fund PL', deadline: '2026-05-15', amountMax: 200_000, currency: 'PLN' };
    const zhytomyr = doc({
      id: 'a',
      ...fund,
      regions: ['UA-18'],
      title: '«Місцева відбудова 2026»: конкурс для громад Житомирської області',
    });
    const chernihiv = doc({
      id: 'b',
      ...fund,
      regions: ['UA-74', 'UA-18'],
      title: '«Місцева відбудова 2026»: конкурс для громад Чернігівської області',
    });
    expect(blocker(zhytomyr, chernihiv)).toMatch(/oblast edition/);
  });

  it('local sites headlining their own oblast of a call their texts open to both are one call', () => {
    const unicef = { donor: 'UNICEF', deadline: '2027-04-28', regions: ['UA-51', 'UA-48'] };
    const odesa = doc({
      id: 'a',
      ...unicef,
      title: 'Безпечні простори для дітей: ЮНІСЕФ профінансує громади Одещини',
    });
    const mykolaiv = doc({
      id: 'b',
      ...unicef,
      title: 'Громади Миколаївщини можуть отримати до 1 млн грн на безпечні простори',
    });
    expect(blocker(odesa, mykolaiv)).toBeNull();
  });

  it('copies published five months apart are different editions, whatever else they leave out', () => {
    const post = { donor: 'UNDP', regions: ['UA-63'], title: 'ПРООН — нова хвиля для громад Харківщини' };
    const july = doc({ id: 'a', ...post, publishedAt: '2026-07-07' });
    const march = doc({ id: 'b', ...post, publishedAt: '2027-03-03' });
    expect(blocker(july, march)).toMatch(/published more than 150 days apart/);
    expect(blocker(july, { ...march, publishedDay: july.publishedDay! + 60 })).toBeNull();
    expect(blocker(july, { ...march, publishedDay: null })).toBeNull();
  });

  it('a copy naming the other copy’s donor as a party to the call is no donor conflict', () => {
    const women = { deadline: '2026-03-25', amountMax: 150_000, currency: 'UAH' };
    const embassy = doc({
      id: 'a',
      ...women,
      donor: 'Embassy of the Netherlands',
      parties: ['Embassy of the Netherlands', "Ukrainian Women's Fund"],
      title: 'Конкурс для жіночих організацій 2026',
    });
    const fund = doc({
      id: 'b',
      ...women,
      donor: "Ukrainian Women's Fund",
      title: 'Прийом заявок продовжено',
    });
    expect(blocker(embassy, fund)).toBeNull();
    const other = doc({
      id: 'c',
      ...women,
      donor: 'UNDP',
      parties: ['UNDP'],
      title: 'Прийом заявок продовжено',
    });
    expect(blocker(embassy, other)).toMatch(/donor/);
  });

  it('a two-stage call quoted by its full-application date joins the copies quoting the concept-note date', () => {
    const call = { donor: 'European Union', title: 'EuropeAid/186201/DD/ACT/UA: «Стійкі громади», Лот 1' };
    const concept = doc({ id: 'a', ...call, deadline: '2026-09-15', stages: ['2026-09-15', '2027-01-20'] });
    const bare = doc({ id: 'b', ...call, deadline: '2026-09-15' });
    const full = doc({ id: 'c', ...call, deadline: '2027-01-20', deadlineStage: 'full application' });
    expect(blocker(concept, full)).toBeNull();
    expect(blocker(bare, full)).toBeNull();
    // a date not named as a later stage is another deadline
    expect(blocker(bare, { ...full, laterStage: false })).toMatch(/deadline/);
  });

  it("an oblast's office in a headline is who passes the call on, not the call's oblast", () => {
    const d = doc({
      id: 'a',
      title: 'Харківська ОВА інформує: конкурс ЄС «Стійкі громади» для прифронтових громад',
    });
    expect(d.titleRegions).toEqual([]);
    expect(doc({ id: 'b', title: 'Конкурс для громад Харківщини' }).titleRegions).toEqual(['UA-63']);
  });

  it('a copy naming no oblast that matches two oblast editions joins neither', () => {
    const mhp = {
      donor: 'MHP',
      deadline: '2026-05-15',
      amountMax: 200_000,
      currency: 'UAH',
      text: 'Фонд «МХП-Громаді» оголошує конкурс «Моя громада — моя відповідальність 2026». Заявки до 15 травня.',
    };
    const vinnytsia = doc({
      id: 'a',
      ...mhp,
      regions: ['UA-05'],
      title: '«Моя громада — моя відповідальність 2026» для громад Вінниччини',
    });
    const cherkasy = doc({
      id: 'b',
      ...mhp,
      regions: ['UA-71'],
      title: '«Моя громада — моя відповідальність 2026» для громад Черкащини',
    });
    const council = doc({
      id: 'c',
      ...mhp,
      title: 'Міська рада інформує: «Моя громада — моя відповідальність 2026»',
    });
    const res = clusterAnnouncements([vinnytsia, cherkasy, council]);
    expect(new Set(res.map((r) => r.cluster)).size).toBe(3);
    expect(res[2]!.evidence.join(' ')).toMatch(/joins none of them/);
    // with one edition only, it is that edition's copy
    expect(new Set(clusterAnnouncements([vinnytsia, council]).map((r) => r.cluster)).size).toBe(1);
  });

  it('local sites of two oblasts relaying a national call are one call; editions’ headlines are not', () => {
    const ucf = {
      donor: 'Ukrainian Cultural Foundation',
      deadline: '2026-04-14',
      amountMax: 2_500_000,
      currency: 'UAH',
      text: 'УКФ оголошує конкурс «Культурна спадщина громад». До 2,5 млн грн на проєкт. Заявки до 14 квітня.',
    };
    const fund = doc({ id: 'a', ...ucf, title: 'УКФ оголошує конкурс «Культурна спадщина громад» 2026' });
    const relay = doc({
      id: 'b',
      ...ucf,
      title: 'Конкурс «Культурна спадщина громад» від УКФ: до 2,5 млн грн',
    });
    const cherkasy = {
      id: 'c',
      ...ucf,
      regions: ['UA-71'],
      title: 'Громади Черкащини запрошують до участі в конкурсі УКФ',
    };
    const vinnytsia = {
      id: 'd',
      ...ucf,
      regions: ['UA-05'],
      title: 'На Вінниччині громади можуть отримати до 2,5 млн грн на збереження пам’яток',
    };
    const res = clusterAnnouncements([fund, relay, doc(cherkasy), doc(vinnytsia)]);
    expect(new Set(res.map((r) => r.cluster)).size).toBe(1);
    // headlines naming each oblast's competition are two editions, whatever the national copies say
    const edition = (d: typeof cherkasy, oblast: string) =>
      doc({ ...d, title: `Конкурс «Культурна спадщина громад» для громад ${oblast}` });
    const editions = clusterAnnouncements([
      fund,
      relay,
      edition(cherkasy, 'Черкащини'),
      edition(vinnytsia, 'Вінниччини'),
    ]);
    expect(editions[2]!.cluster).not.toBe(editions[3]!.cluster);
  });

  it('a vague deadline month agrees with a date at its end and clashes with another month', () => {
    const call = {
      donor: 'European Union',
      amountMax: 2_500_000,
      currency: 'EUR',
      title: 'Interreg NEXT: 3-й набір',
    };
    const september = doc({ id: 'a', ...call, deadlineMonth: '2026-09' });
    expect(blocker(september, doc({ id: 'b', ...call, deadline: '2026-09-30' }))).toBeNull();
    expect(blocker(september, doc({ id: 'c', ...call, deadline: '2026-06-30' }))).toMatch(/deadline month/);
    expect(blocker(september, doc({ id: 'd', ...call, deadlineMonth: '2026-06' }))).toMatch(/deadline month/);
    // an extension notice moving the date past that month is the same call
    const extended = doc({
      id: 'e',
      ...call,
      deadline: '2026-10-21',
      text: 'Термін подання продовжено до 21 жовтня.',
    });
    expect(blocker(september, extended)).toBeNull();
  });

  it('the same programme and deadline with the grant in another currency is one call', () => {
    const kusanone = { donor: 'Embassy of Japan', programme: 'Kusanone', deadline: '2026-02-27' };
    const yen = doc({
      id: 'a',
      ...kusanone,
      amountMax: 10_000_000,
      currency: 'JPY',
      title: 'Кусаноне 2026: до 10 млн єн',
    });
    const hryvnia = doc({
      id: 'b',
      ...kusanone,
      amountMax: 2_800_000,
      currency: 'UAH',
      title: 'Лікарні Полтавщини можуть отримати гранти Японії',
    });
    expect(sameCluster([yen, hryvnia])).toBe(true);
    expect(sameCluster([yen, { ...hryvnia, amountMax: null, currency: null }])).toBe(false);
  });

  it('quoted names that differ in a content word are different programmes, even sharing a word', () => {
    const light = doc({ id: 'a', ...base, title: 'Конкурс «Світло громадам» 2027' });
    const water = doc({ id: 'b', ...base, title: 'Конкурс «Вода громадам» 2027' });
    expect(blocker(light, water)).toMatch(/programme name/);
    expect(clusterAnnouncements([light, water])[1]!.cluster).toBe('b');
  });

  it('a longer word is not another ending of a shorter one («Енергоефективна громада» ≠ «Енергія громад»)', () => {
    const a = doc({ id: 'a', ...base, title: 'Конкурс «Енергоефективна громада»' });
    const b = doc({ id: 'b', ...base, title: 'Конкурс «Енергія громад»' });
    expect(blocker(a, b)).toMatch(/programme name/);
  });

  it('a quoted name that only adds words or changes endings is the same name', () => {
    const a = doc({ id: 'a', ...base, title: 'Програма «Питна вода Полтавщини»' });
    const b = doc({ id: 'b', ...base, title: '«Питна вода Полтавщини — 2027»: відбір проєктів' });
    const c = doc({ id: 'c', ...base, title: 'Відбір за програмою «Питної води Полтавщини»' });
    expect(blocker(a, b)).toBeNull();
    expect(blocker(a, c)).toBeNull();
  });

  const sameCluster = (ds: DedupeDoc[]) => new Set(clusterAnnouncements(ds).map((r) => r.cluster)).size === 1;
  const blackSea = {
    donor: 'European Union',
    programme: 'Interreg NEXT',
    deadline: '2027-02-28',
    amountMax: 1_200_000,
    currency: 'EUR',
  };

  it('local sites naming only their own oblast of a multi-oblast call are one call when a copy lists both', () => {
    const official = doc({
      id: 'a',
      ...blackSea,
      title: 'Interreg NEXT «Басейн Чорного моря»: другий конкурс проєктів',
      text: 'Заявники з Одеської, Миколаївської, Херсонської та Запорізької областей. До 1,2 млн євро.',
      regions: ['UA-51', 'UA-48', 'UA-65', 'UA-23'],
    });
    const odesa = doc({
      id: 'b',
      ...blackSea,
      title: 'Другий конкурс Interreg NEXT «Басейн Чорного моря»: до 1,2 млн євро',
      text: 'Громади та ГО Одеської області можуть отримати до 1,2 млн євро на спільні проєкти.',
      regions: ['UA-51'],
    });
    const mykolaiv = doc({
      id: 'c',
      ...blackSea,
      title: 'Interreg NEXT «Басейн Чорного моря» оголосив другий конкурс: до 1,2 млн євро',
      text: 'Громади Миколаївщини можуть отримати до 1,2 млн євро на спільні проєкти.',
      regions: ['UA-48'],
    });
    // pairwise the two local copies still clash; the copy listing both oblasts reconciles them
    expect(blocker(odesa, mykolaiv)).toMatch(/oblast/);
    expect(sameCluster([official, odesa, mykolaiv])).toBe(true);
    expect(sameCluster([odesa, mykolaiv])).toBe(false);
  });

  it('local sites telling their oblast’s readers of a multi-oblast call are one call; headlines naming editions are not', () => {
    const mhp = {
      donor: 'MHP',
      programme: 'MHP – Hromadi',
      deadline: '2026-04-15',
      amountMax: 200_000,
      currency: 'UAH',
    };
    const fund = doc({
      id: 'a',
      ...mhp,
      title: '«Сильні громади»: весняний конкурс мікрогрантів МХП-Громаді 2026',
      text: 'Для громад Вінницької, Черкаської, Дніпропетровської, Київської та Чернігівської областей.',
      regions: ['UA-05', 'UA-71', 'UA-12', 'UA-32', 'UA-74'],
    });
    const vinnytsia = doc({
      id: 'b',
      ...mhp,
      title: 'Громади Вінниччини можуть отримати до 200 тисяч гривень від МХП',
      text: 'Фонд «МХП-Громаді» стартував із весняним конкурсом. Подати заявку можна до 15 квітня.',
      regions: ['UA-05'],
    });
    const cherkasy = {
      id: 'c',
      ...mhp,
      title: 'Залишився тиждень: «МХП-Громаді» нагадує про весняний конкурс',
      text: 'Жителі громад Черкащини можуть отримати від 50 до 200 тис. грн. Дедлайн 15 квітня 2026 року.',
      regions: ['UA-71'],
    };
    expect(vinnytsia.titleRegions).toEqual(['UA-05']);
    expect(doc(cherkasy).titleRegions).toEqual([]);
    expect(sameCluster([fund, vinnytsia, doc(cherkasy)])).toBe(true);
    // two headlines telling each oblast's readers what they can get: local views too
    const cherkasyReaders = doc({
      ...cherkasy,
      title: 'Громади Черкащини можуть отримати до 200 тисяч гривень від МХП',
    });
    expect(cherkasyReaders.readersOblast).toBe(true);
    expect(sameCluster([fund, vinnytsia, cherkasyReaders])).toBe(true);
    // headlines naming each oblast's competition are two oblasts' editions
    const edition = (title: string) => doc({ ...cherkasy, title });
    const vinnytsiaEdition = edition('Весняний конкурс МХП-Громаді для громад Вінниччини');
    const cherkasyEdition = edition('Весняний конкурс МХП-Громаді для громад Черкащини');
    expect(vinnytsiaEdition.readersOblast).toBe(false);
    expect(sameCluster([fund, { ...vinnytsiaEdition, id: 'b' }, cherkasyEdition])).toBe(false);
  });

  it('oblast editions named in the title stay apart even when a copy lists both oblasts', () => {
    const sme = { donor: 'European Union', deadline: '2027-01-15', amountMax: 20_000, currency: 'EUR' };
    const digest = doc({
      id: 'a',
      ...sme,
      title: 'EU4Business: гранти для МСП',
      text: 'Гранти до 20 тис. євро для МСП Одеської та Миколаївської областей.',
      regions: ['UA-51', 'UA-48'],
    });
    const odesa = doc({
      id: 'b',
      ...sme,
      title: 'EU4Business: гранти для МСП Одещини',
      text: 'Гранти до 20 тис. євро для МСП Одеської області.',
      regions: ['UA-51'],
    });
    const mykolaiv = doc({
      id: 'c',
      ...sme,
      title: 'EU4Business: гранти для МСП Миколаївщини',
      text: 'Гранти до 20 тис. євро для МСП Миколаївської області.',
      regions: ['UA-48'],
    });
    const res = clusterAnnouncements([digest, odesa, mykolaiv]);
    expect(res[1]!.cluster).not.toBe(res[2]!.cluster);
  });

  const solidarity = { deadline: '2027-04-14', amountMax: 300_000, currency: 'PLN' };
  const announced = {
    id: 'a',
    ...solidarity,
    donor: 'Polish Aid',
    title: 'Польська допомога: до 300 тис. злотих на партнерські проєкти громад',
    text: 'Фонд міжнародної солідарності в межах програми «Польська допомога» оголосив конкурс «Підтримка самоврядувань України 2027». Дедлайн — 14 квітня 2027 року.',
  };

  it('a copy lacking the donor or amount merges by the same quoted call name and deadline', () => {
    const local = {
      id: 'b',
      ...solidarity,
      title: 'Конкурс «Підтримка самоврядувань України 2027»: громади запрошують до участі',
      text: 'Фонд оголосив конкурс для громад, що мають партнерів серед польських гмін. Кінцевий термін — 14.04.2027.',
    };
    const r = merged(announced, local);
    expect(r.same).toBe(true);
    expect(r.evidence).toMatch(/quoted name/);
    expect(merged(announced, { ...local, amountMax: null, currency: null }).same).toBe(true);
  });

  it('a shared quoted name does not join another lot, another year or a bare donor brand', () => {
    const local = {
      id: 'b',
      ...solidarity,
      title: 'Конкурс «Підтримка самоврядувань України 2027», лот 2: громади запрошують',
      text: 'Фонд оголосив конкурс для громад. Кінцевий термін — 14.04.2027.',
    };
    const lot1 = { ...announced, title: `${announced.title}, лот 1` };
    expect(blocker(doc(lot1), doc(local))).toMatch(/lot/);
    expect(merged(lot1, local).same).toBe(false);
    const other2026 = {
      ...local,
      title: 'Конкурс «Підтримка самоврядувань України 2026»: громади запрошують',
      deadline: '2026-04-14',
    };
    expect(merged(announced, other2026).same).toBe(false);
    // «Польська допомога» is the donor's brand: shared by all its calls, it says nothing
    const brand = {
      id: 'c',
      ...solidarity,
      title: 'Стипендії для студентів: конкурс «Польська допомога»',
      text: 'Програма «Польська допомога» приймає заявки студентів до 14.04.2027.',
    };
    expect(merged(announced, brand).same).toBe(false);
  });

  const secondCall = {
    donor: 'European Union',
    programme: 'Interreg NEXT Black Sea Basin',
    lang: 'en',
  };
  const launched = {
    id: 'a',
    ...secondCall,
    deadline: '2027-02-28',
    amountMax: 1_200_000,
    currency: 'EUR',
    title: 'Second Call for Proposals launched',
    text: 'The Interreg NEXT Black Sea Basin Programme launches its second call for proposals. EU co-financing of up to EUR 1,200,000 per project. Deadline: 28 February 2027.',
  };
  const extension = {
    id: 'b',
    ...secondCall,
    deadline: '2027-03-31',
    title: 'Second call: deadline extended to 31 March 2027',
    text: 'The Joint Monitoring Committee decided to extend the deadline of the second call. Applications can now be submitted until 31 March 2027.',
  };

  it('an extension notice without the amount joins its call by programme, round and deadline', () => {
    const r = merged(launched, extension);
    expect(r.same).toBe(true);
    expect(r.evidence).toMatch(/same programme .*round 2/);
  });

  it('a notice of another round or another programme stays apart', () => {
    const third = {
      ...extension,
      title: 'Third call: deadline extended to 31 March 2027',
      text: extension.text.replace('second', 'third'),
    };
    expect(blocker(doc(launched), doc(third))).toMatch(/round/);
    expect(merged(launched, third).same).toBe(false);
    const other = { ...extension, programme: 'Interreg NEXT Hungary-Slovakia-Romania-Ukraine' };
    expect(merged(launched, other).same).toBe(false);
    // without a round it could be any call of the programme
    const unnumbered = {
      ...extension,
      title: 'Call deadline extended to 31 March 2027',
      text: 'The Joint Monitoring Committee decided to extend the deadline. Applications can now be submitted until 31 March 2027.',
    };
    expect(merged(launched, unnumbered).same).toBe(false);
  });

  it("keeps the programme's other announcements about the same round apart, even with the same date", () => {
    const partnerForum = {
      ...launched,
      id: 'c',
      amountMax: null,
      currency: null,
      title: 'Partner search forum for the second call – register by 28 February',
      text: 'Looking for partners for the second call? Join the online partner search forum of the Interreg NEXT Black Sea Basin Programme. Registration is open until 28 February 2027.',
    };
    const assessors = {
      ...launched,
      id: 'd',
      amountMax: null,
      currency: null,
      title: 'Call for external assessors for the second call',
      text: 'The Managing Authority invites experts to apply as external assessors of project proposals submitted in the second call. Applications until 28 February 2027.',
    };
    expect(merged(partnerForum, assessors).same).toBe(false);
  });
});

describe('a relay that links to the announcement it copies', () => {
  // The real pair in the fixtures: UNDP's English page and hromady.org's Ukrainian relay, whose
  // texts name different funders (the implementing UNDP project vs the EU that funds it).
  const fixture = (file: string, url: string): AnnouncementLine => {
    const { expected } = JSON.parse(readFileSync(path.join('fixtures/sources', file), 'utf8')) as {
      expected:
        | { url: string; title: string; text: string }
        | { items: { url: string; title: string; text: string }[] };
    };
    const item = 'items' in expected ? expected.items.find((i) => i.url === url)! : expected;
    return { id: url, url: item.url, title: item.title, text: item.text };
  };
  const PAGE =
    'https://www.undp.org/ukraine/news/call-proposals-strengthening-local-recovery-planning-mykolaiv-and-kherson-oblasts';
  const RELAY = 'https://hromady.org/proon-hranty-ohs-mykolaivshchyny-ta-khersonshchyny/';
  const page = fixture(
    'undp-ukraine/detail-call-proposals-strengthening-local-recovery-plan.expected.json',
    PAGE,
  );
  const relay = fixture('hromady-org/feed.expected.json', RELAY);
  // As the pipeline stores them: the UNDP source states its donor, the relay's text names the EU.
  const asStored = (a: AnnouncementLine, donor: string, deadline: string) =>
    doc({
      id: a.id,
      title: a.title!,
      text: a.text,
      url: a.url!,
      donor,
      deadline,
      amountMax: 70_000,
      currency: 'USD',
      regions: ['UA-48', 'UA-65'],
      lang: a.url!.includes('hromady') ? 'uk' : 'en',
    });
  const clusters = (docs: DedupeDoc[]) => new Map(clusterAnnouncements(docs).map((c) => [c.id, c.cluster]));

  it('is one call with the page it links to when it restates the deadline, whatever funder each names', () => {
    const c = clusters([
      asStored(page, 'UNDP', '2026-12-15'),
      asStored(relay, 'European Union', '2026-12-15'),
    ]);
    expect(c.get(RELAY)).toBe(c.get(PAGE));
  });

  it('quotes the page by its address without a scheme, or its other-language version', () => {
    const sumy = { deadline: '2026-05-27', amountMax: 150_000, currency: 'CHF', regions: ['UA-59'] };
    const fund = doc({
      id: 'a',
      ...sumy,
      lang: 'en',
      title: 'Resilient Hromadas Fund: call for proposals for hromadas of Sumy oblast 2026',
      url: 'https://rhf.org.ua/en/calls/sumy-2026/',
    });
    const oblast = doc({
      id: 'b',
      ...sumy,
      title: 'Сумська ОВА інформує: фонд «Стійкі громади» оголосив конкурс',
      text: 'Заявки приймаються до 27 травня 2026 року. Детальна інформація: rhf.org.ua/uk/calls/sumy-2026/',
      url: 'https://sm.gov.ua/news/2026-04-08/fond',
    });
    expect(oblast.links).toEqual(['https://rhf.org.ua/calls/sumy-2026']);
    expect(urlRelated(fund, oblast)).toBe(true);
    expect(new Set(clusterAnnouncements([fund, oblast]).map((r) => r.cluster)).size).toBe(1);
    // an e-mail address or a sentence's last word before a slash is no link
    expect(
      doc({ id: 'c', title: 'x', text: 'Пишіть на kyiv-cfli@international.gc.ca/ або телефонуйте.' }).links,
    ).toEqual([]);
  });

  it('is another call when it states another deadline (a later round linking the last one)', () => {
    const c = clusters([
      asStored(page, 'UNDP', '2026-12-15'),
      asStored(relay, 'European Union', '2027-03-15'),
    ]);
    expect(c.get(RELAY)).not.toBe(c.get(PAGE));
  });
});
