import { digitsOf, numberToWords, parseNumber, wordsToNumber } from '../../src/language/numbers';
import type { Locale } from '../../src/language/locale';
import { expectQuick, HUGE_DIGITS, HUGE_INPUT } from '../support/hostileInput';

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
