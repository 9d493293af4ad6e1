// The adapters' shared HTML helpers: htmlparser2 parsing that reads like parse5's, and one text
// walk that keeps paragraphs and table cells apart without re-parsing or copying the page.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { htmlToText, loadHtml, textStart } from '../../src/sources/html.ts';

describe('htmlToText', () => {
  // Blocks are set apart by a blank line, cells by a space.
  it.each([
    ['paragraphs and line breaks', '<p>Перший</p><p>Другий<br>рядок</p>', 'Перший\n\nДругий\n\nрядок'],
    [
      'table cells',
      '<table><tr><td>Сума</td><td>1 млн</td></tr><tr><th>Строк</th></tr></table>',
      'Сума 1 млн\n\nСтрок',
    ],
    [
      'scripts, styles and svg',
      '<div>Текст<script>var x;</script><style>p{}</style><svg><text>1</text></svg></div>',
      'Текст',
    ],
    ['comments', '<p>До<!-- прихований -->після</p>', 'Допісля'],
    [
      'nested blocks',
      '<section><div><p>Один</p></div><ul><li>Два</li><li>Три</li></ul></section>',
      'Один\n\nДва\n\nТри',
    ],
    ['spaces of every kind', '<p>a\u00a0\u00a0b\u200b c</p>', 'a b c'],
  ])('%s', (_, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('reads a parsed element as it reads the same markup given as a string', () => {
    const inner =
      '<h2>Умови</h2><p>Грант <b>до 500 000</b> грн.</p><table><tr><td>1</td><td>2</td></tr></table>';
    const $ = loadHtml(`<html><body><div class="body">${inner}</div><footer>Підвал</footer></body></html>`);
    const body = $('.body');
    expect(htmlToText(body)).toBe(htmlToText(body.html()!));
    expect(htmlToText(body)).toBe('Умови\n\nГрант до 500 000 грн.\n\n1 2');
    // The page is read, not changed (and written back with its characters as they are).
    expect($('.body').html()).toBe(inner);
  });

  it('does not wrap the elements it is given, only what is inside them', () => {
    const $ = loadHtml('<p>Один</p><p>Два</p>');
    expect(htmlToText($('p'))).toBe('ОдинДва');
  });
});

describe('loadHtml', () => {
  it('gives the text parse5 gives, whatever the line ends', () => {
    const page =
      '<html><body><div class="a">Рядок один\nрядок два\n\n\nтри</div><p>Ще &amp; ще&nbsp;раз</p></body></html>';
    for (const text of [page, page.replaceAll('\n', '\r\n'), page.replaceAll('\n', '\r')]) {
      expect(htmlToText(loadHtml(text)('body'))).toBe(htmlToText(cheerio.load(text)('body')));
    }
  });
});

describe('textStart', () => {
  it('stops once it has enough visible characters (not spaces, not zero-width ones)', () => {
    const $ = loadHtml(`<div><p>  Область:\u200b\u200b Львівська</p><p>${'далі '.repeat(50)}</p></div>`);
    expect(textStart($('div')[0]!, 10)).toBe('  Область:\u200b\u200b Львівська');
    expect(textStart($('p')[0]!, 100)).toBe('  Область:\u200b\u200b Львівська');
  });
});
