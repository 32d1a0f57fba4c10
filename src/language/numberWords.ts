/**
 * The number words of Turkish and English, and how a normalized text splits into them. Both
 * spelling (numbers.ts) and reading numbers use these tables, so a number said one way is read
 * back the same way.
 */

import type { Locale } from './locale';
import { normalize } from './normalize';

export const TURKISH_ONES = ['', 'bir', 'iki', 'üç', 'dört', 'beş', 'altı', 'yedi', 'sekiz', 'dokuz'];
export const TURKISH_TENS = ['', 'on', 'yirmi', 'otuz', 'kırk', 'elli', 'altmış', 'yetmiş', 'seksen', 'doksan'];

// prettier-ignore
export const ENGLISH_BELOW_TWENTY = [
  '', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
export const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The word for `index` in one of the tables above; the callers' arithmetic keeps it in range. */
export function wordAt(table: readonly string[], index: number): string {
  const word = table[index];
  if (word === undefined) throw new RangeError(`no word for ${index}`);
  return word;
}

interface Scale {
  value: number;
  tr: string;
  en: string;
}

/** Largest first, because numbers are spelled from the largest group down. */
export const SCALES: readonly Scale[] = [
  { value: 1_000_000_000, tr: 'milyar', en: 'billion' },
  { value: 1_000_000, tr: 'milyon', en: 'million' },
  { value: 1_000, tr: 'bin', en: 'thousand' },
];

export type NumberTokenKind = 'zero' | 'unit' | 'teen' | 'ten' | 'hundred' | 'scale';

export interface NumberToken {
  kind: NumberTokenKind;
  value: number;
}

/** Builds the word → token table of one locale, keyed by normalized spelling. */
function buildNumberVocabulary(locale: Locale): ReadonlyMap<string, NumberToken> {
  const vocabulary = new Map<string, NumberToken>();
  const add = (word: string, kind: NumberTokenKind, value: number): void => {
    vocabulary.set(normalize(word), { kind, value });
  };
  if (locale === 'tr') {
    add('sıfır', 'zero', 0);
    for (let value = 1; value <= 9; value++) {
      add(wordAt(TURKISH_ONES, value), 'unit', value);
      add(wordAt(TURKISH_TENS, value), 'ten', value * 10);
    }
    add('yüz', 'hundred', 100);
  } else {
    add('zero', 'zero', 0);
    for (let value = 1; value <= 19; value++) {
      add(wordAt(ENGLISH_BELOW_TWENTY, value), value < 10 ? 'unit' : 'teen', value);
    }
    for (let tens = 2; tens <= 9; tens++) {
      add(wordAt(ENGLISH_TENS, tens), 'ten', tens * 10);
    }
    add('hundred', 'hundred', 100);
  }
  for (const scale of SCALES) {
    add(locale === 'tr' ? scale.tr : scale.en, 'scale', scale.value);
  }
  return vocabulary;
}

const NUMBER_VOCABULARY: Readonly<Record<Locale, ReadonlyMap<string, NumberToken>>> = {
  tr: buildNumberVocabulary('tr'),
  en: buildNumberVocabulary('en'),
};

/** Words people put between number words that carry no value ("one hundred and five", "a thousand"). */
const NUMBER_FILLER_WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  tr: new Set<string>(),
  en: new Set(['and', 'a']),
};

/**
 * Splits a word typed without spaces ("ucbindortyuzoniki") into number words, taking the
 * longest known word at each position. No Turkish number word is a prefix of another, so there
 * the split is unique; in English the longest match ("eighteen" over "eight") is the right one.
 */
function splitJoinedNumberWord(word: string, vocabulary: ReadonlyMap<string, NumberToken>): NumberToken[] | undefined {
  const tokens: NumberToken[] = [];
  let position = 0;
  while (position < word.length) {
    let longest = '';
    for (const candidate of vocabulary.keys()) {
      if (candidate.length > longest.length && word.startsWith(candidate, position)) {
        longest = candidate;
      }
    }
    const token = vocabulary.get(longest);
    if (token === undefined) {
      return undefined;
    }
    tokens.push(token);
    position += longest.length;
  }
  return tokens;
}

/** The number words of a normalized text, or undefined when some word is not one. */
export function tokenizeNumberWords(normalized: string, locale: Locale): NumberToken[] | undefined {
  const vocabulary = NUMBER_VOCABULARY[locale];
  const fillers = NUMBER_FILLER_WORDS[locale];
  const tokens: NumberToken[] = [];
  for (const word of normalized.split(' ')) {
    if (fillers.has(word)) {
      continue;
    }
    const known = vocabulary.get(word);
    const wordTokens = known !== undefined ? [known] : splitJoinedNumberWord(word, vocabulary);
    if (wordTokens === undefined) {
      return undefined;
    }
    tokens.push(...wordTokens);
  }
  return tokens;
}
