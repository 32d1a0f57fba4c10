import type { ConversationReference, TurnContext } from 'botbuilder';

type Logic = (context: TurnContext) => Promise<void>;

/** One channel adapter's way into conversations it owns. */
export type ConversationOwner = {
  /** Whether this adapter carries the conversation the reference points at. */
  owns(reference: Partial<ConversationReference>): boolean;
  continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void>;
};

/**
 * Proactive turns in any conversation, whichever adapter carries it: the reset page's "you can
 * log in now", hiding a PIN/PUK message after 60 s, relaying a hand-off between citizen and agent.
 * Owners are asked in the order they were added; the Bot Framework adapter comes last and takes
 * every reference nobody else claims.
 */
export class Conversations {
  private readonly owners: ConversationOwner[] = [];

  add(owner: ConversationOwner): this {
    this.owners.push(owner);
    return this;
  }

  /** Runs `logic` in a turn of the referenced conversation; false when no adapter carries it here. */
  async continue(reference: Partial<ConversationReference>, logic: Logic): Promise<boolean> {
    const owner = this.owners.find((candidate) => candidate.owns(reference));
    if (!owner) return false;
    await owner.continueConversation(reference, logic);
    return true;
  }
}
