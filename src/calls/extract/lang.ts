// Tells the language of an announcement from its letters: Ukrainian і ї є ґ against Russian
// ы э ъ ё, Polish diacritics, English function words. One pass over the character codes.
import { compile } from './context.ts';

export type Lang = 'uk' | 'en' | 'ru' | 'pl' | 'other';

// When the distinctive letters are missing (AMP mirrors drop і, ї, є), common words decide.
const UK_WORDS = compile(
  String.raw`(?<![\p{L}])(?:та|що|або|це|як|до|від|для|своїх|також|буде|можуть)(?![\p{L}])`,
  'g',
);
const RU_WORDS = compile(
  String.raw`(?<![\p{L}])(?:и|что|или|это|как|от|также|будет|могут|для)(?![\p{L}])`,
  'g',
);
const EN_WORDS = compile(
  String.raw`(?<![\p{L}])(?:the|and|of|to|for|in|is|are|with|by|on|will|be)(?![\p{L}])`,
  'g',
);
/** Other Latin-script languages, so that a German or French text is not called English. */
const OTHER_WORDS = compile(
  String.raw`(?<![\p{L}])(?:der|die|das|und|für|ist|le|la|les|des|et|est|pour|el|los|para|del|che|di|il)(?![\p{L}])`,
  'g',
);
const PL_WORDS = compile(
  String.raw`(?<![\p{L}])(?:oraz|się|jest|dla|lub|przez|które|wniosk\p{L}*|nabór|konkurs)(?![\p{L}])`,
  'g',
);

function count(re: RegExp, text: string): number {
  return text.match(re)?.length ?? 0;
}

function isUkrainianLetter(c: number): boolean {
  // і ї є ґ and capitals
  return (
    c === 0x456 ||
    c === 0x457 ||
    c === 0x454 ||
    c === 0x491 ||
    c === 0x406 ||
    c === 0x407 ||
    c === 0x404 ||
    c === 0x490
  );
}

function isRussianLetter(c: number): boolean {
  // ы э ъ ё and capitals
  return (
    c === 0x44b ||
    c === 0x44d ||
    c === 0x44a ||
    c === 0x451 ||
    c === 0x42b ||
    c === 0x42d ||
    c === 0x42a ||
    c === 0x401
  );
}

function isPolishLetter(c: number): boolean {
  // ą ć ę ł ń ó ś ź ż and capitals
  switch (c) {
    case 0x105:
    case 0x107:
    case 0x119:
    case 0x142:
    case 0x144:
    case 0xf3:
    case 0x15b:
    case 0x17a:
    case 0x17c:
    case 0x104:
    case 0x106:
    case 0x118:
    case 0x141:
    case 0x143:
    case 0xd3:
    case 0x15a:
    case 0x179:
    case 0x17b:
      return true;
    default:
      return false;
  }
}

export function detectLang(text: string): Lang {
  let cyr = 0;
  let lat = 0;
  let uk = 0;
  let ru = 0;
  let pl = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) {
      cyr++;
      if (isUkrainianLetter(c)) uk++;
      else if (isRussianLetter(c)) ru++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      lat++;
    } else if (isPolishLetter(c)) {
      lat++;
      pl++;
    }
  }
  if (cyr === 0 && lat === 0) return 'other';
  if (cyr >= lat) {
    // і is about three times as frequent in Ukrainian as ы in Russian: quoted names tip neither.
    if (uk > ru * 2) return 'uk';
    if (ru > 0 && ru * 2 >= uk) return 'ru';
    const lower = text.toLowerCase();
    return count(RU_WORDS, lower) > count(UK_WORDS, lower) ? 'ru' : 'uk';
  }
  const lower = text.toLowerCase();
  const en = count(EN_WORDS, lower);
  if (pl * 100 >= lat || count(PL_WORDS, lower) > en) return 'pl';
  // Announcements in Latin script here are English unless another language's words outnumber it.
  return count(OTHER_WORDS, lower) > en ? 'other' : 'en';
}
