/**
 * Whole numbers in digits or in Turkish and English words, both ways, and digit codes typed with
 * separators. Bounded in work like every recogniser: the input is untrusted chat text.
 */

import type { Locale } from './locale';
import { MAX_RECOGNIZED_LENGTH, normalize } from './normalize';
import {
  ENGLISH_BELOW_TWENTY,
  ENGLISH_TENS,
  SCALES,
  TURKISH_ONES,
  TURKISH_TENS,
  tokenizeNumberWords,
  type NumberToken,
  wordAt,
} from './numberWords';

const MAX_SPELLED_NUMBER = 999_999_999_999;

/** Spells 1..999 in Turkish; Turkish says "yüz", not "bir yüz", for a single hundred. */
function turkishGroupToWords(group: number): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor((group % 100) / 10);
  const ones = group % 10;
  const words: string[] = [];
  if (hundreds > 1) {
    words.push(wordAt(TURKISH_ONES, hundreds));
  }
  if (hundreds > 0) {
    words.push('yüz');
  }
  if (tens > 0) {
    words.push(wordAt(TURKISH_TENS, tens));
  }
  if (ones > 0) {
    words.push(wordAt(TURKISH_ONES, ones));
  }
  return words;
}

/** Spells 1..999 in English without "and", hyphenating tens and units ("ninety-nine"). */
function englishGroupToWords(group: number): string[] {
  const hundreds = Math.floor(group / 100);
  const belowHundred = group % 100;
  const words: string[] = [];
  if (hundreds > 0) {
    words.push(wordAt(ENGLISH_BELOW_TWENTY, hundreds), 'hundred');
  }
  if (belowHundred >= 20) {
    const tens = wordAt(ENGLISH_TENS, Math.floor(belowHundred / 10));
    const ones = belowHundred % 10;
    words.push(ones > 0 ? `${tens}-${wordAt(ENGLISH_BELOW_TWENTY, ones)}` : tens);
  } else if (belowHundred > 0) {
    words.push(wordAt(ENGLISH_BELOW_TWENTY, belowHundred));
  }
  return words;
}

/**
 * Spells a whole number (0 .. 999 999 999 999) in words: 3412 → "üç bin dört yüz on iki" /
 * "three thousand four hundred twelve". Throws RangeError outside that range, since a caller
 * passing a fraction or a negative number is a programming error, not user input.
 */
export function numberToWords(n: number, locale: Locale): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPELLED_NUMBER) {
    throw new RangeError(`numberToWords supports integers 0..${MAX_SPELLED_NUMBER}, got ${n}`);
  }
  if (n === 0) {
    return locale === 'tr' ? 'sıfır' : 'zero';
  }
  const groupToWords = locale === 'tr' ? turkishGroupToWords : englishGroupToWords;
  const words: string[] = [];
  let rest = n;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (count === 0) {
      continue;
    }
    // Turkish says "bin" for 1000 but "bir milyon" for a million.
    const isBareTurkishThousand = locale === 'tr' && scale.value === 1_000 && count === 1;
    if (!isBareTurkishThousand) {
      words.push(...groupToWords(count));
    }
    words.push(locale === 'tr' ? scale.tr : scale.en);
  }
  if (rest > 0) {
    words.push(...groupToWords(rest));
  }
  return words.join(' ');
}

interface GroupParse {
  value: number;
  next: number;
}

/**
 * Reads one group below a thousand starting at `start`: [unit] hundred, then a ten with an
 * optional unit, or a teen, or a unit. Returns undefined when nothing there forms a group.
 */
function parseGroup(tokens: readonly NumberToken[], start: number): GroupParse | undefined {
  let position = start;
  let value = 0;
  const first = tokens[position];
  if (first?.kind === 'unit' && tokens[position + 1]?.kind === 'hundred') {
    value += first.value * 100;
    position += 2;
  } else if (first?.kind === 'hundred') {
    value += 100;
    position += 1;
  }

  const belowHundred = tokens[position];
  if (belowHundred?.kind === 'ten') {
    value += belowHundred.value;
    position += 1;
    const unit = tokens[position];
    if (unit?.kind === 'unit') {
      value += unit.value;
      position += 1;
    }
  } else if (belowHundred?.kind === 'teen' || belowHundred?.kind === 'unit') {
    value += belowHundred.value;
    position += 1;
  }

  return position > start ? { value, next: position } : undefined;
}

/**
 * Reads groups each followed by a smaller scale than the one before, then an optional last
 * group. Anything out of that order ("iki iki", "bin bin") is rejected rather than guessed,
 * because a misread number is worse than asking again.
 */
function parseNumberTokens(tokens: readonly NumberToken[]): number | undefined {
  const [first] = tokens;
  if (first === undefined) {
    return undefined;
  }
  if (first.kind === 'zero') {
    return tokens.length === 1 ? 0 : undefined;
  }
  let total = 0;
  let previousScale = Number.POSITIVE_INFINITY;
  let position = 0;
  while (position < tokens.length) {
    const group = parseGroup(tokens, position);
    const afterGroup = group?.next ?? position;
    const scaleToken = tokens[afterGroup];
    if (scaleToken?.kind === 'scale') {
      if (scaleToken.value >= previousScale) {
        return undefined;
      }
      // A bare scale counts once: Turkish "bin" is 1000, English "thousand" too.
      total += (group?.value ?? 1) * scaleToken.value;
      previousScale = scaleToken.value;
      position = afterGroup + 1;
    } else {
      if (group === undefined || group.next !== tokens.length) {
        return undefined;
      }
      total += group.value;
      position = group.next;
    }
  }
  return total;
}

/**
 * Reads a whole number written in words: "üç bin dört yüz on iki", "Üçbindörtyüzoniki",
 * "three thousand four hundred and twelve". Case, diacritics, spacing and hyphens do not
 * matter; anything that is not a well-formed number gives undefined.
 */
export function wordsToNumber(text: string, locale: Locale): number | undefined {
  const normalized = normalize(text);
  if (normalized === '' || normalized.length > MAX_RECOGNIZED_LENGTH) {
    return undefined;
  }
  const tokens = tokenizeNumberWords(normalized, locale);
  return tokens === undefined ? undefined : parseNumberTokens(tokens);
}

/** One separator used consistently between groups of three: "3 412", "3.412", "3,412", "1.234.567". */
const GROUPED_DIGITS = /^\d{1,3}([ .,])\d{3}(?:\1\d{3})*$/;
/** Digits alone; an option number is read the same way (choices.ts). */
export const PLAIN_DIGITS = /^\d+$/;

/**
 * Reads a whole number typed in digits (with optional thousands separators) or in words.
 * A lone "3.41" is refused rather than read as 341 or 3.41, since both readings are plausible.
 */
export function parseNumber(text: string, locale: Locale): number | undefined {
  const compact = text.replace(/\s+/g, ' ').trim();
  if (compact.length > MAX_RECOGNIZED_LENGTH) {
    return undefined;
  }
  // A sentence-final mark ("3412.") is punctuation, not part of the number.
  const withoutFinalMark = compact.replace(/[.!?]+$/, '').trim();
  if (PLAIN_DIGITS.test(withoutFinalMark) || GROUPED_DIGITS.test(withoutFinalMark)) {
    const value = Number(withoutFinalMark.replace(/[ .,]/g, ''));
    return Number.isSafeInteger(value) ? value : undefined;
  }
  return wordsToNumber(compact, locale);
}

/** Digits with the separators people use when copying a code: spaces, dots and dashes. */
const DIGIT_CODE = /^[0-9\s.\-‐‑–—]+$/;

/**
 * Extracts a digit code typed with separators: "123 456", "1-2-3-4-5-6" → "123456".
 * Anything else in the text (letters, other symbols) gives undefined rather than a partial code.
 */
export function digitsOf(text: string): string | undefined {
  if (!DIGIT_CODE.test(text)) {
    return undefined;
  }
  const digits = text.replace(/[^0-9]/g, '');
  return digits === '' ? undefined : digits;
}
