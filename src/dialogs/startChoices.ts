import type { Intent } from '../language/intents/intentModel';
import type { MessageKey } from '../language/messages';
import type { WishChoice } from './wishPrompt';

/** What the start offers, and the wishes read there that need Şifreli Giriş first. */

/** The start's buttons: Güvenlik Sözcüğümü Unuttum, Şifreli Giriş, Yardım. */
export const START_CHOICES: readonly WishChoice[] = [
  { label: 'start.choice.forgot', intent: 'forgotWord' },
  { label: 'start.choice.login', intent: 'login' },
  { label: 'start.choice.help', intent: 'help' },
];
export const AGENT_CHOICE: WishChoice = { label: 'start.choice.agent', intent: 'agent' };
/** "şifre" alone: the security word, the card's PIN, or the reset. */
export const PASSWORD_CHOICES: readonly WishChoice[] = [
  { label: 'understanding.password.word', intent: 'login' },
  { label: 'understanding.password.pin', intent: 'pinPuk' },
  { label: 'understanding.password.reset', intent: 'forgotWord' },
];
/** Wishes that need a session, and the one sentence that says so before Şifreli Giriş. */
export const WISH_REASONS: Partial<Record<Intent, MessageKey>> = {
  pinPuk: 'wish.pinPuk',
  unlock: 'wish.unlock',
  revoke: 'wish.revoke',
  activate: 'wish.activate',
  updatePhone: 'wish.update',
  updateEmail: 'wish.update',
  listCertificates: 'wish.list',
  certificateExpiry: 'wish.expiry',
};
