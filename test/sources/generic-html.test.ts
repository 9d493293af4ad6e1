// Generic HTML list pages read with an entry's selectors: list items with their dates and teasers,
// list → detail for the site's own pages, pagination, a charset the server misdeclares, and
// layouts the selectors no longer fit.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import { pageText } from '../../src/sources/generic/html-list.ts';
import { toSourceDefinition } from '../../src/sources/generic/load.ts';
import { GenericSourceEntry } from '../../src/sources/generic/schema.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const LIST_URL = 'https://oda.example.gov.ua/granty';

function htmlSource(selectors: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  return toSourceDefinition(
    GenericSourceEntry.parse({
      id: 'oda-granty',
      name: 'ОДА — гранти',
      kind: 'html',
      url: LIST_URL,
      selectors: {
        item: 'ul.grants > li',
        title: 'h3',
        link: 'h3 a',
        date: '.date',
        teaser: '.lead',
        ...selectors,
      },
      ...extra,
    }),
  );
}

function page(body: string, url = LIST_URL, contentType = 'text/html; charset=utf-8'): FetchedDocument {
  return {
    url,
    status: 200,
    contentType,
    text: `<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>Гранти</title></head><body>
      <nav><a href="/">Головна</a></nav>${body}
      <aside><ul class="latest"><li><span class="date">19.11.2026</span> <a href="/news/9">Нарада</a></li></ul></aside>
      <footer>© ОДА</footer></body></html>`,
  };
}

const li = (date: string, href: string, title: string, lead = '') =>
  `<li><span class="date">${date}</span><h3><a href="${href}">${title}</a></h3>${lead ? `<div class="lead"><p>${lead}</p></div>` : ''}</li>`;

describe('generic html source', () => {
  it('reads list items with their date, teaser and canonical link', () => {
    const def = htmlSource();
    const html = `<ul class="grants">${li('18.11.2026', '/news/101?utm_source=fb#top', 'Конкурс «Громада»', 'Гранти до 300&nbsp;тис.&nbsp;грн.')}${li('—', 'news/102', 'Без дати')}</ul>`;
    const result = def.parseList(page(html));
    expect(result.items.map((i) => RawItem.parse(i))).toEqual([
      RawItem.parse({
        url: 'https://oda.example.gov.ua/news/101',
        title: 'Конкурс «Громада»',
        text: 'Гранти до 300 тис. грн.',
        publishedAt: '2026-11-18',
      }),
      RawItem.parse({
        url: 'https://oda.example.gov.ua/news/102',
        title: 'Без дати',
        text: '',
        publishedAt: null,
      }),
    ]);
    expect(result.details).toEqual([]);
    expect(result.next).toEqual([]);
  });

  it.each([
    ['dd.mm.yyyy', '05.03.2027', '2027-03-05'],
    ['uk-long', '5 березня 2027 р., 10:15', '2027-03-05'],
    ['uk-long', '5 Березень 2027', '2027-03-05'],
    ['iso', 'Опубліковано 2027-03-05', '2027-03-05'],
    ['dd.mm.yyyy', '31.02.2027', null],
    ['uk-long', 'вчора', null],
  ])('reads a %s date "%s" as %s', (dateFormat, text, expected) => {
    const def = htmlSource({ dateFormat });
    const [item] = def.parseList(page(`<ul class="grants">${li(text, '/news/1', 'Конкурс')}</ul>`)).items;
    expect(item!.publishedAt).toBe(expected);
  });

  it('prefers a machine-readable datetime to the text beside it, as a Kyiv day', () => {
    const def = htmlSource({ date: 'time' });
    const html = `<ul class="grants"><li><time datetime="2026-11-19T22:30:00Z">19 листопада</time><h3><a href="/news/5">Конкурс</a></h3></li></ul>`;
    expect(def.parseList(page(html)).items[0]!.publishedAt).toBe('2026-11-20');
  });

  it('sends the site’s own items to their pages when a body selector is given; links out stay list items', () => {
    const def = htmlSource({ body: '.article-body' });
    const html = `<ul class="grants">${li('18.11.2026', '/news/101', 'Конкурс громад', 'Коротко.')}${li('17.11.2026', 'https://www.undp.org/uk/ukraine/call', 'Конкурс ПРООН', 'До 2 млн грн.')}${li('16.11.2026', 'https://www.oda.example.gov.ua/news/100', 'Ще один')}</ul>`;
    const result = def.parseList(page(html));
    expect(result.details).toEqual([
      {
        url: 'https://oda.example.gov.ua/news/101',
        hint: { title: 'Конкурс громад', publishedAt: '2026-11-18', text: 'Коротко.' },
      },
      {
        url: 'https://www.oda.example.gov.ua/news/100',
        hint: { title: 'Ще один', publishedAt: '2026-11-16' },
      },
    ]);
    expect(result.items.map((i) => [i.url, i.title, i.text])).toEqual([
      ['https://www.undp.org/uk/ukraine/call', 'Конкурс ПРООН', 'До 2 млн грн.'],
    ]);

    const link = result.details![0]!;
    const article = page(
      `<article><h1>Конкурс громад</h1><div class="article-body"><p>Повний текст.</p><p>Дедлайн: 15.01.2027.</p><script>track()</script></div></article>`,
      link.url,
    );
    expect(RawItem.parse(def.parseDetail!(article, link))).toEqual(
      RawItem.parse({
        url: 'https://oda.example.gov.ua/news/101',
        title: 'Конкурс громад',
        text: 'Повний текст.\n\nДедлайн: 15.01.2027.',
        publishedAt: '2026-11-18',
      }),
    );
  });

  it('throws SourceFormatError naming the body selector when an article page lacks it', () => {
    const def = htmlSource({ body: '.article-body' });
    const link = { url: 'https://oda.example.gov.ua/news/101', hint: { title: 'Конкурс' } };
    const moved = page('<article><h1>Конкурс</h1><div class="content">Текст</div></article>', link.url);
    expect(() => def.parseDetail!(moved, link)).toThrow(SourceFormatError);
    expect(() => def.parseDetail!(moved, link)).toThrow(
      /no element matching selectors\.body "\.article-body"/,
    );
  });

  it('follows the next-page selector up to maxPages', () => {
    const def = htmlSource({ next: '.pager a.next' }, { maxPages: 3 });
    const html = `<ul class="grants">${li('18.11.2026', '/news/1', 'Конкурс')}</ul><div class="pager"><a href="?page=1">1</a><a class="next" href="?page=2">Далі »</a></div>`;
    expect(def.parseList(page(html)).next).toEqual([{ url: 'https://oda.example.gov.ua/granty?page=2' }]);
    expect(def.maxPages).toBe(3);
    const last = `<ul class="grants">${li('18.11.2026', '/news/1', 'Конкурс')}</ul><div class="pager"><a href="?page=1">1</a></div>`;
    expect(def.parseList(page(last)).next).toEqual([]);
  });

  it('uses the item itself when it is the link', () => {
    const def = htmlSource({ item: 'a.card', title: '.card__title', link: 'a.card', date: '.card__date' });
    const html = `<div class="cards"><a class="card" href="/news/7"><span class="card__date">01.12.2026</span><span class="card__title">Конкурс карток</span></a></div>`;
    expect(def.parseList(page(html)).items.map((i) => [i.url, i.title, i.publishedAt])).toEqual([
      ['https://oda.example.gov.ua/news/7', 'Конкурс карток', '2026-12-01'],
    ]);
  });

  it('throws SourceFormatError naming the selector when the layout changed', () => {
    const def = htmlSource();
    const moved = page(
      '<div class="news-grid"><div class="card"><h3><a href="/news/1">Конкурс</a></h3></div></div>',
    );
    expect(() => def.parseList(moved)).toThrow(SourceFormatError);
    expect(() => def.parseList(moved)).toThrow(/no element matching selectors\.item "ul\.grants > li"/);

    const noTitles = page('<ul class="grants"><li><a href="/news/1">Конкурс</a></li></ul>');
    expect(() => def.parseList(noTitles)).toThrow(/selectors\.title "h3"/);
    const noLinks = page('<ul class="grants"><li><h3>Конкурс</h3></li></ul>');
    expect(() => def.parseList(noLinks)).toThrow(/selectors\.link "h3 a"/);
  });

  it('re-reads a page whose server declared the wrong charset, when the entry names the real one', () => {
    const html =
      '<html><head><meta charset="windows-1251"></head><body><ul class="grants"><li><h3><a href="/n/1">Грант для громад</a></h3></li></ul></body></html>';
    // The server said windows-1251 but sent UTF-8: the fetcher decoded the bytes as windows-1251.
    const garbled = iconv.decode(Buffer.from(html, 'utf8'), 'windows-1251');
    const doc: FetchedDocument = {
      url: LIST_URL,
      status: 200,
      contentType: 'text/html; charset=windows-1251',
      text: garbled,
    };
    expect(pageText(doc, 'utf-8')).toBe(html);
    expect(htmlSource({}, { encoding: 'utf-8' }).parseList(doc).items[0]!.title).toBe('Грант для громад');
    // Declared and real charset agree: the text is left as the fetcher decoded it.
    const right = { ...doc, text: html };
    expect(pageText(right, 'windows-1251')).toBe(html);
    // Nothing declared or UTF-8 declared: the fetcher sniffed the bytes, nothing to undo.
    const undeclared = html.replace('<meta charset="windows-1251">', '');
    expect(pageText({ ...right, contentType: 'text/html', text: undeclared }, 'koi8-u')).toBe(undeclared);
    expect(pageText({ ...right, contentType: 'text/html; charset=UTF-8', text: undeclared }, 'koi8-u')).toBe(
      undeclared,
    );
  });
});
