import type { OpeningTopic } from '../language/intents/openingTopics';

/**
 * The web chat's activity streams (SPEC §3: short-lived, Redis with TTLs): per conversation, the
 * activities a page has yet to read, in order, each at a watermark. A replaced activity moves to the
 * end of the stream under the same id and its earlier version is gone (a PIN/PUK message replaced
 * by its "hidden" note leaves no copy of the values behind).
 */
export type StreamedActivity = { id: string; [field: string]: unknown };

/** What the stream knows of a conversation besides its activities; `topic`, what its greeting opens with. */
export type StreamedConversation = { userId: string; locale?: string; agentId?: string; topic?: OpeningTopic };

export type StreamRead = { activities: StreamedActivity[]; watermark: number };

export interface ActivityStreams {
  /** Creates the conversation's stream; false when it exists already. */
  create(conversationId: string, conversation: StreamedConversation): Promise<boolean>;
  conversation(conversationId: string): Promise<StreamedConversation | undefined>;
  /** Appends at the end; returns the new watermark. */
  append(conversationId: string, activity: StreamedActivity): Promise<number>;
  /** Moves the activity with this id to the end in its new version; false when no such activity is left. */
  replace(conversationId: string, activity: StreamedActivity): Promise<boolean>;
  /** The activities after `watermark`, in order, and the watermark to ask from next. */
  read(conversationId: string, watermark: number): Promise<StreamRead>;
  /** Calls `listener` whenever the conversation's stream changes, on any instance; returns the unsubscribe. */
  subscribe(conversationId: string, listener: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** A stream lives this long after its last activity (an idle page, then gone: no transcript is kept). */
export const STREAM_TTL_MS = 60 * 60_000;
/** The newest activities kept per conversation; older ones are dropped. */
export const STREAM_MAX_ACTIVITIES = 500;
/**
 * The bytes (of the activities' JSON) kept per conversation; older activities are dropped beyond it,
 * the newest is always kept. An image human check is some kilobytes, a reply a few hundred bytes.
 */
export const STREAM_MAX_BYTES = 256 * 1024;
