import {
  digitsOf,
  matchChoice,
  normalize,
  numberToWords,
  parseNumber,
  recognizeYesNo,
  wordsToNumber,
} from '../../src/language/recognize';
import type { Locale } from '../../src/language/locale';

const HUGE_INPUT = 'a'.repeat(10_000);
const HUGE_DIGITS = '1'.repeat(10_000);

/** Runs fn and fails if it takes long enough that a chat turn would visibly stall. */
function expectQuick<T>(fn: () => T): T {
  const started = Date.now();
  const result = fn();
  expect(Date.now() - started).toBeLessThan(200);
  return result;
}

describe('normalize', () => {
  test.each([
    ['İPTAL', 'iptal'],
    ['iptal', 'iptal'],
    ['Güvenlik Sözcüğümü Unuttum', 'guvenlik sozcugumu unuttum'],
    ['  IŞIK!! ', 'isik'],
    ['i\u0307ptal', 'iptal'],
    ['İSTANBUL', 'istanbul'],
    ['ÇĞİÖŞÜ çğıöşü', 'cgiosu cgiosu'],
    ['Café crème', 'cafe creme'],
    ['a \t\n  b', 'a b'],
    ["Ali'nin", 'alinin'],
    ['e-imza', 'e imza'],
    ['<b>1</b>', '1'],
    ['Ｅｖｅｔ', 'evet'],
    ['', ''],
    ['👍', ''],
    ['!!!', ''],
  ])('normalize(%j) is %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test('handles a 10,000-character input quickly', () => {
    expect(expectQuick(() => normalize(HUGE_INPUT))).toBe(HUGE_INPUT);
  });
});

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
      ['bir', 0], ['iki', 1], ['üç', 2], ['dört', 3], ['beş', 4],
      ['altı', 5], ['yedi', 6], ['sekiz', 7], ['dokuz', 8], ['on', 9],
      ['one', 0], ['two', 1], ['three', 2], ['four', 3], ['five', 4],
      ['six', 5], ['seven', 6], ['eight', 7], ['nine', 8], ['ten', 9],
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

  test.each([
    [''],
    ['   '],
    ['👍'],
    ['merhaba'],
    ['xyz'],
    ['gu'],
    ['1 2'],
    ['1.5'],
  ])('returns undefined for the unrelated input %j', (input) => {
    expect(matchChoice(input, securityLabels)).toBeUndefined();
  });

  test('returns undefined when there are no labels', () => {
    expect(matchChoice('1', [])).toBeUndefined();
  });

  test('prefers an exact label that is itself a number over the option number', () => {
    expect(matchChoice('3', ['5', '3'])).toBe(1);
  });

  test.each([HUGE_INPUT, HUGE_DIGITS, 'unuttum '.repeat(1_250)])(
    'returns undefined quickly for a 10,000-character input (%#)',
    (input) => {
      expect(expectQuick(() => matchChoice(input, securityLabels))).toBeUndefined();
    },
  );
});

describe('recognizeYesNo', () => {
  test.each([
    'evet', 'e', 'tamam', 'olur', 'peki', 'onay', 'onaylıyorum', 'ONAYLIYORUM',
    'yes', 'y', 'ok', 'okay', 'sure', 'OK', 'Yes', 'evet.', 'Evet!', '  EVET  ', 'Tamam.',
  ])('reads %j as yes', (input) => {
    expect(recognizeYesNo(input)).toBe(true);
  });

  test.each([
    'hayır', 'hayir', 'HAYIR', 'Hayır.', 'h', 'yok', 'istemiyorum', 'vazgeçtim', 'vazgectim',
    'no', 'n', 'nope', 'No!',
  ])('reads %j as no', (input) => {
    expect(recognizeYesNo(input)).toBe(false);
  });

  test.each(['', '   ', '👍', 'belki', 'maybe', 'evet hayır', 'evet ama', '1', 'evetttt'])(
    'leaves %j unrecognised',
    (input) => {
      expect(recognizeYesNo(input)).toBeUndefined();
    },
  );

  test('returns undefined quickly for a 10,000-character input', () => {
    expect(expectQuick(() => recognizeYesNo(HUGE_INPUT))).toBeUndefined();
  });
});

describe('digitsOf', () => {
  test.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['1-2-3-4-5-6', '123456'],
    ['1 2 3 4 5 6', '123456'],
    ['123.456', '123456'],
    ['  123456  ', '123456'],
    ['123–456', '123456'],
    ['007', '007'],
  ])('reads %j as %j', (input, expected) => {
    expect(digitsOf(input)).toBe(expected);
  });

  test.each(['12a456', '', '   ', '---', '👍', '123/456', '+123', '１２３'])('refuses %j', (input) => {
    expect(digitsOf(input)).toBeUndefined();
  });

  test('reads a 10,000-digit input quickly without crashing', () => {
    expect(expectQuick(() => digitsOf(HUGE_DIGITS))).toBe(HUGE_DIGITS);
    expect(expectQuick(() => digitsOf(`${HUGE_DIGITS}x`))).toBeUndefined();
  });
});

describe('numberToWords', () => {
  test.each<[number, Locale, string]>([
    [3412, 'tr', 'üç bin dört yüz on iki'],
    [1000, 'tr', 'bin'],
    [100, 'tr', 'yüz'],
    [1100, 'tr', 'bin yüz'],
    [2001, 'tr', 'iki bin bir'],
    [110, 'tr', 'yüz on'],
    [9999, 'tr', 'dokuz bin dokuz yüz doksan dokuz'],
    [0, 'tr', 'sıfır'],
    [7, 'tr', 'yedi'],
    [60, 'tr', 'altmış'],
    [200, 'tr', 'iki yüz'],
    [10_000, 'tr', 'on bin'],
    [101_000, 'tr', 'yüz bir bin'],
    [1_000_000, 'tr', 'bir milyon'],
    [1_001_000, 'tr', 'bir milyon bin'],
    [3412, 'en', 'three thousand four hundred twelve'],
    [105, 'en', 'one hundred five'],
    [1000, 'en', 'one thousand'],
    [9999, 'en', 'nine thousand nine hundred ninety-nine'],
    [0, 'en', 'zero'],
    [40, 'en', 'forty'],
    [115, 'en', 'one hundred fifteen'],
    [2_000_001, 'en', 'two million one'],
  ])('spells %p in %s as %j', (n, locale, expected) => {
    expect(numberToWords(n, locale)).toBe(expected);
  });

  test.each([-1, 1.5, Number.NaN, 1e12])('throws RangeError for %p', (n) => {
    expect(() => numberToWords(n, 'tr')).toThrow(RangeError);
  });
});

describe('wordsToNumber', () => {
  test.each<[string, Locale, number]>([
    ['üç bin dört yüz on iki', 'tr', 3412],
    ['ÜÇ BİN DÖRT YÜZ ON İKİ', 'tr', 3412],
    ['uc bin dort yuz on iki', 'tr', 3412],
    ['  üç   bin dört yüz on iki. ', 'tr', 3412],
    ['üçbindörtyüzoniki', 'tr', 3412],
    ['ucbin dortyuz onıki', 'tr', 3412],
    ['bin', 'tr', 1000],
    ['yüz', 'tr', 100],
    ['bin yüz', 'tr', 1100],
    ['iki bin bir', 'tr', 2001],
    ['yüz on', 'tr', 110],
    ['bir yüz', 'tr', 100],
    ['sıfır', 'tr', 0],
    ['on bin', 'tr', 10_000],
    ['bir milyon bin', 'tr', 1_001_000],
    ['three thousand four hundred twelve', 'en', 3412],
    ['Three Thousand Four Hundred and Twelve', 'en', 3412],
    ['one hundred five', 'en', 105],
    ['a hundred', 'en', 100],
    ['one thousand', 'en', 1000],
    ['nine thousand nine hundred ninety-nine', 'en', 9999],
    ['nine thousand nine hundred ninety nine', 'en', 9999],
    ['ninethousandninehundredninetynine', 'en', 9999],
    ['zero', 'en', 0],
  ])('reads %j in %s as %p', (text, locale, expected) => {
    expect(wordsToNumber(text, locale)).toBe(expected);
  });

  test.each<[string, Locale]>([
    ['', 'tr'],
    ['👍', 'tr'],
    ['merhaba', 'tr'],
    ['iki iki', 'tr'],
    ['bin bin', 'tr'],
    ['yüz bin bin', 'tr'],
    ['on on', 'tr'],
    ['sıfır bir', 'tr'],
    ['üç bin dört yüz on iki elma', 'tr'],
    ['3412', 'tr'],
    ['three thousand', 'tr'],
    ['üç bin', 'en'],
    ['and', 'en'],
    ['a', 'en'],
    ['twelve hundred', 'en'],
    ['ninety twelve', 'en'],
  ])('refuses %j in %s', (text, locale) => {
    expect(wordsToNumber(text, locale)).toBeUndefined();
  });

  test.each<Locale>(['tr', 'en'])('returns undefined quickly for a 10,000-character input in %s', (locale) => {
    expect(expectQuick(() => wordsToNumber('bir'.repeat(3_334), locale))).toBeUndefined();
    expect(expectQuick(() => wordsToNumber(HUGE_INPUT, locale))).toBeUndefined();
  });

  test.each<Locale>(['tr', 'en'])('round-trips every number from 100 to 9999 in %s', (locale) => {
    for (let n = 100; n <= 9999; n++) {
      const words = numberToWords(n, locale);
      expect(wordsToNumber(words, locale)).toBe(n);
    }
  });

  test.each<Locale>(['tr', 'en'])('round-trips every number from 0 to 9999 in %s when typed without spaces', (locale) => {
    for (let n = 0; n <= 9999; n++) {
      const joined = numberToWords(n, locale).replace(/[\s-]/g, '');
      expect(wordsToNumber(joined, locale)).toBe(n);
    }
  });
});

describe('parseNumber', () => {
  test.each<[string, Locale, number]>([
    ['3412', 'tr', 3412],
    ['3 412', 'tr', 3412],
    ['3.412', 'tr', 3412],
    ['3,412', 'en', 3412],
    ['1.234.567', 'tr', 1_234_567],
    ['  3412. ', 'tr', 3412],
    ['3\u00a0412', 'tr', 3412],
    ['0', 'tr', 0],
    ['üç bin dört yüz on iki', 'tr', 3412],
    ['Üçbindörtyüzoniki', 'tr', 3412],
    ['three thousand four hundred twelve', 'en', 3412],
  ])('reads %j in %s as %p', (text, locale, expected) => {
    expect(parseNumber(text, locale)).toBe(expected);
  });

  test.each<[string, Locale]>([
    ['', 'tr'],
    ['👍', 'tr'],
    ['3.41', 'tr'],
    ['34.12', 'tr'],
    ['3.412,5', 'tr'],
    ['3 412.000', 'tr'],
    ['12a', 'tr'],
    ['-5', 'tr'],
    ['99999999999999999999', 'tr'],
    ['three thousand', 'tr'],
  ])('refuses %j in %s', (text, locale) => {
    expect(parseNumber(text, locale)).toBeUndefined();
  });

  test.each<Locale>(['tr', 'en'])('returns undefined quickly for a 10,000-character input in %s', (locale) => {
    expect(expectQuick(() => parseNumber(HUGE_DIGITS, locale))).toBeUndefined();
    expect(expectQuick(() => parseNumber(HUGE_INPUT, locale))).toBeUndefined();
  });
});
