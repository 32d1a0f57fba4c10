/**
 * Turkish and English recognition of what a citizen types: choices, yes/no, digit codes and numbers.
 *
 * @microsoft/recognizers-text has no Turkish culture, so the few things the dialogs need are
 * recognised here with plain string rules. Every function is pure and bounded in work, because
 * the input comes straight from an untrusted chat channel.
 */

import type { Locale } from './locale';

/**
 * Longer inputs are never a choice, an answer or a number a person typed on purpose; refusing
 * them up front keeps the quadratic parts (edit distance) cheap whatever a client sends.
 */
const MAX_RECOGNIZED_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// normalize
// ---------------------------------------------------------------------------------------------

/** Letters that carry no combining mark after decomposition, so NFKD alone would keep them. */
const UNDECOMPOSABLE_LETTERS: Readonly<Record<string, string>> = {
  ı: 'i',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/** Some channels (Teams, web chat) deliver formatted text; the markup is never what was meant. */
function stripMarkup(text: string): string {
  const withoutTags = text.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ');
  return withoutTags.replace(/&(?:nbsp|amp|lt|gt|quot|apos|#\d+);/g, ' ');
}

/**
 * JavaScript's toLowerCase is locale-blind: it turns "I" into "i" (Turkish wants "ı") and "İ"
 * into "i" plus a combining dot. Mapping the two dotted/dotless capitals first gives the Turkish
 * reading; both forms fold to "i" later anyway.
 */
function turkishLowerCase(text: string): string {
  return text.replace(/İ/g, 'i').replace(/I/g, 'ı').toLowerCase();
}

/** Citizens often type without Turkish letters ("sifre" for "şifre"), so compare without marks. */
function foldDiacritics(text: string): string {
  // NFKD also turns full-width and other compatibility forms ("１", "ﬁ") into plain letters/digits.
  const withoutMarks = text.normalize('NFKD').replace(/\p{M}/gu, '');
  let folded = '';
  for (const char of withoutMarks) {
    folded += UNDECOMPOSABLE_LETTERS[char] ?? char;
  }
  return folded;
}

/**
 * Turns text into its loose-matching form: Turkish-aware lowercase, no diacritics, only
 * letters, digits and single spaces.
 */
export function normalize(text: string): string {
  const lowered = turkishLowerCase(stripMarkup(text));
  const folded = foldDiacritics(lowered);
  // Apostrophes only join a suffix to a proper noun ("Ali'nin"), so they vanish instead of splitting the word.
  const withoutApostrophes = folded.replace(/['’‘ʼ`´]/g, '');
  const lettersAndDigits = withoutApostrophes.replace(/[^\p{L}\p{N}\s]/gu, ' ');
  return lettersAndDigits.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// numbers in words
// ---------------------------------------------------------------------------------------------

const TURKISH_ONES = ['', 'bir', 'iki', 'üç', 'dört', 'beş', 'altı', 'yedi', 'sekiz', 'dokuz'];
const TURKISH_TENS = ['', 'on', 'yirmi', 'otuz', 'kırk', 'elli', 'altmış', 'yetmiş', 'seksen', 'doksan'];

const ENGLISH_BELOW_TWENTY = [
  '', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The word for `index` in one of the tables above; the callers' arithmetic keeps it in range. */
function wordAt(table: readonly string[], index: number): string {
  const word = table[index];
  if (word === undefined) {
    throw new RangeError(`no word for ${index}`);
  }
  return word;
}

interface Scale {
  value: number;
  tr: string;
  en: string;
}

/** Largest first, because numbers are spelled from the largest group down. */
const SCALES: readonly Scale[] = [
  { value: 1_000_000_000, tr: 'milyar', en: 'billion' },
  { value: 1_000_000, tr: 'milyon', en: 'million' },
  { value: 1_000, tr: 'bin', en: 'thousand' },
];

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

type NumberTokenKind = 'zero' | 'unit' | 'teen' | 'ten' | 'hundred' | 'scale';

interface NumberToken {
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

function tokenizeNumberWords(normalized: string, locale: Locale): NumberToken[] | undefined {
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
const PLAIN_DIGITS = /^\d+$/;

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

// ---------------------------------------------------------------------------------------------
// digit codes
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// yes / no
// ---------------------------------------------------------------------------------------------

const YES_WORDS: ReadonlySet<string> = new Set(
  [
    'evet', 'e', 'tamam', 'olur', 'peki', 'onay', 'onaylıyorum', 'tabii', 'tabi', 'elbette',
    'yes', 'y', 'ok', 'okay', 'okey', 'sure', 'yeah', 'yep',
  ].map(normalize),
);

const NO_WORDS: ReadonlySet<string> = new Set(
  ['hayır', 'h', 'yok', 'istemiyorum', 'vazgeçtim', 'vazgeç', 'no', 'n', 'nope'].map(normalize),
);

/**
 * Reads a yes/no answer in Turkish or English. Only whole known answers count: "evet ama..."
 * or an emoji is undefined, so the dialog asks again instead of guessing a consent.
 */
export function recognizeYesNo(text: string): boolean | undefined {
  const normalized = normalize(text);
  if (YES_WORDS.has(normalized)) {
    return true;
  }
  if (NO_WORDS.has(normalized)) {
    return false;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// choices
// ---------------------------------------------------------------------------------------------

/** Ordinals a citizen may answer with ("ikincisi" is left out: suffixes are open-ended). */
const TURKISH_ORDINALS = [
  'birinci', 'ikinci', 'üçüncü', 'dördüncü', 'beşinci', 'altıncı', 'yedinci', 'sekizinci', 'dokuzuncu', 'onuncu',
];
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
function optionNumberOf(normalized: string): number | undefined {
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
  return input.split(' ').every((inputWord) =>
    formWords.some(
      (formWord) =>
        formWord === inputWord || (inputWord.length >= MIN_PARTIAL_LENGTH && formWord.startsWith(inputWord)),
    ),
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
 * undefined), a partial label of at least four characters, and a label within a few typos.
 * Markup is ignored, so "<b>1</b>" picks the first option.
 */
export function matchChoice(
  text: string,
  labels: readonly string[],
  synonyms?: readonly (readonly string[])[],
): number | undefined {
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

  const allOptions: OptionForms[] = labelOptions.map((option, index) => ({
    index,
    forms: [...option.forms, ...(synonymOptions[index]?.forms ?? [])],
  }));
  const partial = matchingIndexes(allOptions, (form) => isPartialMatch(input, form));
  if (partial.length > 0) {
    return uniqueIndex(partial);
  }

  return uniqueIndex(matchingIndexes(allOptions, (form) => isTypoOf(input, form)));
}

// ---------------------------------------------------------------------------------------------
// serial numbers
// ---------------------------------------------------------------------------------------------

/** A serial number as compared: case, spaces and dashes do not matter ("nes 0002" = "NES-0002"). */
function compactSerial(text: string): string {
  return normalize(text).replace(/ /g, '');
}

/** Whether the input is this serial number, as typed or copied. */
export function isSerial(text: string, serial: string): boolean {
  return text.length <= MAX_RECOGNIZED_LENGTH && compactSerial(text) !== '' && compactSerial(text) === compactSerial(serial);
}

/**
 * Picks one of `serials` (certificate or card serial numbers) by the serial itself or by its
 * option number. Never by a near miss: NES-0002 and NES-0003 differ in one character; and "0002",
 * a piece of a serial, is not option 2.
 */
export function matchSerial(text: string, serials: readonly string[]): number | undefined {
  const exact = serials.findIndex((serial) => isSerial(text, serial));
  if (exact >= 0) return exact;
  const input = normalize(text);
  if (input === '' || input.length > MAX_RECOGNIZED_LENGTH || input.startsWith('0')) return undefined;
  const optionNumber = optionNumberOf(input);
  return optionNumber !== undefined && optionNumber >= 1 && optionNumber <= serials.length ? optionNumber - 1 : undefined;
}
