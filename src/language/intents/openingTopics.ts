import type { Topic } from './answers';

/**
 * The topics a link may open the web chat with (`/?topic=renewal`, in each expiry reminder): a
 * closed list, each the knowledge-base answer the greeting gives instead of the plain hello.
 * Anything else a link or a client sends is no topic: the chat opens as usual, and the value is
 * never shown back.
 */
export const OPENING_TOPICS = { renewal: 'faqRenewal' } as const satisfies Record<string, Topic>;

export type OpeningTopic = keyof typeof OPENING_TOPICS;

/** The known topic a value names, or undefined for anything else (unknown, malformed, not a string). */
export function openingTopicOf(value: unknown): OpeningTopic | undefined {
  return typeof value === 'string' && Object.hasOwn(OPENING_TOPICS, value) ? (value as OpeningTopic) : undefined;
}
