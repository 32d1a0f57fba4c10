/** Yes and no in Turkish and English, for consents the dialogs must not guess. */

import { normalize } from './normalize';

// prettier-ignore
const YES_WORDS: ReadonlySet<string> = new Set(
  [
    'evet', 'e', 'evt', 'tamam', 'tamamdır', 'tmm', 'olur', 'peki', 'onay', 'onayla', 'onaylıyorum', 'tabii', 'tabi',
    'elbette', 'kesinlikle', 'aynen', 'evet lütfen', 'evet eminim', 'eminim', 'evet onaylıyorum', 'evet tamam',
    // "not ettiniz mi?", "bloke oldu mu?": answered with the verb, as Turkish does.
    'ettim', 'not ettim', 'not aldım', 'aldım', 'yazdım', 'oldu', 'evet oldu',
    'yes', 'y', 'ok', 'okay', 'okey', 'sure', 'yeah', 'yep', 'yup', 'yes please', 'of course', 'correct', 'right',
    'i am sure', 'im sure', 'yes i am', 'i confirm', 'confirm', 'i have', 'yes i have', 'done',
  ].map(normalize),
);

// prettier-ignore
const NO_WORDS: ReadonlySet<string> = new Set(
  [
    'hayır', 'h', 'hyr', 'yok', 'istemiyorum', 'vazgeçtim', 'vazgeç', 'olmaz', 'hayır istemiyorum', 'emin değilim',
    'etmedim', 'not etmedim', 'almadım', 'olmadı', 'henüz değil', 'daha değil',
    'no', 'n', 'nope', 'nah', 'no thanks', 'not yet', 'not sure', 'i have not', 'i havent',
  ].map(normalize),
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
