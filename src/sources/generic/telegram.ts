// A config-defined public Telegram channel, read from its web preview (https://t.me/s/<channel>):
// one item per text message (newest first), titled by its first line; older messages via "load more".
import * as cheerio from 'cheerio';
import type { RawItemInput } from '../../calls/schema.ts';
import { cleanLine, cleanText } from '../../calls/text.ts';
import { type FetchedDocument, type ListResult, type SourceDefinition, SourceFormatError } from '../types.ts';
import { kyivDay, titleFromText } from './common.ts';
import type { TelegramEntry } from './schema.ts';

const WRAP = 'div.tgme_widget_message_wrap';
const MESSAGE = '.tgme_widget_message';
const TEXT = '.tgme_widget_message_text';
const DATE = 'a.tgme_widget_message_date time[datetime]';

export function previewUrl(channel: string): string {
  return `https://t.me/s/${channel}`;
}

type Message = ReturnType<cheerio.CheerioAPI>;

/** The message's text with its line breaks: Telegram writes every newline as <br/>. */
function messageText($: cheerio.CheerioAPI, el: Message): string {
  const box = el.clone();
  box.find('br').replaceWith('\n');
  box.find('blockquote, pre').each((_, b) => {
    $(b).before('\n').after('\n');
  });
  return cleanText(box.text());
}

/** The channel's own hashtags (#гранти) and "Forwarded from …" as the page shows it. */
function tags($: cheerio.CheerioAPI, msg: Message, text: Message): string[] {
  const hashtags = text
    .find('a[href^="?q="]')
    .toArray()
    .map((a) => cleanLine($(a).text()))
    .filter((t) => t.startsWith('#'));
  const forwarded = cleanLine(msg.find('.tgme_widget_message_forwarded_from').first().text());
  return [...new Set([...(forwarded ? [forwarded] : []), ...hashtags])];
}

function toItem($: cheerio.CheerioAPI, msg: Message): RawItemInput | null {
  // Service messages ("Channel photo updated", "pinned …") are the channel's housekeeping.
  if (msg.hasClass('service_message')) return null;
  const post = /^([A-Za-z0-9_]+)\/(\d+)$/.exec(msg.attr('data-post') ?? '');
  // Quoted replies carry their own text block: only the message's own counts.
  const textEl = msg
    .find(TEXT)
    .filter((_, el) => $(el).closest('.tgme_widget_message_reply').length === 0)
    .first();
  const text = textEl.length ? messageText($, textEl) : '';
  // Photos, stickers and polls without a caption say nothing extraction could read.
  if (!post || !text) return null;
  const title = titleFromText(text);
  if (!title) return null;
  return {
    url: `https://t.me/${post[1]}/${post[2]}`,
    title,
    text,
    // The timestamp carries its offset; the catalogue counts days in Kyiv.
    publishedAt: kyivDay(msg.find(DATE).first().attr('datetime')),
    externalId: `${post[1]}/${post[2]}`,
    lang: null,
    tags: tags($, msg, textEl),
  };
}

/** The "load more" link for older messages; on `?before=` pages a `data-after` link points the other way. */
function olderPage($: cheerio.CheerioAPI, channel: string): string | null {
  const before =
    $('a.tme_messages_more[data-before]').first().attr('data-before') ??
    /[?&]before=(\d+)/.exec($('link[rel="prev"]').attr('href') ?? '')?.[1];
  return before && /^\d+$/.test(before) ? `${previewUrl(channel)}?before=${before}` : null;
}

export function parseTelegram(doc: FetchedDocument, entry: TelegramEntry): ListResult {
  const $ = cheerio.load(doc.text);
  // Wrapped in the channel history, bare in embeds: the message block is the same.
  const messages = $(MESSAGE);
  // A channel page without a history is private, has its preview switched off or changed layout;
  // a channel that simply has no posts still shows its info card.
  if (messages.length === 0 && $(WRAP).length === 0 && $('.tgme_channel_info').length === 0) {
    throw new SourceFormatError(
      `${entry.id}: ${doc.url} has no ${WRAP} messages: the channel is private, its web preview is off, or the layout changed`,
    );
  }
  const items = messages
    .toArray()
    .map((el) => toItem($, $(el)))
    .filter((i): i is RawItemInput => i !== null)
    // The preview lists oldest first; the pipeline expects lists newest first (item budgets keep the head).
    .reverse();
  const older = olderPage($, entry.channel);
  return { items, details: [], next: older ? [{ url: older }] : [] };
}

export function telegramSource(entry: TelegramEntry): SourceDefinition {
  return {
    id: entry.id,
    name: entry.name,
    ...(entry.donor ? { donor: entry.donor } : {}),
    kind: 'html',
    homepage: entry.homepage ?? previewUrl(entry.channel),
    verified: entry.verified === true,
    ...(entry.role ? { role: entry.role } : {}),
    ...(entry.enabled === false ? { enabled: false } : {}),
    // t.me answers 429 quickly to fast clients.
    minDelayMs: entry.minDelayMs ?? 3000,
    ...(entry.maxItems ? { maxItems: entry.maxItems } : {}),
    maxPages: entry.maxPages,
    start: [{ url: previewUrl(entry.channel), method: 'GET' }],
    parseList: (doc) => parseTelegram(doc, entry),
  };
}
