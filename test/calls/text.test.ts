import { describe, expect, it } from 'vitest';
import { cleanText, isoDate, parseNumericDate } from '../../src/calls/text.ts';
import { canonicalUrl } from '../../src/calls/url.ts';

describe('cleanText', () => {
  it.each([
    ['stylized digits from social reposts', 'Дедлайн: 𝟭𝟱.𝟭𝟮.𝟮𝟬𝟮𝟲', 'Дедлайн: 15.12.2026'],
    ['bold letters', '𝐃𝐞𝐚𝐝𝐥𝐢𝐧𝐞', 'Deadline'],
    ['fullwidth digits', 'до １５ грудня', 'до 15 грудня'],
    [
      'non-breaking and narrow spaces',
      'від 50\u00a0000 до\u202f200 тис.\u00a0грн',
      'від 50 000 до 200 тис. грн',
    ],
    ['soft hyphens and zero-width spaces', 'гро\u00adма\u200bда', 'громада'],
    ['typography Ukrainian texts need is kept', '№ 5 … м² «лапки»', '№ 5 … м² «лапки»'],
    ['blank lines collapse, paragraphs stay', 'a\n\n\n\nb \n c', 'a\n\nb\nc'],
  ])('%s', (_, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    ['15.04.2026', '2026-04-15'],
    ['5/4/2026', '2026-04-05'],
    ['15.04.26', '2026-04-15'],
    ['31.02.2026', null],
    ['no date here', null],
  ])('parseNumericDate(%s) = %s', (input, expected) => {
    expect(parseNumericDate(input)).toBe(expected);
  });

  it('rejects impossible calendar dates', () => {
    expect(isoDate(2026, 2, 29)).toBeNull();
    expect(isoDate(2028, 2, 29)).toBe('2028-02-29');
  });
});

describe('canonicalUrl', () => {
  it.each([
    ['http://www.decentralization.gov.ua/news/21456?page=3', 'https://decentralization.gov.ua/news/21456'],
    ['https://decentralization.gov.ua/news/21456.amp', 'https://decentralization.gov.ua/news/21456'],
    ['https://site.ua/grant/amp/', 'https://site.ua/grant'],
    ['https://site.ua/grant/?utm_source=fb&fbclid=abc#top', 'https://site.ua/grant'],
    ['https://www.prostir.ua/?grants=konkurs-1', 'https://prostir.ua?grants=konkurs-1'],
    ['https://site.ua/a?b=2&a=1', 'https://site.ua/a?a=1&b=2'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });
});
