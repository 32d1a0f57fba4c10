/**
 * The loose-matching form every recogniser compares in: Turkish-aware lowercase, no diacritics,
 * no markup, only letters, digits and single spaces.
 *
 * @microsoft/recognizers-text has no Turkish culture, so the few things the dialogs need are
 * recognised in this folder with plain string rules. Every function is pure and bounded in work,
 * because the input comes straight from an untrusted chat channel.
 */

/**
 * Longer inputs are never a choice, an answer or a number a person typed on purpose; refusing
 * them up front keeps the quadratic parts (edit distance) cheap whatever a client sends.
 */
export const MAX_RECOGNIZED_LENGTH = 200;

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
