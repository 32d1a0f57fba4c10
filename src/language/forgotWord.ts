/**
 * "I forgot" said where the security word is asked. A short fixed list, compared whole after
 * normalisation, never an intent model: whatever else is typed there is the word itself and is
 * neither classified nor kept.
 */

import { MAX_RECOGNIZED_LENGTH, normalize } from './normalize';

/** The menu label "Güvenlik Sözcüğümü Unuttum" (both catalogs' forms): the citizen chose the reset. */
const FORGOT_LABELS: ReadonlySet<string> = new Set(
  ['Güvenlik Sözcüğümü Unuttum', 'Güvenlik Sözcüğümü Unuttum (forgot my security word)'].map(normalize),
);

const FORGOT_PHRASES: ReadonlySet<string> = new Set(
  [
    'unuttum',
    'unuttum ya',
    'unutmuşum',
    'sözcüğümü unuttum',
    'sözcüğü unuttum',
    'şifremi unuttum',
    'parolamı unuttum',
    'güvenlik sözcüğümü unuttum',
    'güvenlik sözcüğünü unuttum',
    'güvenlik kelimemi unuttum',
    'kelimemi unuttum',
    'bilmiyorum',
    'sözcüğümü bilmiyorum',
    'güvenlik sözcüğümü bilmiyorum',
    'hatırlamıyorum',
    'sözcüğümü hatırlamıyorum',
    'güvenlik sözcüğümü hatırlamıyorum',
    'hatırlayamıyorum',
    'forgot',
    'forgotten',
    'i forgot',
    'i forgot it',
    'forgot my word',
    'i forgot my word',
    'forgot my security word',
    'i forgot my security word',
    'i have forgotten',
    'i have forgotten it',
    "i've forgotten",
    "i don't know",
    'i do not know',
    "don't know",
    'dont know',
    'idk',
    "i don't remember",
    'i do not remember',
    "i can't remember",
    'i cannot remember',
    "don't remember",
  ].map(normalize),
);

/** What a message at the security-word prompt says about the reset, if anything. */
export type ForgotWordAnswer = 'chose-reset' | 'forgot';

/**
 * "Güvenlik Sözcüğümü Unuttum" (the button or the label typed) is 'chose-reset'; "unuttum",
 * "bilmiyorum", "I forgot" … are 'forgot'; anything else is undefined and is the word.
 */
export function forgotWordAnswerOf(text: string): ForgotWordAnswer | undefined {
  if (text.length > MAX_RECOGNIZED_LENGTH) return undefined;
  const normalized = normalize(text);
  if (FORGOT_LABELS.has(normalized)) return 'chose-reset';
  return FORGOT_PHRASES.has(normalized) ? 'forgot' : undefined;
}
