import { MENU } from '../../src/dialogs/operationsMenuDialog';
import { matchChoice } from '../../src/language/choices';
import { choiceSynonymsOf } from '../../src/language/choiceSynonyms';
import { translate, type MessageKey } from '../../src/language/messages';
import { REVOCATION_REASONS } from '../../src/domain/certificates';

/** The choice lists the dialogs offer, as they offer them. */
const CHOICE_LISTS: Record<string, readonly MessageKey[]> = {
  start: ['start.choice.forgot', 'start.choice.login', 'start.choice.help'],
  smsOnay: ['sms.choice.confirm', 'sms.choice.notMine'],
  expiredCode: ['sms.choice.newCode', 'sms.choice.stop'],
  menu: MENU,
  pinPuk: ['pinPuk.choice.save', 'pinPuk.choice.delete', 'pinPuk.choice.back'],
  revokeReason: REVOCATION_REASONS.map((reason) => `revoke.reason.${reason}` as const),
  updateDetails: ['update.choice.email', 'update.choice.phone'],
};

const cases = Object.entries(CHOICE_LISTS).flatMap(([list, keys]) =>
  keys.flatMap((key, index) => choiceSynonymsOf(key).map((synonym) => [list, synonym, index] as const)),
);

describe('the natural words of each choice', () => {
  test.each(cases)('at %s, %j picks its own choice (%p) in Turkish and in English', (list, synonym, index) => {
    const keys = CHOICE_LISTS[list]!;
    const synonyms = keys.map(choiceSynonymsOf);
    for (const locale of ['tr', 'en'] as const) {
      expect(
        matchChoice(
          synonym,
          keys.map((key) => translate(locale, key)),
          synonyms,
        ),
      ).toBe(index);
    }
  });

  test.each<[string, string, number]>([
    ['pinPuk', 'sil', 1],
    ['pinPuk', 'SİL', 1],
    ['revokeReason', 'çalındı', 0],
    ['revokeReason', 'calinti', 0],
    ['revokeReason', 'soyadim degisti', 1],
    ['revokeReason', 'kartım kayboldu', 0],
    ['menu', 'pin', 4],
    ['start', 'sifreli', 1],
  ])('at %s, %j (as typed) picks choice %p', (list, typed, index) => {
    const keys = CHOICE_LISTS[list]!;
    expect(
      matchChoice(
        typed,
        keys.map((key) => translate('tr', key)),
        keys.map(choiceSynonymsOf),
      ),
    ).toBe(index);
  });
});
