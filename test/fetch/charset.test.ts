// Bytes → text: a BOM first, then what the header or the document declares, and when that is
// UTF-8 or nothing, the bytes themselves (one strict decode both checks and decodes them).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/fetch/charset.ts';

const UK = 'Конкурс для громад: ґ, є, і, ї — «лапки»';
const LOWER = 'оголошено грантовий конкурс для громад і територій';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('decodeBody', () => {
  it.each<[string, Buffer, string | null, string, string]>([
    ['UTF-8 declared in the header', Buffer.from(UK), 'text/html; charset=utf-8', 'utf-8', UK],
    ['UTF-8 undeclared', Buffer.from(UK), 'text/html', 'utf-8', UK],
    ['"UTF8" spelled without the dash', Buffer.from(UK), 'text/html; charset="UTF8"', 'utf-8', UK],
    [
      'windows-1251 in the header',
      iconv.encode(UK, 'win1251'),
      'text/html; charset=windows-1251',
      'windows-1251',
      UK,
    ],
    [
      'windows-1251 sent as "utf-8"',
      iconv.encode(UK, 'win1251'),
      'text/html; charset=utf-8',
      'windows-1251',
      UK,
    ],
    // Undeclared legacy bytes: lowercase Cyrillic, most of any text, tells KOI8 from windows-1251.
    ['KOI8-U undeclared', iconv.encode(LOWER, 'koi8-u'), null, 'koi8-u', LOWER],
    ['windows-1251 undeclared', iconv.encode(LOWER, 'win1251'), null, 'windows-1251', LOWER],
    [
      'cp1251 in <meta> behind an unknown header charset',
      Buffer.concat([Buffer.from('<meta charset="cp1251">'), iconv.encode(UK, 'win1251')]),
      'text/html; charset=bogus',
      'windows-1251',
      `<meta charset="cp1251">${UK}`,
    ],
    [
      'a UTF-8 BOM, dropped',
      Buffer.concat([BOM, Buffer.from(UK)]),
      'text/html; charset=windows-1251',
      'utf-8',
      UK,
    ],
    ['a UTF-16 BOM', iconv.encode(UK, 'utf-16le', { addBOM: true }), null, 'utf-16le', UK],
  ])('%s', (_, bytes, contentType, charset, text) => {
    expect(decodeBody(bytes, contentType)).toEqual({ charset, text });
  });

  it('believes a UTF-8 BOM even over broken bytes, which become U+FFFD', () => {
    const bytes = Buffer.concat([BOM, Buffer.from('Грант '), Buffer.from([0xff])]);
    expect(decodeBody(bytes, null)).toEqual({ charset: 'utf-8', text: 'Грант \ufffd' });
  });

  it('decodes a view into a larger buffer by its own bytes only', () => {
    const whole = Buffer.from(`xx${UK}yy`);
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 2, whole.byteLength - 4);
    expect(decodeBody(view, null).text).toBe(UK);
  });
});
