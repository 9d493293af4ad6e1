// Bytes → string with the right charset: BOM, then the HTTP header, then <meta>/XML declaration,
// then a UTF-8 validity sniff. Never buffer.toString() on bytes of unknown encoding: Ukrainian
// sites still serve windows-1251 and koi8-u.
import iconv from 'iconv-lite';

const ALIASES: Record<string, string> = {
  'x-cp1251': 'windows-1251',
  cp1251: 'windows-1251',
  'koi8-ru': 'koi8-u',
};

export function decodeBody(bytes: Uint8Array, contentType: string | null): { text: string; charset: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const charset = detectCharset(buf, contentType);
  const text =
    charset === 'utf-8' ? new TextDecoder('utf-8').decode(stripBom(buf)) : iconv.decode(buf, charset);
  return { text, charset };
}

export function detectCharset(buf: Buffer, contentType: string | null): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  const declared =
    usable(/charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]) ?? usable(declaredInDocument(buf));
  // A page that says utf-8 but is not valid UTF-8 is lying (a common CMS misconfiguration):
  // trust the bytes. Anything else declared is believed.
  if (declared && declared !== 'utf-8') return declared;
  if (isValidUtf8(buf)) return 'utf-8';
  return looksLikeKoi8(buf) ? 'koi8-u' : 'windows-1251';
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

function stripBom(buf: Buffer): Buffer {
  return buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
}

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

// In windows-1251 lowercase Cyrillic sits in 0xE0–0xFF; in KOI8 it is 0xC0–0xDF. Text is mostly
// lowercase, so whichever range dominates tells the encoding.
function looksLikeKoi8(buf: Buffer): boolean {
  let koi = 0;
  let win = 0;
  for (const b of buf.subarray(0, 65536)) {
    if (b >= 0xc0 && b <= 0xdf) koi++;
    else if (b >= 0xe0) win++;
  }
  return koi > win * 1.5;
}
