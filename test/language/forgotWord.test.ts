import { forgotWordAnswerOf } from '../../src/language/forgotWord';
import { expectQuick, HUGE_INPUT } from '../support/hostileInput';

describe('forgotWordAnswerOf', () => {
  test.each([
    'unuttum',
    'Unuttum!',
    'sözcüğümü unuttum',
    'bilmiyorum',
    'hatırlamıyorum',
    'hatirlamiyorum',
    'I forgot',
    "I don't know",
    'i dont know',
    'forgot',
    'IDK',
  ])('reads %j as "I forgot"', (input) => {
    expect(forgotWordAnswerOf(input)).toBe('forgot');
  });

  test.each(['Güvenlik Sözcüğümü Unuttum', 'GUVENLIK SOZCUGUMU UNUTTUM', 'Güvenlik Sözcüğümü Unuttum (forgot my security word)'])(
    'reads the menu label %j as the reset chosen',
    (input) => {
      expect(forgotWordAnswerOf(input)).toBe('chose-reset');
    },
  );

  test.each(['Lale.Bahce.42', 'unuttum123', 'unutmadım', 'bilmiyorum ama', 'Kestane.Kebap.7', ''])(
    'leaves %j alone: it is a word to check',
    (input) => {
      expect(forgotWordAnswerOf(input)).toBeUndefined();
    },
  );

  test('returns undefined quickly for a 10,000-character input', () => {
    expect(expectQuick(() => forgotWordAnswerOf(HUGE_INPUT))).toBeUndefined();
  });
});
