import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { ActivityStreams, StreamedActivity } from './activityStreams';
import type { Clock } from '../lib/clock';
import type { RandomSource } from '../lib/random';
import { DIRECT_LINE_SERVICE_URL } from './secretMessages';
import { setVerifiedIdentity } from './verifiedIdentity';
import { setGreetingTopic } from './greetingTopic';
import type { OpeningTopic } from '../language/intents/openingTopics';
import { addressSource, setTurnOrigin } from './turnOrigin';

/** The web chat's channel id, as Azure's Web Chat channel names it. */
export const DIRECT_LINE_CHANNEL = 'webchat';
export const BOT_ACCOUNT = { id: 'e-imza-yardimcisi', name: 'e-İmza Yardımcısı', role: 'bot' };

export function isDirectLineReference(reference: Partial<ConversationReference>): boolean {
  return reference.serviceUrl === DIRECT_LINE_SERVICE_URL;
}

/**
 * A turn's inbound activity, with who our Direct Line's token says is speaking and the address the
 * request came from; `topic`, only on the greeting our Direct Line builds, what the chat opens with.
 */
export type DirectLineInbound = { activity: Partial<Activity>; agentExternalId?: string; clientAddress?: string; topic?: OpeningTopic };

/**
 * Our self-hosted Direct Line as a botbuilder channel: inbound activities run in process, the bot's
 * replies are appended to the conversation's stream, from which the page reads them (WebSocket or
 * polling, on any instance). Replacing a message re-delivers it under the same id; the page shows
 * the new version in place of the old.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly streams: ActivityStreams,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {
    super();
  }

  newActivityId(): string {
    return this.random.bytes(12).toString('base64url');
  }

  async process(inbound: DirectLineInbound, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, inbound.activity);
    // Direct Line is always our web chat, whatever the posted activity says.
    setTurnOrigin(context, { channel: DIRECT_LINE_CHANNEL, source: addressSource(inbound.clientAddress) });
    if (inbound.agentExternalId) setVerifiedIdentity(context, { channel: DIRECT_LINE_CHANNEL, externalId: inbound.agentExternalId });
    if (inbound.topic) setGreetingTopic(context, inbound.topic);
    await this.runMiddleware(context, logic);
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    // A proactive message answers nothing the page still shows (it may have been reloaded since).
    delete activity.id;
    const context = new TurnContext(this, activity);
    setTurnOrigin(context, { channel: DIRECT_LINE_CHANNEL });
    const conversation = reference.conversation?.id ? await this.streams.conversation(reference.conversation.id) : undefined;
    if (conversation?.agentId) setVerifiedIdentity(context, { channel: DIRECT_LINE_CHANNEL, externalId: conversation.agentId });
    await this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) throw new Error('a Direct Line turn has a conversation');
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      // A delay holds the turn briefly, as Azure's channels do; a trace is for the Emulator only.
      if (activity.type === 'delay') {
        await new Promise((done) => setTimeout(done, Math.min(Number(activity.value) || 0, 2_000)));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.Trace) {
        responses.push({ id: '' });
        continue;
      }
      const id = this.newActivityId();
      await this.streams.append(conversationId, this.outbound(activity, id, this.clock.now().toISOString()));
      responses.push({ id });
    }
    return responses;
  }

  /** Re-delivers the activity under its id; the earlier version leaves the stream. It keeps its place on the page. */
  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId || !activity.id) throw new Error('an update names its conversation and activity');
    const previous = (await this.streams.read(conversationId, 0)).activities.find((candidate) => candidate.id === activity.id);
    if (!previous) return;
    await this.streams.replace(
      conversationId,
      this.outbound(activity, activity.id, typeof previous.timestamp === 'string' ? previous.timestamp : this.clock.now().toISOString()),
    );
    return { id: activity.id };
  }

  /** The page removes an activity delivered again as a messageDelete under the same id. */
  async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId || !reference.activityId) return;
    await this.streams.replace(conversationId, {
      id: reference.activityId,
      type: 'messageDelete',
      from: BOT_ACCOUNT,
      timestamp: this.clock.now().toISOString(),
    });
  }

  private outbound(activity: Partial<Activity>, id: string, timestamp: string): StreamedActivity {
    const { serviceUrl: _serviceUrl, recipient: _recipient, ...rest } = activity;
    return JSON.parse(JSON.stringify({ ...rest, id, timestamp, from: BOT_ACCOUNT, channelId: DIRECT_LINE_CHANNEL })) as StreamedActivity;
  }
}
