import { matchChoice } from '../../src/language/choices';
import { expectQuick, HUGE_DIGITS, HUGE_INPUT } from '../support/hostileInput';

describe('matchChoice', () => {
  const securityLabels = ['Güvenlik Sözcüğümü Unuttum', 'Şifreli Giriş', 'PIN Blokesi'];

  test.each([
    ['1', 0],
    ['2.', 1],
    ['1)', 0],
    [' 2 ', 1],
    ['#3', 2],
    ['bir', 0],
    ['iki', 1],
    ['üç', 2],
    ['UC', 2],
    ['one', 0],
    ['two', 1],
    ['three', 2],
    ['ikinci', 1],
    ['third', 2],
    ['<b>1</b>', 0],
  ])('picks by number: %j → %p', (input, expected) => {
    expect(matchChoice(input, securityLabels)).toBe(expected);
  });

  test.each(['0', '4', '99', 'dört', 'ten', 'onuncu'])('rejects the out-of-range number %j', (input) => {
    expect(matchChoice(input, securityLabels)).toBeUndefined();
  });

  test('picks number words up to ten when there are that many options', () => {
    const tenLabels = Array.from({ length: 10 }, (_, index) => `Seçenek ${index + 1}`);
    const words: Array<[string, number]> = [
      ['bir', 0],
      ['iki', 1],
      ['üç', 2],
      ['dört', 3],
      ['beş', 4],
      ['altı', 5],
      ['yedi', 6],
      ['sekiz', 7],
      ['dokuz', 8],
      ['on', 9],
      ['one', 0],
      ['two', 1],
      ['three', 2],
      ['four', 3],
      ['five', 4],
      ['six', 5],
      ['seven', 6],
      ['eight', 7],
      ['nine', 8],
      ['ten', 9],
    ];
    for (const [word, expected] of words) {
      expect(matchChoice(word, tenLabels)).toBe(expected);
    }
  });

  test.each([
    ['Şifreli Giriş', 1],
    ['şifreli giriş', 1],
    ['SIFRELI GIRIS', 1],
    ['güvenlik sözcüğümü unuttum!', 0],
    ['pin blokesi', 2],
  ])('picks by exact label, loosely: %j → %p', (input, expected) => {
    expect(matchChoice(input, securityLabels)).toBe(expected);
  });

  test.each([
    ['unuttum', 0],
    ['sifreli', 1],
    ['Şifreli', 1],
    ['guvenlik', 0],
    ['sözcüğümü unuttum', 0],
    ['guvenlik sozcu', 0],
    ['bloke', 2],
  ])('picks by a partial label: %j → %p', (input, expected) => {
    expect(matchChoice(input, securityLabels)).toBe(expected);
  });

  test.each([
    ['sifreli girs', 1],
    ['guvenlik sozcugmu unutum', 0],
    ['pin blokesii', 2],
  ])('picks a label despite typos: %j → %p', (input, expected) => {
    expect(matchChoice(input, securityLabels)).toBe(expected);
  });

  test('tolerates one typo for labels of 5 to 8 characters and none below', () => {
    expect(matchChoice('girsi', ['Giriş', 'Çıkış'])).toBeUndefined(); // two edits away
    expect(matchChoice('giris', ['Giriş', 'Çıkış'])).toBe(0);
    expect(matchChoice('grs', ['Giriş', 'Çıkış'])).toBeUndefined();
    expect(matchChoice('yardin', ['Yardım', 'Çıkış'])).toBe(0);
    expect(matchChoice('yadrim', ['Yardım', 'Çıkış'])).toBeUndefined(); // a swap is two edits
    expect(matchChoice('yrdm', ['Yardım', 'Çıkış'])).toBeUndefined();
    expect(matchChoice('sms', ['SMS', 'Eposta'])).toBe(0);
    expect(matchChoice('smz', ['SMS', 'Eposta'])).toBeUndefined();
  });

  test.each([
    ['vazgeç', 2],
    ['iptal', 2],
    ['unuttum', 0],
    ['sms onayı', 1],
  ])('picks by synonym: %j → %p', (input, expected) => {
    const labels = ['Güvenlik Sözcüğümü Unuttum', 'SMS Onay Sorunu', 'Çıkış'];
    const synonyms = [['sözcük', 'kelime'], ['sms onayı'], ['vazgeç', 'iptal']];
    expect(matchChoice(input, labels, synonyms)).toBe(expected);
  });

  test.each([
    ['güvenlik', ['Güvenlik Sözcüğümü Unuttum', 'Güvenlik Sözcüğümü Değiştir']],
    ['giris', ['Şifreli Giriş', 'Şifresiz Giriş']],
    ['sifre', ['Şifreli Giriş', 'Şifresiz Giriş']],
    ['sifreli', ['Şifreli Giriş', 'Şifreli Girişi']],
    ['evet', ['Evet', 'evet']],
  ])('returns undefined when %j fits several labels', (input, labels) => {
    expect(matchChoice(input, labels)).toBeUndefined();
  });

  test.each([[''], ['   '], ['👍'], ['merhaba'], ['xyz'], ['gu'], ['1 2'], ['1.5']])(
    'returns undefined for the unrelated input %j',
    (input) => {
      expect(matchChoice(input, securityLabels)).toBeUndefined();
    },
  );

  test('returns undefined when there are no labels', () => {
    expect(matchChoice('1', [])).toBeUndefined();
  });

  test('prefers an exact label that is itself a number over the option number', () => {
    expect(matchChoice('3', ['5', '3'])).toBe(1);
  });

  test.each([HUGE_INPUT, HUGE_DIGITS, 'unuttum '.repeat(1_250)])('returns undefined quickly for a 10,000-character input (%#)', (input) => {
    expect(expectQuick(() => matchChoice(input, securityLabels))).toBeUndefined();
  });
});
