import { IdentificationDialog } from '../../src/dialogs/identificationDialog';
import type { Locale } from '../../src/language/locale';
import { translate, type MessageKey } from '../../src/language/messages';
import type { Row } from '../support/dialogScript';
import { AYSE, testServices } from '../support/dialogServices';
import { DialogTestClient } from '../support/dialogTestClient';

/** Valid check digits, but the first digit changed: the checksum fails. */
const BAD_CHECK_DIGITS = '10000000147';

describe.each<Locale>(['tr', 'en'])('the Kimlik No step alone (%s)', (locale) => {
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const prompt = say('identification.prompt');
  const invalid = (reason: MessageKey, left: number) => `${say(reason)} ${say('identification.tryAgain', { left })}`;

  function client() {
    const services = testServices();
    const countAgainstSource = jest.spyOn(services.rateLimits, 'countAgainstSource');
    return { client: new DialogTestClient(() => new IdentificationDialog(services.rateLimits), { locale }), countAgainstSource };
  }

  test.each<[string, string, { type: string; value: string }]>([
    ['a T.C. Kimlik Numarası', AYSE.nationalId, { type: 'tckn', value: AYSE.nationalId }],
    ['a T.C. Kimlik Numarası with spaces and a dash', '100 000 001-46', { type: 'tckn', value: AYSE.nationalId }],
    ['a passport number', 'U12345678', { type: 'passport', value: 'U12345678' }],
  ])('when %s is typed, then the step ends with it and says nothing more', async (_what, typed, id) => {
    const { client: step, countAgainstSource } = client();
    await step.play([
      ['Şifreli Giriş', prompt],
      [typed, []],
    ]);
    expect(step.dialogTurnResult?.result).toEqual(id);
    expect(countAgainstSource).not.toHaveBeenCalled();
  });

  const threeInvalid: Row[] = [
    ['Şifreli Giriş', prompt],
    ['12345', [invalid('identification.invalid.tckn-length', 2), prompt]],
    [BAD_CHECK_DIGITS, [invalid('identification.invalid.tckn-checksum', 1), prompt]],
    ['01234567890', `${say('identification.invalid.tckn-first-digit')} ${say('identification.giveUp')}`],
  ];

  test('when the ID is invalid three times, then each reply gives the reason and the tries left, and the third gives up', async () => {
    const { client: step, countAgainstSource } = client();
    await step.play(threeInvalid);
    expect(step.dialogTurnResult?.status).toBe('complete');
    expect(step.dialogTurnResult?.result).toBeUndefined();
    // Each mistyped ID costs the source a failed check, so a script guessing IDs pays for every guess.
    expect(countAgainstSource).toHaveBeenCalledTimes(3);
  });

  test('when an invalid ID is followed by a valid one, then the valid one is taken', async () => {
    const { client: step } = client();
    await step.play([
      ['Şifreli Giriş', prompt],
      ['ABC', [invalid('identification.invalid.passport-format', 2), prompt]],
      [AYSE.nationalId, []],
    ]);
    expect(step.dialogTurnResult?.result).toEqual({ type: 'tckn', value: AYSE.nationalId });
  });
});
