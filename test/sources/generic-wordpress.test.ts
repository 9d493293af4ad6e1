// Generic WordPress sources through the REST API: the query an entry builds, pagination while pages
// come back full, and the answers a site gives when REST is off or the list has ended.
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import { toSourceDefinition } from '../../src/sources/generic/load.ts';
import { GenericSourceEntry } from '../../src/sources/generic/schema.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const FIELDS = '_fields=id,date,date_gmt,modified,link,title,content,excerpt';

function wordpress(extra: Record<string, unknown> = {}) {
  return toSourceDefinition(
    GenericSourceEntry.parse({
      id: 'ngo-site',
      name: 'ГО «Агенція розвитку»',
      kind: 'wordpress',
      site: 'https://ngo.example.ua',
      perPage: 2,
      ...extra,
    }),
  );
}

function answer(
  url: string,
  body: unknown,
  contentType = 'application/json; charset=UTF-8',
): FetchedDocument {
  return { url, status: 200, contentType, text: typeof body === 'string' ? body : JSON.stringify(body) };
}

const post = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  date: '2026-11-18T00:30:00',
  date_gmt: '2026-11-17T22:30:00',
  modified: '2026-11-18T09:00:00',
  link: `https://ngo.example.ua/news/post-${id}/`,
  title: { rendered: `Конкурс &#171;Громада ${id}&#187; &#8211; гранти` },
  content: {
    rendered: '<p>Гранти до 200&nbsp;000 грн.</p>\n<p>Дедлайн: 15.12.2026.</p>\n',
    protected: false,
  },
  excerpt: { rendered: '<p>Гранти до 200&nbsp;000 грн. [&hellip;]</p>\n', protected: false },
  ...extra,
});

describe('generic wordpress source', () => {
  it('builds the posts query with categories, search and only the fields it reads', () => {
    const def = wordpress({
      categories: [12, 45],
      search: 'гранти громадам',
      postType: 'grants',
      perPage: 20,
    });
    expect(def.start).toEqual([
      {
        url: `https://ngo.example.ua/wp-json/wp/v2/grants?per_page=20&categories=12,45&search=%D0%B3%D1%80%D0%B0%D0%BD%D1%82%D0%B8%20%D0%B3%D1%80%D0%BE%D0%BC%D0%B0%D0%B4%D0%B0%D0%BC&${FIELDS}`,
        method: 'GET',
        headers: { accept: 'application/json' },
      },
    ]);
    const folder = wordpress({ site: 'https://pl-ua.eu/en/', postType: 'pages' });
    expect(folder.start[0]!.url).toBe(`https://pl-ua.eu/en/wp-json/wp/v2/pages?per_page=2&${FIELDS}`);
  });

  it('reads a post: rendered title decoded, content as text, Kyiv day from date_gmt, id as externalId', () => {
    const def = wordpress();
    const { items } = def.parseList(answer(def.start[0]!.url, [post(7)]));
    expect(items.map((i) => RawItem.parse(i))).toEqual([
      RawItem.parse({
        url: 'https://ngo.example.ua/news/post-7/',
        title: 'Конкурс «Громада 7» – гранти',
        text: 'Гранти до 200 000 грн.\n\nДедлайн: 15.12.2026.',
        publishedAt: '2026-11-18',
        externalId: '7',
      }),
    ]);
  });

  it('falls back to the excerpt when the content is empty, and to `date` without date_gmt', () => {
    const def = wordpress();
    const bare = post(8, {
      content: { rendered: '', protected: false },
      date_gmt: null,
      date: '2026-11-03T23:59:00',
    });
    const locked = post(9, {
      content: { rendered: '', protected: true },
      excerpt: { rendered: '', protected: true },
    });
    const { items } = def.parseList(answer(def.start[0]!.url, [bare, locked]));
    expect(items.map((i) => [i.text, i.publishedAt])).toEqual([
      ['Гранти до 200 000 грн.', '2026-11-03'],
      ['', '2026-11-18'],
    ]);
  });

  it('asks for the next page only after a full page', () => {
    const def = wordpress();
    const first = def.start[0]!.url;
    expect(def.parseList(answer(first, [post(1), post(2)])).next).toEqual([{ url: `${first}&page=2` }]);
    expect(def.parseList(answer(`${first}&page=2`, [post(3), post(4)])).next).toEqual([
      { url: `${first}&page=3` },
    ]);
    expect(def.parseList(answer(`${first}&page=3`, [post(5)])).next).toEqual([]);
    expect(def.maxPages).toBe(2);
  });

  it('treats WordPress’s "page past the last one" error as the end of the list', () => {
    const def = wordpress();
    const body = {
      code: 'rest_post_invalid_page_number',
      message: 'The page number requested is larger than the number of pages available.',
      data: { status: 400 },
    };
    expect(def.parseList(answer(`${def.start[0]!.url}&page=2`, body))).toEqual({
      items: [],
      details: [],
      next: [],
    });
  });

  it('throws SourceFormatError saying the REST API seems disabled when HTML comes back', () => {
    const def = wordpress();
    const html =
      '<!DOCTYPE html>\n<html lang="uk"><head><title>Сторінку не знайдено</title></head><body></body></html>';
    const doc = answer(def.start[0]!.url, html, 'text/html; charset=UTF-8');
    expect(() => def.parseList(doc)).toThrow(SourceFormatError);
    expect(() => def.parseList(doc)).toThrow(
      /did not return JSON \(body starts "<!DOCTYPE html> <html lang="uk">.*the WordPress REST API seems disabled or blocked at https:\/\/ngo\.example\.ua\/wp-json\//,
    );
  });

  it('throws SourceFormatError for an unknown post type and for JSON that is not posts', () => {
    const def = wordpress({ postType: 'grants' });
    const noRoute = {
      code: 'rest_no_route',
      message: 'No route was found matching the URL and request method.',
    };
    expect(() => def.parseList(answer(def.start[0]!.url, noRoute))).toThrow(
      /no REST route for postType "grants"/,
    );
    expect(() => def.parseList(answer(def.start[0]!.url, { posts: [] }))).toThrow(
      /returned JSON that is not a list of posts/,
    );
    expect(() => def.parseList(answer(def.start[0]!.url, [{ name: 'Гранти', slug: 'hranty' }]))).toThrow(
      /without id, link and title\.rendered/,
    );
    expect(def.parseList(answer(def.start[0]!.url, []))).toEqual({ items: [], details: [], next: [] });
  });
});
