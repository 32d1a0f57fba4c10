import { TestAdapter, TurnContext } from 'botbuilder';
import { pickChoice } from '../../src/dialogs/prompts';
import { setTurnInfo } from '../../src/dialogs/turn';
import type { Locale } from '../../src/language/locale';
import { textChannelKey, translate, type MessageKey } from '../../src/language/messages';
import { smsFrom, WEB_CHAT } from '../support/dialogTestClient';

const MENU: MessageKey[] = (['activate', 'revoke', 'update', 'list', 'pinPuk', 'unlock', 'logout'] as const).map(
  (choice) => `menu.choice.${choice}` as const,
);

function contextOn(locale: Locale, sms: boolean): TurnContext {
  const context = new TurnContext(new TestAdapter(), {
    type: 'message',
    text: '',
    conversation: { id: 'labels', isGroup: false, name: '', conversationType: 'personal' },
  });
  setTurnInfo(context, {
    locale,
    rateSubject: 'conversation:labels',
    source: 'test:labels',
    channel: sms ? 'sms' : 'test',
    profile: sms ? smsFrom('+905321234567') : WEB_CHAT,
  });
  return context;
}

describe('the İşlemler Menüsü labels a citizen may type', () => {
  test.each(['tr', 'en'] as const)(
    'when a %s citizen on SMS types a label as the web chat shows it, as SMS shows it, or in the other language, then it picks that choice',
    (locale) => {
      const context = contextOn(locale, true);
      const other = locale === 'tr' ? 'en' : 'tr';
      MENU.forEach((key, index) => {
        expect(pickChoice(context, MENU, translate(locale, key))).toBe(index);
        expect(pickChoice(context, MENU, translate(locale, textChannelKey(key)))).toBe(index);
        expect(pickChoice(context, MENU, translate(other, key))).toBe(index);
        expect(pickChoice(context, MENU, translate(other, textChannelKey(key)))).toBe(index);
      });
    },
  );

  test('when an English citizen on the web chat types the short SMS label or the full one, then it picks that choice', () => {
    const context = contextOn('en', false);
    MENU.forEach((key, index) => {
      expect(pickChoice(context, MENU, translate('en', key))).toBe(index);
      expect(pickChoice(context, MENU, translate('en', textChannelKey(key)))).toBe(index);
    });
  });
});
