import type { Locale } from './locale';
import * as agents from './catalogs/agents';
import * as chat from './catalogs/chat';
import * as mail from './catalogs/mail';
import * as pages from './catalogs/pages';
import * as sms from './catalogs/sms';
import * as teams from './catalogs/teams';
import * as textChannel from './catalogs/textChannel';

/**
 * Every sentence a citizen or an agent reads, in Turkish and English, gathered from the catalogs of
 * each audience (catalogs/). The call-center number and its hours are written here once: every
 * text says {callCenter} and {callCenterHours}, and translate() fills them in. Neither SPEC nor the
 * seed guide gives the hours, so they are phrased generally until the call center states them.
 */
const tr = {
  'callCenter.number': '0262 648 18 18',
  'callCenter.hours': 'çalışma saatlerinde',
  ...chat.tr,
  ...pages.tr,
  ...mail.tr,
  ...sms.tr,
  ...agents.tr,
  ...teams.tr,
  ...textChannel.tr,
} as const;

export type MessageKey = keyof typeof tr;

const en: Record<MessageKey, string> = {
  'callCenter.number': '+90 262 648 18 18',
  'callCenter.hours': 'during working hours',
  ...chat.en,
  ...pages.en,
  ...mail.en,
  ...sms.en,
  ...agents.en,
  ...teams.en,
  ...textChannel.en,
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { tr, en };

/** Every message key, for checks that must cover the whole catalog (such as the SMS length budget). */
export const MESSAGE_KEYS = Object.keys(tr) as MessageKey[];

/**
 * The form of a message to send where only text arrives (SMS, WhatsApp): its short `<key>.sms`
 * form when the catalogs have one, else the message itself.
 */
export function textChannelKey(key: MessageKey): MessageKey {
  const short = `${key}.sms`;
  return short in tr ? (short as MessageKey) : key;
}

/** The call-center number as a tel: link, derived from the international form so it dials from anywhere. */
export const CALL_CENTER_TEL = `tel:${en['callCenter.number'].replace(/\s+/g, '')}`;

/** The text of a message in a language, with its {placeholders} filled in. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'callCenter') return catalogs[locale]['callCenter.number'];
    if (name === 'callCenterHours') return catalogs[locale]['callCenter.hours'];
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** "tr-TR", "tr", "en-GB" … → the catalog to use; anything unknown falls back. */
export function localeOf(tag: unknown, fallback: Locale): Locale {
  const language = typeof tag === 'string' ? tag.toLowerCase().split(/[-_]/)[0] : undefined;
  return language === 'en' || language === 'tr' ? language : fallback;
}

export const LANGUAGE_TAGS: Record<Locale, string> = { tr: 'tr-TR', en: 'en-US' };
