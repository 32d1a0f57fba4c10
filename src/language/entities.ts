/**
 * Values inside sentences (SPEC §1.1a): "TC kimlik numaram 100 000 001 46" is the ID, "kodum
 * 482 913" the code, "evet, gönder" a yes. Each function returns what it found, or undefined, and
 * reads only bounded input: they run on untrusted text.
 */

import { MAX_RECOGNIZED_LENGTH, normalize } from './normalize';
import { recognizeYesNo } from './yesNo';

/** Digits typed with the separators people use: "100 000 001 46", "482-913", "10.000.000.146". */
const DIGIT_RUN = /\d(?:[\d\s.\-‐‑–—]*\d)?/g;

function digitRuns(text: string): string[] {
  return (text.slice(0, MAX_RECOGNIZED_LENGTH).match(DIGIT_RUN) ?? []).map((run) => run.replace(/\D/g, ''));
}

/**
 * The Kimlik No in what was typed, for parseNationalId. A lone token is left as typed (a passport
 * number, or digits whose length error the citizen should hear). In a sentence, or after "T.C.",
 * a run of 9 or more digits is the T.C. Kimlik Numarası — "T.C. 10000000146" was read as a
 * 13-character passport before — and otherwise a word of 6–12 letters and digits is the passport.
 */
export function nationalIdIn(text: string): string {
  const typed = text.trim().slice(0, MAX_RECOGNIZED_LENGTH);
  const afterTc = typed.match(/^t\.?\s*c\.?\s*(\d[\d\s.-]*\d)$/i);
  if (afterTc) return afterTc[1]!.replace(/\D/g, '');
  if (!/\p{L}/u.test(typed) || !/\s/.test(typed)) return typed;
  const long = digitRuns(typed).find((digits) => digits.length >= 9);
  if (long) return long;
  const words = typed.split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  return words.find((word) => /^[A-Za-z0-9]{6,12}$/.test(word) && /\d/.test(word) && /[A-Za-z]/.test(word)) ?? typed;
}

/** The one run of exactly `length` digits in a sentence ("kodum 482 913", "the code is 482913"); none or two → undefined. */
export function codeInSentence(text: string, length: number): string | undefined {
  const codes = digitRuns(text).filter((digits) => digits.length === length);
  return codes.length === 1 ? codes[0] : undefined;
}

/** Words after a yes or a no that only say what to do with it: "evet gönder", "tamam olur", "yes please". */
const ECHO_WORDS = new Set([
  'gonder',
  'gonderin',
  'olur',
  'tamam',
  'lutfen',
  'sil',
  'silin',
  'devam',
  'et',
  'edin',
  'onayliyorum',
  'istiyorum',
  'aynen',
  'kesinlikle',
  'kullanima',
  'ac',
  'please',
  'go',
  'ahead',
  'send',
  'it',
  'do',
  'delete',
  'sure',
  'thanks',
  'tesekkurler',
  'yes',
  'evet',
  'ok',
]);
const NEGATING_WORDS = new Set(['ama', 'fakat', 'ancak', 'degil', 'but', 'not', 'dont']);

/**
 * A yes or a no at the head of a short sentence: "evet gönder", "tamam olur", "hayır istemiyorum".
 * Anything that doubts it ("evet ama …") or mixes both stays undefined, so consent is never guessed.
 */
export function yesNoInSentence(text: string): boolean | undefined {
  const words = normalize(text.slice(0, MAX_RECOGNIZED_LENGTH)).split(' ');
  if (words.length < 2 || words.length > 5 || words.some((word) => NEGATING_WORDS.has(word))) return undefined;
  const head = recognizeYesNo(words[0]!);
  if (head === undefined) return undefined;
  const rest = words.slice(1);
  if (head) return rest.every((word) => ECHO_WORDS.has(word) || recognizeYesNo(word) === true) ? true : undefined;
  return rest.every(
    (word) =>
      recognizeYesNo(word) === false || ['istemiyorum', 'gonderme', 'silme', 'tesekkurler', 'thanks', 'thank', 'you'].includes(word),
  )
    ? false
    : undefined;
}
