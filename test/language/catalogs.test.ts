import * as agents from '../../src/language/catalogs/agents';
import * as chat from '../../src/language/catalogs/chat';
import * as mail from '../../src/language/catalogs/mail';
import * as pages from '../../src/language/catalogs/pages';
import * as sms from '../../src/language/catalogs/sms';
import * as teams from '../../src/language/catalogs/teams';
import * as textChannel from '../../src/language/catalogs/textChannel';
import { CALL_CENTER_TEL, MESSAGE_KEYS, translate } from '../../src/language/messages';

const AUDIENCES = { chat, pages, mail, sms, agents, teams, textChannel };
const LOCALES = ['tr', 'en'] as const;
const CALL_CENTER = { tr: '0262 648 18 18', en: '+90 262 648 18 18' };
/** The call-center number however it is spaced or prefixed: 0262…, +90 262…, 262 648 18 18, 2626481818. */
const ANY_CALL_CENTER_NUMBER = /262[\s.-]*648[\s.-]*18[\s.-]*18/;

describe('the message catalogs of each audience', () => {
  test('when the catalogs are gathered, then no key is in two of them and every key is in one', () => {
    const keys = Object.values(AUDIENCES).flatMap((catalog) => Object.keys(catalog.tr));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set([...keys, 'callCenter.number', 'callCenter.hours'])).toEqual(new Set(MESSAGE_KEYS));
  });

  test.each(Object.entries(AUDIENCES))('when the %s catalog is read, then English has exactly the Turkish keys', (_name, catalog) => {
    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.tr).sort());
  });

  test.each(Object.entries(AUDIENCES).flatMap(([name, catalog]) => LOCALES.map((locale) => [name, locale, catalog[locale]] as const)))(
    'when the %s catalog in %s is read, then no text types the call-center number itself',
    (_name, _locale, texts) => {
      const typed = Object.entries(texts).filter(([, text]) => ANY_CALL_CENTER_NUMBER.test(text));
      expect(typed).toEqual([]);
    },
  );
});

describe('the call-center number in every text', () => {
  const rows = LOCALES.flatMap((locale) => MESSAGE_KEYS.map((key) => [locale, key] as const));

  test.each(rows)('when %s "%s" is rendered, then no {callCenter} is left unfilled', (locale, key) => {
    const text = translate(locale, key);
    expect(text).not.toContain('{callCenter}');
    expect(text).not.toContain('{callCenterHours}');
    const number = text.match(ANY_CALL_CENTER_NUMBER);
    if (number) expect(text).toContain(CALL_CENTER[locale]);
  });

  test.each([
    ['tr', 'login.blocked', "Blokeyi kaldırmak için 0262 648 18 18 numaralı Çağrı Merkezi'mizi arayın."],
    ['en', 'login.blocked', 'call the Kamu SM call center at +90 262 648 18 18.'],
    ['tr', 'sms.phoneChanged', 'Bu islemi siz yapmadiysaniz 0262 648 18 18 numarali Cagri Merkezini arayin.'],
    ['tr', 'mail.unblocked.body', "hemen Kamu SM Çağrı Merkezi'ni arayın: 0262 648 18 18\n\nSaygılarımızla"],
    ['en', 'page.footer', 'Help: Kamu SM call center, +90 262 648 18 18'],
    ['en', 'teams.description.full', 'call the Kamu SM call center: +90 262 648 18 18.'],
  ] as const)('when %s "%s" is rendered, then the number sits where it was typed before', (locale, key, expected) => {
    expect(translate(locale, key)).toContain(expected);
  });

  test('when a caller passes its own callCenter, then the catalog number still wins', () => {
    expect(translate('tr', 'handOff.full', { callCenter: '112' })).toContain(CALL_CENTER.tr);
  });

  test('when a page links the number, then the tel: link dials the same number', () => {
    expect(CALL_CENTER_TEL).toBe('tel:+902626481818');
  });
});
