// Generic feeds as local newspapers and NGOs publish them: RSS 2.0 with content:encoded, Atom,
// RSS 1.0 (RDF) with Dublin Core dates, prefixes nobody declared — and the broken ones.
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import { toSourceDefinition } from '../../src/sources/generic/load.ts';
import { GenericSourceEntry } from '../../src/sources/generic/schema.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const FEED_URL = 'https://gazeta.example.ua/category/granty/feed/';
const source = toSourceDefinition(
  GenericSourceEntry.parse({ id: 'local-gazeta', name: 'Місцева газета', kind: 'rss', url: FEED_URL }),
);

function feed(text: string): FetchedDocument {
  return { url: FEED_URL, status: 200, contentType: 'application/rss+xml; charset=UTF-8', text };
}

function items(text: string) {
  return source.parseList(feed(text)).items.map((i) => RawItem.parse(i));
}

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Гранти – Місцева газета</title>
  <atom:link href="${FEED_URL}" rel="self" type="application/rss+xml" />
  <link>https://gazeta.example.ua</link>
  <item>
    <title>Конкурс мікрогрантів для ОСББ: до 100&#160;тис. грн</title>
    <link>https://gazeta.example.ua/2026/11/konkurs-osbb/?utm_source=rss&amp;utm_medium=rss</link>
    <dc:creator><![CDATA[Редакція]]></dc:creator>
    <pubDate>Thu, 19 Nov 2026 22:30:00 +0000</pubDate>
    <category><![CDATA[Гранти]]></category>
    <category><![CDATA[ОСББ]]></category>
    <guid isPermaLink="false">https://gazeta.example.ua/?p=5512</guid>
    <description><![CDATA[<p>Коротко: мікрогранти для ОСББ [&#8230;]</p>]]></description>
    <content:encoded><![CDATA[<p>Міська рада оголошує конкурс мікрогрантів для ОСББ.</p>
<p>Розмір гранту: до 100&nbsp;тис. грн. Дедлайн: 15 грудня 2026 року.</p>]]></content:encoded>
  </item>
  <item>
    <title>Новини тижня</title>
    <link>https://gazeta.example.ua/2026/11/novyny-tyzhnia/</link>
    <pubDate>Mon, 16 Nov 2026 08:00:00 +0200</pubDate>
    <description><![CDATA[<p>Що сталося в громаді за тиждень [&hellip;]</p>]]></description>
  </item>
</channel>
</rss>
<!-- Performance optimized by W3 Total Cache -->`;

describe('generic rss source', () => {
  it('reads RSS 2.0: content:encoded over description, Kyiv day, guid, categories, no tracking in links', () => {
    expect(items(RSS2)).toEqual([
      RawItem.parse({
        url: 'https://gazeta.example.ua/2026/11/konkurs-osbb/',
        title: 'Конкурс мікрогрантів для ОСББ: до 100 тис. грн',
        text: 'Міська рада оголошує конкурс мікрогрантів для ОСББ.\n\nРозмір гранту: до 100 тис. грн. Дедлайн: 15 грудня 2026 року.',
        publishedAt: '2026-11-20',
        externalId: 'https://gazeta.example.ua/?p=5512',
        tags: ['Гранти', 'ОСББ'],
      }),
      RawItem.parse({
        url: 'https://gazeta.example.ua/2026/11/novyny-tyzhnia/',
        title: 'Новини тижня',
        text: 'Що сталося в громаді за тиждень',
        publishedAt: '2026-11-16',
      }),
    ]);
  });

  it('reads Atom: html content, plain-text summary, xhtml content, alternate links, published over updated', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">
  <title>ГО «Розвиток громад»</title>
  <link rel="self" href="https://ngo.example.ua/atom.xml"/>
  <updated>2026-11-18T10:00:00+02:00</updated>
  <entry>
    <title type="html">Гранти &lt;b&gt;до 3 000 євро&lt;/b&gt; для бібліотек</title>
    <link rel="alternate" type="text/html" href="/news/hranty-dlia-bibliotek"/>
    <link rel="enclosure" href="/media/poster.jpg"/>
    <id>tag:ngo.example.ua,2026:news-871</id>
    <published>2026-11-17T23:30:00+02:00</published>
    <updated>2026-11-18T09:00:00+02:00</updated>
    <category term="гранти" label="Гранти"/>
    <summary>Коротко</summary>
    <content type="html">&lt;p&gt;Бібліотеки громад можуть отримати до 3&amp;nbsp;000 євро.&lt;/p&gt;&lt;p&gt;Дедлайн — 31 січня 2027.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Звіт за жовтень</title>
    <link href="https://ngo.example.ua/news/zvit-zhovten"/>
    <id>tag:ngo.example.ua,2026:news-860</id>
    <updated>2026-11-02T12:00:00Z</updated>
    <summary>Звіт &lt;не HTML&gt; за жовтень</summary>
  </entry>
  <entry>
    <title>Стипендії</title>
    <link href="https://ngo.example.ua/news/stypendii"/>
    <id>tag:ngo.example.ua,2026:news-850</id>
    <updated>2026-10-30T12:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Перший абзац.</p><p>Другий абзац.</p></div></content>
  </entry>
</feed>`;
    const [first, second, third] = items(atom);
    expect(first).toMatchObject({
      url: 'https://gazeta.example.ua/news/hranty-dlia-bibliotek',
      title: 'Гранти до 3 000 євро для бібліотек',
      text: 'Бібліотеки громад можуть отримати до 3 000 євро.\n\nДедлайн — 31 січня 2027.',
      publishedAt: '2026-11-17',
      externalId: 'tag:ngo.example.ua,2026:news-871',
      tags: ['гранти'],
    });
    expect(second).toMatchObject({
      url: 'https://ngo.example.ua/news/zvit-zhovten',
      text: 'Звіт <не HTML> за жовтень',
      publishedAt: '2026-11-02',
    });
    expect(third).toMatchObject({ text: 'Перший абзац.\n\nДругий абзац.', publishedAt: '2026-10-30' });
  });

  it('reads RSS 1.0 (RDF): items beside the channel, dc:date, rdf:about as id', () => {
    const rdf = `<?xml version="1.0" encoding="windows-1251"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rada.example.ua/rss">
    <title>Міська рада</title>
    <items><rdf:Seq><rdf:li rdf:resource="https://rada.example.ua/news/1201"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rada.example.ua/news/1201">
    <title>Оголошено конкурс проєктів громадського бюджету</title>
    <link>https://rada.example.ua/news/1201</link>
    <description>Прийом проєктів триває до 1 березня 2027 року.</description>
    <dc:date>2026-11-12T16:05:00+02:00</dc:date>
    <dc:subject>Громадський бюджет</dc:subject>
  </item>
</rdf:RDF>`;
    expect(items(rdf)).toEqual([
      RawItem.parse({
        url: 'https://rada.example.ua/news/1201',
        title: 'Оголошено конкурс проєктів громадського бюджету',
        text: 'Прийом проєктів триває до 1 березня 2027 року.',
        publishedAt: '2026-11-12',
        externalId: 'https://rada.example.ua/news/1201',
        tags: ['Громадський бюджет'],
      }),
    ]);
  });

  it('reads prefixes the feed never declared, and unusual prefixes by local name', () => {
    const sloppy = `<?xml version="1.0"?>
<rss version="2.0"><channel>
  <item>
    <title>Конкурс для молоді</title>
    <a10:link href="https://youth.example.ua/konkurs" />
    <dc:date>2026-11-05</dc:date>
    <cnt:encoded>&lt;p&gt;Повний текст.&lt;/p&gt;</cnt:encoded>
  </item>
</channel></rss>`;
    expect(items(sloppy)).toEqual([
      RawItem.parse({
        url: 'https://youth.example.ua/konkurs',
        title: 'Конкурс для молоді',
        text: 'Повний текст.',
        publishedAt: '2026-11-05',
      }),
    ]);
  });

  it('titles an untitled item by its first line and skips an item with no link at all', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel>
      <item><link>https://gazeta.example.ua/p/1</link><description>&lt;p&gt;Конкурс для ветеранів&lt;/p&gt;&lt;p&gt;До 15.12.2026.&lt;/p&gt;</description></item>
      <item><title>Без посилання</title><guid isPermaLink="false">abc-1</guid></item>
    </channel></rss>`;
    expect(items(xml).map((i) => [i.url, i.title, i.publishedAt])).toEqual([
      ['https://gazeta.example.ua/p/1', 'Конкурс для ветеранів', null],
    ]);
  });

  it('throws SourceFormatError for a feed cut off mid-item', () => {
    const cut = RSS2.slice(0, RSS2.indexOf('<item>', RSS2.indexOf('<item>') + 1) + 40);
    expect(() => source.parseList(feed(cut))).toThrow(SourceFormatError);
    expect(() => source.parseList(feed(cut))).toThrow(/ends before <\/rss>: the feed is truncated/);
    const atomCut = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Грант';
    expect(() => source.parseList(feed(atomCut))).toThrow(/ends before <\/feed>/);
  });

  it('throws SourceFormatError for an HTML page or garbage instead of a feed', () => {
    const html = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>';
    expect(() => source.parseList(feed(html))).toThrow(
      /is not an RSS, RDF or Atom feed \(got an HTML page\)/,
    );
    expect(() => source.parseList(feed(''))).toThrow(SourceFormatError);
    expect(() => source.parseList(feed('{"posts": []}'))).toThrow(/got "\{"posts": \[\]\}"/);
  });

  it('returns nothing, without error, for a valid empty feed', () => {
    expect(
      source.parseList(feed('<rss version="2.0"><channel><title>Порожньо</title></channel></rss>')),
    ).toEqual({
      items: [],
      details: [],
      next: [],
    });
  });
});
