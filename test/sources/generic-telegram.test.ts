// Generic Telegram sources: a channel's web preview as t.me/s serves it — message timestamps turned
// into Kyiv days, line breaks kept, emoji-free titles, housekeeping messages skipped, older pages.
import { describe, expect, it } from 'vitest';
import { RawItem } from '../../src/calls/schema.ts';
import { toSourceDefinition } from '../../src/sources/generic/load.ts';
import { GenericSourceEntry } from '../../src/sources/generic/schema.ts';
import { type FetchedDocument, SourceFormatError } from '../../src/sources/types.ts';

const source = toSourceDefinition(
  GenericSourceEntry.parse({ id: 'tg-hromady', name: 'Громади', kind: 'telegram', channel: '@Hromady_UA' }),
);
const emoji = (ch: string) =>
  `<i class="emoji" style="background-image:url('//telegram.org/img/emoji/40/X.png')"><b>${ch}</b></i>`;

function message(id: number, datetime: string, text: string | null, extra = '', cls = ''): string {
  const body =
    text === null ? '' : `<div class="tgme_widget_message_text js-message_text" dir="auto">${text}</div>`;
  return `<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message text_not_supported_wrap js-widget_message${cls}" data-post="Hromady_UA/${id}">
    <div class="tgme_widget_message_bubble">${extra}${body}
      <div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info">
        <span class="tgme_widget_message_views">1.1K</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/Hromady_UA/${id}"><time datetime="${datetime}" class="time">00:00</time></a></span>
      </div></div>
    </div></div></div>`;
}

function preview(messages: string, more = ''): FetchedDocument {
  const text = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Громади – Telegram</title></head>
    <body class="widget_frame_base tgme_webpreview"><header class="tgme_header"><div class="tgme_channel_info"><div class="tgme_channel_info_description">Гранти 24/7 🔥</div></div></header>
    <main class="tgme_main"><section class="tgme_channel_history js-message_history">${more}${messages}</section></main></body></html>`;
  return { url: 'https://t.me/s/Hromady_UA', status: 200, contentType: 'text/html; charset=utf-8', text };
}

describe('generic telegram source', () => {
  it('reads the preview page of the channel named in the entry', () => {
    expect(source.start).toEqual([{ url: 'https://t.me/s/Hromady_UA', method: 'GET' }]);
    expect(source.kind).toBe('html');
  });

  it.each([
    ['2026-11-19T22:30:00+00:00', '2026-11-20'],
    ['2026-11-19T21:59:59+00:00', '2026-11-19'],
    ['2026-10-24T21:30:00+00:00', '2026-10-25'],
    ['2026-10-25T21:30:00+00:00', '2026-10-25'],
    ['2026-11-20T01:00:00+05:00', '2026-11-19'],
    ['not a date', null],
  ])('dates a message sent at %s on the Kyiv day %s', (datetime, day) => {
    const [item] = source.parseList(preview(message(10, datetime, 'Конкурс'))).items;
    expect(item!.publishedAt).toBe(day);
  });

  it('keeps each <br> as a line break and titles the post by its first line without emoji', () => {
    const text = `${emoji('🔥')}${emoji('🔥')}<br/>${emoji('📢')} <b>Грант до 500&nbsp;000 грн</b> для громад<br/>${emoji('⏰')} Дедлайн: 𝟭𝟱.𝟭𝟮.𝟮𝟬𝟮𝟲<br/><br/><a href="?q=%23%D0%B3%D1%80%D0%B0%D0%BD%D1%82%D0%B8">#гранти</a>`;
    const [item] = source.parseList(preview(message(11, '2026-11-18T09:00:00+00:00', text))).items;
    expect(RawItem.parse(item)).toEqual(
      RawItem.parse({
        url: 'https://t.me/Hromady_UA/11',
        title: 'Грант до 500 000 грн для громад',
        text: '🔥🔥\n📢 Грант до 500 000 грн для громад\n⏰ Дедлайн: 15.12.2026\n\n#гранти',
        publishedAt: '2026-11-18',
        externalId: 'Hromady_UA/11',
        tags: ['#гранти'],
      }),
    );
  });

  it('shortens a long first line to 140 characters at a word', () => {
    const long = `${'Дуже довга назва конкурсу '.repeat(8)}кінець`;
    const [item] = source.parseList(preview(message(12, '2026-11-18T09:00:00+00:00', long))).items;
    expect(item!.title!.length).toBeLessThanOrEqual(140);
    const kept = item!.title!.slice(0, -1);
    expect(item!.title!.endsWith('…')).toBe(true);
    // Cut at a word: what is kept is the line's start, and the line goes on with a space there.
    expect(long.startsWith(`${kept} `)).toBe(true);
  });

  it('skips service messages and messages without text; keeps replies’ own text only; newest first', () => {
    const reply = `<a class="tgme_widget_message_reply" href="https://t.me/Hromady_UA/20"><div class="tgme_widget_message_text">Цитата старого допису</div></a>`;
    const photo = `<a class="tgme_widget_message_photo_wrap" href="https://t.me/Hromady_UA/22" style="background-image:url('https://cdn4.telesco.pe/file/x.jpg')"></a>`;
    const forwarded = `<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from <a class="tgme_widget_message_forwarded_from_name" href="https://t.me/fund/5"><span dir="auto">Фонд громад</span></a></div>`;
    const html =
      message(20, '2026-11-10T10:00:00+00:00', 'Hromady pinned «Конкурс»', '', ' service_message') +
      message(21, '2026-11-11T10:00:00+00:00', 'Оновлення: дедлайн продовжено', reply) +
      message(22, '2026-11-12T10:00:00+00:00', null, photo) +
      message(23, '2026-11-13T10:00:00+00:00', `${emoji('🎉')}`) +
      message(24, '2026-11-14T10:00:00+00:00', 'Конкурс від фонду', forwarded);
    const { items } = source.parseList(preview(html));
    expect(items.map((i) => [i.externalId, i.text, i.tags ?? []])).toEqual([
      ['Hromady_UA/24', 'Конкурс від фонду', ['Forwarded from Фонд громад']],
      ['Hromady_UA/21', 'Оновлення: дедлайн продовжено', []],
    ]);
  });

  it('follows the "load more" link to older messages, not the link to newer ones', () => {
    const more = (attr: string, id: number) =>
      `<div class="tgme_widget_message_centered js-messages_more_wrap"><a href="/s/Hromady_UA?${attr}=${id}" class="tme_messages_more js-messages_more" data-${attr}="${id}"></a></div>`;
    const page = preview(
      message(30, '2026-11-18T09:00:00+00:00', 'Конкурс'),
      more('after', 31) + more('before', 30),
    );
    expect(source.parseList(page).next).toEqual([{ url: 'https://t.me/s/Hromady_UA?before=30' }]);
    expect(source.parseList(preview(message(1, '2026-01-01T09:00:00+00:00', 'Перший допис'))).next).toEqual(
      [],
    );
  });

  it('returns no items for a channel with no posts yet', () => {
    expect(source.parseList(preview(''))).toEqual({ items: [], details: [], next: [] });
  });

  it('throws SourceFormatError when the page has no message history (private channel, preview off)', () => {
    const page: FetchedDocument = {
      url: 'https://t.me/s/Hromady_UA',
      status: 200,
      contentType: 'text/html; charset=utf-8',
      text: '<html><body><div class="tgme_page"><div class="tgme_page_title">Громади</div><a class="tgme_action_button_new">View in Telegram</a></div></body></html>',
    };
    expect(() => source.parseList(page)).toThrow(SourceFormatError);
    expect(() => source.parseList(page)).toThrow(/has no div\.tgme_widget_message_wrap messages/);
  });
});
