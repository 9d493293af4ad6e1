// Titles and summaries as an editor writes them: labels, emoji and site names off the title; the
// summary from the opening sentences, without page chrome.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/calls/extract/index.ts';
import { cleanTitle } from '../../src/calls/extract/summary.ts';

describe('title', () => {
  it.each([
    ['Грант: Конкурс «Світло в кожну громаду»', 'Конкурс «Світло в кожну громаду»'],
    [
      'Call: Cross-border cooperation for resilient municipalities',
      'Cross-border cooperation for resilient municipalities',
    ],
    ['Call for proposals: Youth in action', 'Youth in action'],
    ['🔥💰 Гранти до 500 тис. грн для громад 🇺🇦', 'Гранти до 500 тис. грн для громад'],
    ['[ГРАНТ] Конкурс мікрогрантів для молоді', 'Конкурс мікрогрантів для молоді'],
    ['Конкурс «Молодіжні простори» | ГУРТ', 'Конкурс «Молодіжні простори»'],
    ['Програма підтримки громад – Громадський Простір', 'Програма підтримки громад'],
    ['Гранти для ОСББ - decentralization.gov.ua', 'Гранти для ОСББ'],
    ['Інтерреґ NEXT Польща–Україна: третій набір', 'Інтерреґ NEXT Польща–Україна: третій набір'],
  ])('%s', (raw, want) => {
    expect(cleanTitle(raw)).toBe(want);
  });

  it('falls back to a heading line of the text', () => {
    const r = extract({ text: 'Конкурс «Зелені громади»\nФонд оголошує конкурс для громад.' });
    expect(r.title).toBe('Конкурс «Зелені громади»');
  });

  it('stays null when the text has no heading', () => {
    expect(
      extract({ text: 'Фонд оголошує конкурс для громад. Дедлайн — 1 травня 2026 року.' }).title,
    ).toBeNull();
  });
});

describe('summary', () => {
  it('takes the opening sentences', () => {
    const r = extract({
      title: 'Конкурс «Світло в кожну громаду»',
      text: 'Благодійний фонд оголошує конкурс міні-грантів. Розмір гранту — до 400 тис. грн. Заявки приймаються до 3 квітня. Вебінар — 12 березня.',
    });
    expect(r.summary).toBe(
      'Благодійний фонд оголошує конкурс міні-грантів. Розмір гранту — до 400 тис. грн. Заявки приймаються до 3 квітня.',
    );
  });

  it('skips page chrome, greetings and the repeated title', () => {
    const r = extract({
      title: 'Конкурс для громад',
      text: 'ЗАВЕРШЕНО\nЗафіксувати у Google календарі!\nгранти\nКонкурс для громад\nДрузі!\n🔔 Фонд оголошує конкурс для громад. Подати заявку можна до 1 травня.',
    });
    expect(r.summary).toBe('Фонд оголошує конкурс для громад. Подати заявку можна до 1 травня.');
  });

  it('cuts a long opening at a word', () => {
    const long = `Фонд оголошує конкурс ${'для громад і організацій '.repeat(30)}країни.`;
    const r = extract({ text: long });
    expect(r.summary.length).toBeLessThanOrEqual(361);
    expect(r.summary.endsWith('…')).toBe(true);
    expect(r.summary).not.toMatch(/\s…$/);
  });

  it('is plain text without emoji', () => {
    const r = extract({ text: '🔥 Грантова можливість! 💰 Гранти до 50 000 грн для громад.' });
    expect(r.summary).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});
