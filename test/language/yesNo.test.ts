import { recognizeYesNo } from '../../src/language/yesNo';
import { expectQuick, HUGE_INPUT } from '../support/hostileInput';

describe('recognizeYesNo', () => {
  test.each([
    'evet',
    'e',
    'tamam',
    'olur',
    'peki',
    'onay',
    'onaylıyorum',
    'ONAYLIYORUM',
    'yes',
    'y',
    'ok',
    'okay',
    'sure',
    'OK',
    'Yes',
    'evet.',
    'Evet!',
    '  EVET  ',
    'Tamam.',
    'tamamdır',
    'evet eminim',
    'eminim',
    'not ettim',
    'ettim',
    'oldu',
    'Yes please',
    'I am sure',
    'done',
  ])('reads %j as yes', (input) => {
    expect(recognizeYesNo(input)).toBe(true);
  });

  test.each([
    'hayır',
    'hayir',
    'HAYIR',
    'Hayır.',
    'h',
    'yok',
    'istemiyorum',
    'vazgeçtim',
    'vazgectim',
    'no',
    'n',
    'nope',
    'No!',
    'etmedim',
    'olmadı',
    'emin değilim',
    'not yet',
    'no thanks',
  ])('reads %j as no', (input) => {
    expect(recognizeYesNo(input)).toBe(false);
  });

  test.each(['', '   ', '👍', 'belki', 'maybe', 'evet hayır', 'evet ama', '1', 'evetttt'])('leaves %j unrecognised', (input) => {
    expect(recognizeYesNo(input)).toBeUndefined();
  });

  test('returns undefined quickly for a 10,000-character input', () => {
    expect(expectQuick(() => recognizeYesNo(HUGE_INPUT))).toBeUndefined();
  });
});
