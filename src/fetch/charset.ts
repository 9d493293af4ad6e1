// Bytes → string with the right charset: BOM, then the HTTP header, then <meta>/XML declaration,
// then a UTF-8 validity sniff. Never buffer.toString() on bytes of unknown encoding: Ukrainian
// sites still serve windows-1251 and koi8-u.
import iconv from 'iconv-lite';

const ALIASES: Record<string, string> = {
  'x-cp1251': 'windows-1251',
  cp1251: 'windows-1251',
  'koi8-ru': 'koi8-u',
};

/** Validates while it decodes: throws on bytes that are not UTF-8. Both strip a UTF-8 BOM. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

export function decodeBody(bytes: Uint8Array, contentType: string | null): { text: string; charset: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomCharset(buf);
  // A UTF-8 BOM is believed even when bytes after it are broken (they become U+FFFD).
  if (bom === 'utf-8') return { text: LENIENT_UTF8.decode(buf), charset: bom };
  const declared = bom ?? declaredCharset(buf, contentType);
  if (declared && declared !== 'utf-8') return { text: iconv.decode(buf, declared), charset: declared };
  // Declared UTF-8 or nothing declared: the bytes decide. A page that says utf-8 but is not valid
  // UTF-8 is lying (a common CMS misconfiguration); anything else declared is believed. The strict
  // decode is the validity check, so a valid page is decoded once, not validated and then decoded.
  const text = decodeStrictUtf8(buf);
  if (text !== null) return { text, charset: 'utf-8' };
  const guessed = legacyCyrillic(buf);
  return { text: iconv.decode(buf, guessed), charset: guessed };
}

function bomCharset(buf: Buffer): string | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The HTTP header's charset, else the document's own <meta>/XML declaration. */
function declaredCharset(buf: Buffer, contentType: string | null): string | undefined {
  return usable(/charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]) ?? usable(declaredInDocument(buf));
}

function declaredInDocument(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 2048).toString('latin1');
  return (
    /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]
  );
}

function usable(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const lower = ALIASES[name.toLowerCase()] ?? name.toLowerCase();
  if (lower === 'utf8') return 'utf-8';
  return iconv.encodingExists(lower) ? lower : undefined;
}

function decodeStrictUtf8(buf: Buffer): string | null {
  try {
    return STRICT_UTF8.decode(buf);
  } catch {
    return null;
  }
}

// In windows-1251 lowercase Cyrillic sits in 0xE0–0xFF; in KOI8 it is 0xC0–0xDF. Text is mostly
// lowercase, so whichever range dominates tells the encoding.
function legacyCyrillic(buf: Buffer): 'koi8-u' | 'windows-1251' {
  let koi = 0;
  let win = 0;
  for (const b of buf.subarray(0, 65536)) {
    if (b >= 0xc0 && b <= 0xdf) koi++;
    else if (b >= 0xe0) win++;
  }
  return koi > win * 1.5 ? 'koi8-u' : 'windows-1251';
}
