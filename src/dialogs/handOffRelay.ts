import { ActivityTypes, MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import { LANGUAGE_TAGS, translate, type MessageKey } from '../language/messages';
import { normalize } from '../language/normalize';
import type { Logger } from '../logger';
import type { Agent, AgentDesk, AgentDirectory } from '../domain/agents';
import { REQUEST_TTL_MS, type Connection, type HandOffParty, type HandOffService, type Side, type WaitingRequest } from '../domain/handOff';
import { conversationKeyOf, describeCitizen, lookupShortcutOf, partyOf } from './agentTurn';
import { parseNationalId } from '../domain/identity';
import { globalCommandOf } from './interruptibleDialog';
import { say, text, turnInfo } from './turn';

/** Proactive turns in another conversation, whichever adapter carries it (the channels' Conversations). */
export type ProactiveTurns = {
  continue(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<boolean>;
};

/** What a message of a waiting or connected conversation came to. */
export type Interception = 'none' | 'handled' | 'ended';

/** Words that end a connected hand-off, besides the cancel words (iptal, vazgeç, cancel). */
const END_WORDS = new Set(['bitir', 'sonlandir', 'gorusmeyi bitir', 'gorusmeyi sonlandir', 'end', 'end chat', 'finish']);

/**
 * A PIN, PUK or SMS code (4–8 digits) or an unlock code (16 letters and digits), however spaced;
 * anywhere in a message, a run of six or more digits (spaces, dashes and dots between digits count
 * as part of the run: "482 915", "48-29-15"; dots do not, so a date goes through); and a word-like secret: one word of eight or more
 * characters mixing letters and digits ("Lale.Bahce.42"), or, while the citizen's own dialog waits
 * at the security-word prompt, any single word of eight to sixty-four characters.
 */
function looksLikeSecret(message: string, atSecretPrompt: boolean): boolean {
  const compact = message.replace(/[\s\-.]/g, '');
  if (/^\d{4,8}$/.test(compact) || (/^[2-9A-HJ-NP-Z]{16}$/i.test(compact) && /\d/.test(compact) && /[a-z]/i.test(compact))) return true;
  if (/\d(?:[\s-]*\d){5}/.test(message)) return true;
  const word = message.trim().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  if (/\s/.test(word)) return false;
  if (word.length >= 8 && /\p{L}/u.test(word) && /\d/.test(word)) return true;
  return atSecretPrompt && message.trim().length >= 8 && message.trim().length <= 64;
}

/** "about 5 minutes"; past the half hour a request lapses, so only "more than 30 minutes". */
function waitText(context: TurnContext, minutes: number): string {
  return minutes > REQUEST_TTL_MS / 60_000 ? text(context, 'handOff.wait.long') : text(context, 'handOff.wait.minutes', { minutes });
}

function isEndWord(message: string | undefined): boolean {
  return globalCommandOf(message) === 'cancel' || (message !== undefined && message.length <= 40 && END_WORDS.has(normalize(message)));
}

/**
 * The citizen's side of "temsilci" and the relay between citizen and agent. While a conversation
 * waits or is connected, its messages come here instead of to its dialog: nothing the citizen
 * typed before the hand-off is shown to the agent, and nothing of the agent's own view (a look-up)
 * reaches the citizen. Messages cross over as proactive turns, so the two sides may be on
 * different channels and their turns on different instances.
 */
export class HandOffRelay {
  constructor(
    private readonly handOffs: HandOffService,
    private readonly agents: AgentDirectory,
    private readonly desk: AgentDesk,
    private readonly conversations: ProactiveTurns,
    private readonly logger: Logger,
  ) {}

  private resumeCitizen: (context: TurnContext) => Promise<void> = async () => {};

  /** What runs in the citizen's conversation after the agent ends: the question they were at, asked again. */
  whenCitizenBack(resume: (context: TurnContext) => Promise<void>): void {
    this.resumeCitizen = resume;
  }

  /** "temsilci": queues the citizen; false when no agent is configured (the call-center number is given instead). */
  async queue(context: TurnContext): Promise<boolean> {
    if (!(await this.agents.anyAgents())) return false;
    const outcome = await this.handOffs.request(partyOf(context));
    if (outcome.result === 'queued')
      await say(context, 'handOff.queued', { position: outcome.position, wait: waitText(context, outcome.waitMinutes) });
    if (outcome.result === 'full') await say(context, 'handOff.full');
    return true;
  }

  waiting(): Promise<WaitingRequest[]> {
    return this.handOffs.waiting();
  }

  /** The agent takes a request; both sides are told when it is theirs. */
  async take(context: TurnContext, agent: Agent, requestId: string): Promise<'taken' | 'gone' | 'busy'> {
    const outcome = await this.handOffs.take(requestId, agent, partyOf(context));
    if (outcome.result !== 'taken') return outcome.result;
    await say(context, 'agent.queue.taken');
    await this.tell(outcome.connection.citizen, 'handOff.connected');
    return 'taken';
  }

  /** Handles a message of a conversation that waits in the queue or is connected; 'none' for any other. */
  async intercept(
    context: TurnContext,
    agent: Agent | undefined,
    atSecretPrompt: () => Promise<boolean> = async () => false,
  ): Promise<Interception> {
    if (context.activity.type !== ActivityTypes.Message) return 'none';
    const state = await this.handOffs.stateOf(conversationKeyOf(context));
    if (state.state === 'none') return 'none';
    const message = context.activity.text;

    if (state.state === 'queued') {
      if (agent) return 'none';
      if (isEndWord(message)) {
        await this.handOffs.leave(conversationKeyOf(context));
        await say(context, 'handOff.left');
        return 'ended';
      }
      await say(context, 'handOff.stillQueued', { position: state.position, wait: waitText(context, state.waitMinutes) });
      return 'handled';
    }

    const { side, connection } = state;
    // The agent's side speaks only for the agent who took the request, as the channel vouches for them.
    if ((side === 'agent') !== (agent?.id === connection.agent.agentId)) return 'none';
    if (isEndWord(message)) {
      await this.end(context, connection, side);
      return 'ended';
    }
    await this.handOffs.touch(connection);
    if (typeof message !== 'string' || message.trim() === '') {
      await say(context, 'handOff.onlyText');
      return 'handled';
    }
    if (side === 'agent' && agent && (await this.lookUp(context, agent, message))) return 'handled';
    if (side === 'citizen' && looksLikeSecret(message, await atSecretPrompt())) {
      await say(context, 'handOff.withheld');
      return 'handled';
    }
    const [to, key]: [HandOffParty, MessageKey] =
      side === 'citizen' ? [connection.agent, 'handOff.fromCitizen'] : [connection.citizen, 'handOff.fromAgent'];
    if (!(await this.tell(to, key, { text: message.trim() }))) await say(context, 'handOff.notDelivered');
    return 'handled';
  }

  /** "ara <Kimlik No>" during a hand-off: answered to the agent alone, never relayed. */
  private async lookUp(context: TurnContext, agent: Agent, message: string): Promise<boolean> {
    const typed = lookupShortcutOf(message);
    const check = typed === undefined ? undefined : parseNationalId(typed);
    if (!check?.ok) return false;
    const outcome = await this.desk.lookUp(agent, check.id, turnInfo(context).channel);
    const locale = turnInfo(context).locale;
    await context.sendActivity(
      outcome.result === 'found' ? describeCitizen(locale, outcome.view) : text(context, 'agent.notFound', { id: outcome.maskedId }),
    );
    return true;
  }

  /** Ends the hand-off once; both sides are told. */
  private async end(context: TurnContext, connection: Connection, side: Side): Promise<void> {
    const ended = await this.handOffs.end(connection, side);
    await say(context, side === 'citizen' ? 'handOff.endedForCitizen' : 'handOff.endedForAgent');
    if (!ended) return;
    if (side === 'citizen') await this.tell(connection.agent, 'handOff.citizenEnded');
    else await this.tell(connection.citizen, 'handOff.endedForCitizen', {}, (citizenContext) => this.resumeCitizen(citizenContext));
  }

  /** A message to the other side, in its language, then `andThen` in that turn; false when it could not be delivered. */
  private async tell(
    party: HandOffParty,
    key: MessageKey,
    params: Record<string, string> = {},
    andThen?: (context: TurnContext) => Promise<void>,
  ): Promise<boolean> {
    try {
      return await this.conversations.continue(party.reference as Partial<ConversationReference>, async (context) => {
        await context.sendActivity({ ...MessageFactory.text(translate(party.locale, key, params)), locale: LANGUAGE_TAGS[party.locale] });
        await andThen?.(context);
      });
    } catch (error) {
      // The error may quote the request it failed on, and the request carries the message: only its kind is logged.
      const { name, statusCode } = (error ?? {}) as { name?: string; statusCode?: number };
      this.logger.warn('a hand-off message could not be delivered', { channel: party.channel, failure: { name, statusCode } });
      return false;
    }
  }
}
