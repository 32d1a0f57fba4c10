/**
 * Picking one of a few labelled options from what a citizen typed: the label, a synonym, its
 * number or ordinal, a part of it, or the label with a typo or two.
 */

import { MAX_RECOGNIZED_LENGTH, normalize } from './normalize';
import { PLAIN_DIGITS, wordsToNumber } from './numbers';

/** Ordinals a citizen may answer with ("ikincisi" is left out: suffixes are open-ended). */
const TURKISH_ORDINALS = ['birinci', 'ikinci', 'üçüncü', 'dördüncü', 'beşinci', 'altıncı', 'yedinci', 'sekizinci', 'dokuzuncu', 'onuncu'];
const ENGLISH_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

function buildOrdinals(): ReadonlyMap<string, number> {
  const ordinals = new Map<string, number>();
  for (const list of [TURKISH_ORDINALS, ENGLISH_ORDINALS]) {
    list.forEach((word, index) => ordinals.set(normalize(word), index + 1));
  }
  return ordinals;
}

const ORDINALS = buildOrdinals();

/** The 1-based option number the input names, in digits, Turkish/English words or ordinals. */
export function optionNumberOf(normalized: string): number | undefined {
  if (PLAIN_DIGITS.test(normalized)) {
    return Number(normalized);
  }
  return ORDINALS.get(normalized) ?? wordsToNumber(normalized, 'tr') ?? wordsToNumber(normalized, 'en');
}

/** The label itself and its synonyms, normalized, for one option. */
interface OptionForms {
  index: number;
  forms: readonly string[];
}

/** The single index all matches agree on; none or several (ambiguous) give undefined. */
function uniqueIndex(indexes: readonly number[]): number | undefined {
  const distinct = new Set(indexes);
  if (distinct.size !== 1) {
    return undefined;
  }
  return indexes[0];
}

/** Indexes of the options for which some form satisfies the predicate. */
function matchingIndexes(options: readonly OptionForms[], predicate: (form: string) => boolean): number[] {
  return options.filter((option) => option.forms.some(predicate)).map((option) => option.index);
}

/** Short inputs ("gu", "sif") are too likely to fit by accident to count as a partial match. */
const MIN_PARTIAL_LENGTH = 4;

/**
 * "sifreli" → "Şifreli Giriş": the input starts the label, or each input word is a word of
 * the label (or, if long enough, the start of one), so "unuttum" picks "... Sözcüğümü Unuttum".
 */
function isPartialMatch(input: string, form: string): boolean {
  if (input.length < MIN_PARTIAL_LENGTH) {
    return false;
  }
  if (form.startsWith(input)) {
    return true;
  }
  const formWords = form.split(' ');
  return input
    .split(' ')
    .every((inputWord) =>
      formWords.some((formWord) => formWord === inputWord || (inputWord.length >= MIN_PARTIAL_LENGTH && formWord.startsWith(inputWord))),
    );
}

/** How many typos a label tolerates: none for short labels, where one edit makes another word. */
function allowedTypos(form: string): number {
  if (form.length > 8) {
    return 2;
  }
  if (form.length >= 5) {
    return 1;
  }
  return 0;
}

/** Classic Levenshtein distance with two rows; callers keep both strings short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      // Both rows hold b.length + 1 numbers and j runs 1..b.length, so every index below is in range.
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function isTypoOf(input: string, form: string): boolean {
  const allowed = allowedTypos(form);
  if (allowed === 0 || Math.abs(input.length - form.length) > allowed) {
    return false;
  }
  return editDistance(input, form) <= allowed;
}

/**
 * Picks one of `labels` from what the user typed and returns its index, or undefined when the
 * answer is unclear. Tried in order, each step deciding only if exactly one option fits:
 * exact label, exact synonym, option number (digits, number words, ordinals; out of range is
 * undefined), a partial label, a partial synonym (of at least four characters), and a label,
 * then a synonym, within a few typos.
 * Markup is ignored, so "<b>1</b>" picks the first option.
 */
export function matchChoice(text: string, labels: readonly string[], synonyms?: readonly (readonly string[])[]): number | undefined {
  const input = normalize(text);
  if (input === '' || input.length > MAX_RECOGNIZED_LENGTH || labels.length === 0) {
    return undefined;
  }

  const labelOptions: OptionForms[] = labels.map((label, index) => ({ index, forms: [normalize(label)] }));
  const exactLabel = matchingIndexes(labelOptions, (form) => form === input);
  if (exactLabel.length > 0) {
    return uniqueIndex(exactLabel);
  }

  const synonymOptions: OptionForms[] = labels.map((_, index) => ({
    index,
    forms: (synonyms?.[index] ?? []).map(normalize).filter((form) => form !== ''),
  }));
  const exactSynonym = matchingIndexes(synonymOptions, (form) => form === input);
  if (exactSynonym.length > 0) {
    return uniqueIndex(exactSynonym);
  }

  const optionNumber = optionNumberOf(input);
  if (optionNumber !== undefined) {
    const inRange = optionNumber >= 1 && optionNumber <= labels.length;
    return inRange ? optionNumber - 1 : undefined;
  }

  // Labels before synonyms at each looser step: a synonym never makes a label's partial or typo ambiguous.
  for (const loosely of [isPartialMatch, isTypoOf]) {
    for (const options of [labelOptions, synonymOptions]) {
      const loose = matchingIndexes(options, (form) => loosely(input, form));
      if (loose.length > 0) return uniqueIndex(loose);
    }
  }
  return undefined;
}
