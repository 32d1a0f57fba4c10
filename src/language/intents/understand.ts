import type { Locale } from '../locale';
import utterances from '../data/utterances.json';
import { normalize } from '../normalize';
import type { Guess, Intent, IntentModel } from './intentModel';

/**
 * Recognition reads at most this many characters of a message: a pasted e-mail or a 2,000-character
 * paragraph is cut here first, so recognition time stays bounded; what a citizen asks for is
 * nearly always in the first sentence.
 */
export const MAX_INTENT_INPUT = 300;
/** Below this the best guess is no guess: the fallback answers. */
export const MISS_BELOW = 0.5;
/** Below this, with a runner-up close behind, the bot asks "Şunu mu demek istediniz …?". */
export const SURE_FROM = 0.75;

/** A doubtful guess for a message with at least this share of words the training never saw is a miss (half that for a call for an agent). */
export const UNKNOWN_WORDS_FOR_MISS = 0.5;

/** What a free-text message at a choice amounts to. */
export type Understanding =
  | { kind: 'intent'; intent: Intent }
  /** "şifre" / "parola" alone: the security word or the card's PIN? */
  | { kind: 'password' }
  | { kind: 'unsure'; guesses: [Intent, Intent] }
  | { kind: 'miss' };

const PASSWORD_WORDS = new Set([
  'sifre',
  'sifrem',
  'sifremi',
  'sifreyi',
  'sifremle',
  'sifreler',
  'sifrelerim',
  'parola',
  'parolam',
  'parolami',
  'parolayi',
  'parolalar',
  'password',
  'passwords',
]);
const FILLER_WORDS = new Set([
  'benim',
  'ile',
  'ilgili',
  'hakkinda',
  'sorun',
  'sorunu',
  'problem',
  'var',
  'bir',
  'my',
  'the',
  'a',
  'about',
  'lutfen',
  'please',
  'e',
  'imza',
  'eimza',
]);

/**
 * Reads a free-text message. Text that looks like a secret (a code, an ID, a single word mixing
 * letters and digits like a security word) is never classified: it is a miss, so it is neither
 * echoed nor sent to the model. The caller never passes the answer to a secret prompt at all.
 */
export async function understand(model: IntentModel, text: string, locale: Locale): Promise<Understanding> {
  const normalized = normalize(text.slice(0, MAX_INTENT_INPUT));
  if (normalized === '' || looksLikeSecret(text.trim().slice(0, MAX_INTENT_INPUT), normalized)) return { kind: 'miss' };
  // "Merhaba, kartımın PUK numarasını görmem gerekiyor": the salutation is manners, the rest is the wish.
  const wish = normalized.replace(GREETING_OPENER, '');
  if (wish !== normalized && wish !== '') {
    const said = await read(model, wish, locale);
    if (said.kind !== 'miss') return said;
  }
  return read(model, normalized, locale);
}

/**
 * A greeting opening a longer message ("Merhaba, …", "İyi günler, …", "Hello, …"): any of the
 * greeting's training sentences, normalized, longest first. Left in, it drew the model toward
 * Merhaba: the wish came out a doubt between it and a greeting, or a miss. What follows is read
 * first; when that says nothing, the whole message is ("merhaba nasılsınız" stays a greeting).
 */
const GREETING_OPENER = new RegExp(
  `^(?:${[...utterances.greeting.tr, ...utterances.greeting.en]
    .map(normalize)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?: |$)`,
);

async function read(model: IntentModel, normalized: string, locale: Locale): Promise<Understanding> {
  if (isPasswordAlone(normalized)) return { kind: 'password' };
  const said = decide(await model.classify(normalized, locale));
  return unsupported(said, model.unknownShare(normalized, locale)) ? { kind: 'miss' } : said;
}

/**
 * The model scores words it never saw too: a doubt between two wishes read from a message mostly in
 * such words ("pizza sipariş etmek istiyorum": Çıkış or Kullanıma Aç?) is a miss, and so is a call
 * for an agent, which queues a person at once, read from a message a quarter unknown ("I want to
 * order a pizza"). Other guesses stand: typos and short forms ("saol", "pls") are unknown words too.
 */
function unsupported(said: Understanding, unknownShare: number): boolean {
  if (said.kind === 'unsure') return unknownShare >= UNKNOWN_WORDS_FOR_MISS;
  return said.kind === 'intent' && said.intent === 'agent' && unknownShare >= UNKNOWN_WORDS_FOR_MISS / 2;
}

/** The thresholds, apart so the evaluation can report what the dialogs would do. */
export function decide(guesses: readonly Guess[]): Understanding {
  const [best, second] = guesses;
  if (!best || best.score < MISS_BELOW) return { kind: 'miss' };
  // "Did you mean …?" only offers what can be picked: never "out of scope" as a button.
  const doubtful =
    best.score < SURE_FROM && second && second.score >= MISS_BELOW / 2 && best.intent !== 'outOfScope' && second.intent !== 'outOfScope';
  if (doubtful) return { kind: 'unsure', guesses: [best.intent, second.intent] };
  return { kind: 'intent', intent: best.intent };
}

/** "şifre", "Parola", "şifremle ilgili": a password word and nothing that says which one. Checked before the buttons, as "şifre" would pick "Şifreli Giriş" by its first letters. */
export function isPasswordAlone(text: string): boolean {
  const words = normalize(text).split(' ');
  return words.some((word) => PASSWORD_WORDS.has(word)) && words.every((word) => PASSWORD_WORDS.has(word) || FILLER_WORDS.has(word));
}

function looksLikeSecret(raw: string, normalized: string): boolean {
  if (/^[\d\s.-]+$/.test(raw) && /\d{4}/.test(raw.replace(/[\s.-]/g, ''))) return true;
  // One "word" with a digit and a letter, or with inner punctuation: "Lale.Bahce.42", "A7K9-22QX".
  return !/\s/.test(raw) && raw.length >= 6 && /\p{N}/u.test(raw) && /\p{L}/u.test(normalized);
}
