/** Yes and no in Turkish and English, for consents the dialogs must not guess. */

import { normalize } from './normalize';

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
