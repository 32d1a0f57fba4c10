import type { Locale } from '../language/locale';

/**
 * What the conversation remembers between turns besides the dialog stack. Never a secret: the
 * session is an opaque id. `prefersWords`: the user asked for the words version of the human check
 * in this conversation.
 */
export type ConversationMemory = { locale?: Locale; sessionId?: string; prefersWords?: boolean };
