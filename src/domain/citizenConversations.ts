import type { Locale } from '../language/locale';

/** A conversation a citizen confirmed a login in (past the SMS code). */
export type RememberedConversation = {
  channel: string;
  locale: Locale;
  /**
   * Where the bot can write to it later, unprompted (a Teams chat's conversation reference); absent
   * where it cannot (a web chat closes with its page, an SMS reminder goes to the phone anyway).
   */
  reference?: unknown;
};

/**
 * The conversations the reminders may use: the language of the latest one chooses the language of
 * an expiry reminder, and a Teams chat gets the reminder too. One per citizen and channel.
 */
export interface CitizenConversations {
  /** Records the conversation as the citizen's latest on its channel, as of now. */
  remember(citizenId: string, conversation: RememberedConversation): Promise<void>;
}
