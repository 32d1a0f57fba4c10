import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { Logger } from '../logger';
import type { Clock } from '../lib/clock';
import { maskPhone } from '../domain/identity';
import { renderPlainText } from './plainText';
import type { TwilioMessages } from './sms';
import { splitForSms } from './smsSegments';
import type { WhatsAppWindow } from './whatsAppWindow';
import { setTurnOrigin } from './turnOrigin';

export type TwilioChannel = 'sms' | 'whatsapp';

/**
 * The serviceUrl of this adapter's conversation references. A proactive message goes through this
 * adapter only when both it and the channel id say Twilio: Azure's own Twilio channel is also "sms".
 */
export const TWILIO_SERVICE_URL = 'urn:eimza:twilio';

/** One inbound SMS or WhatsApp message, as the webhook checked it. */
export type InboundMessage = {
  messageSid: string;
  channel: TwilioChannel;
  /** The citizen's number in E.164 form, without the whatsapp: prefix. */
  phone: string;
  /** The Twilio number or WhatsApp sender the citizen wrote to; replies come from it. */
  to?: string;
  body: string;
  numMedia: number;
};

export type TwilioAdapterOptions = {
  messages: TwilioMessages;
  /** Senders for replies whose conversation does not name the number the citizen wrote to. */
  senders: Partial<Record<TwilioChannel, string>>;
  window: WhatsAppWindow;
  clock: Clock;
  logger: Logger;
};

const VERIFIED_PHONE = Symbol('verifiedPhone');

/** The sender's number where Twilio vouches for it (a signed webhook); undefined on every other channel. */
export function verifiedPhoneOf(context: TurnContext): string | undefined {
  return context.turnState.get<string | undefined>(VERIFIED_PHONE);
}

export function isTwilioReference(reference: Partial<ConversationReference>): boolean {
  return reference.serviceUrl === TWILIO_SERVICE_URL && (reference.channelId === 'sms' || reference.channelId === 'whatsapp');
}

/** Whether an activity claims this adapter's service URL or one of its conversations ("sms:+90…", "whatsapp:+90…"). */
export function isTwilioConversation(activity: { channelId?: string; serviceUrl?: string; conversation?: { id?: string } }): boolean {
  const { channelId, serviceUrl, conversation } = activity;
  if (serviceUrl === TWILIO_SERVICE_URL) return true;
  return (channelId === 'sms' || channelId === 'whatsapp') && (conversation?.id ?? '').startsWith(`${channelId}:`);
}

/**
 * SMS and WhatsApp as a botbuilder channel: a conversation per number and channel ("sms:+90…",
 * "whatsapp:+90…"), the same dialogs as everywhere, replies sent through Twilio's REST API as
 * plain text of at most three segments each. WhatsApp messages outside the 24-hour window wait
 * for the citizen's next message.
 */
export class TwilioAdapter extends BotAdapter {
  constructor(private readonly options: TwilioAdapterOptions) {
    super();
  }

  /** Runs the turn of one inbound message; WhatsApp messages held back for this number go out first. */
  async processInbound(inbound: InboundMessage, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, this.inboundActivity(inbound));
    context.turnState.set(VERIFIED_PHONE, inbound.phone);
    // Only this adapter makes a text-only turn; the number Twilio signed is the source (SPEC §5).
    setTurnOrigin(context, { channel: inbound.channel, source: `phone:${inbound.phone}` });
    await this.runMiddleware(context, async (turn) => {
      if (inbound.channel === 'whatsapp') {
        await this.options.window.opened(inbound.phone);
        await this.deliverPending(turn.activity, inbound.phone);
      }
      await logic(turn);
    });
  }

  /** A proactive turn in a conversation this adapter started (the reset page's "you can log in now"). */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    const context = new TurnContext(this, activity);
    setTurnOrigin(context, { channel: activity.channelId === 'whatsapp' ? 'whatsapp' : 'sms' });
    await this.runMiddleware(context, logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      // Typing indicators, delays and traces have no SMS form; a delay is not worth holding the turn for.
      if (activity.type !== undefined && activity.type !== ActivityTypes.Message) {
        responses.push({ id: '' });
        continue;
      }
      responses.push({ id: await this.send(activity) });
    }
    return responses;
  }

  /** A sent SMS or WhatsApp message cannot be changed; the citizen's phone keeps what it got. */
  async updateActivity(context: TurnContext): Promise<void> {
    this.options.logger.debug('a sent SMS or WhatsApp message cannot be updated', { channel: context.activity.channelId });
  }

  /** A sent SMS or WhatsApp message cannot be taken back either. */
  async deleteActivity(context: TurnContext): Promise<void> {
    this.options.logger.debug('a sent SMS or WhatsApp message cannot be deleted', { channel: context.activity.channelId });
  }

  /** Sends one activity as one or more plain-text messages; the id of the last one, or '' when held back. */
  private async send(activity: Partial<Activity>): Promise<string> {
    const address = this.addressOf(activity.channelId, activity.recipient?.id, activity.from?.id);
    const { text, dropped } = renderPlainText(activity);
    if (dropped.length > 0)
      this.options.logger.warn('attachment left out of an SMS/WhatsApp reply', { channel: address.channel, contentTypes: dropped });
    const bodies = splitForSms(text);
    if (bodies.length === 0) return '';

    if (address.channel === 'whatsapp' && !(await this.options.window.isOpen(address.phone))) {
      await this.options.window.defer(address.phone, bodies);
      this.options.logger.info('WhatsApp message kept for the next inbound message: the 24-hour window is closed', {
        phone: maskPhone(address.phone),
        messages: bodies.length,
      });
      return '';
    }
    let sid = '';
    for (const body of bodies) sid = (await this.options.messages.create({ to: address.to, from: address.from, body })).sid;
    return sid;
  }

  private async deliverPending(activity: Partial<Activity>, phone: string): Promise<void> {
    const bodies = await this.options.window.takePending(phone);
    if (bodies.length === 0) return;
    // Inbound, so the citizen is the sender and our number the recipient.
    const { to, from } = this.addressOf(activity.channelId, activity.from?.id, activity.recipient?.id);
    try {
      for (const body of bodies) await this.options.messages.create({ to, from, body });
      this.options.logger.info('held-back WhatsApp messages delivered', { phone: maskPhone(phone), messages: bodies.length });
    } catch (error) {
      // The turn itself still runs: a held-back notice is worth less than an answer to what the citizen wrote now.
      this.options.logger.warn('held-back WhatsApp messages could not be sent', { phone: maskPhone(phone), failure: failureOf(error) });
    }
  }

  /** Where a message goes: to the citizen's number, from the number they wrote to (or the configured sender). */
  private addressOf(
    channel: string | undefined,
    phone: string | undefined,
    ourNumber: string | undefined,
  ): { channel: TwilioChannel; phone: string; to: string; from: string } {
    if ((channel !== 'sms' && channel !== 'whatsapp') || !phone) {
      throw new Error(`the Twilio adapter cannot send to channel ${String(channel)}`);
    }
    const sender = ourNumber || this.options.senders[channel];
    if (!sender) throw new Error(`no Twilio sender for ${channel}: set TWILIO_${channel === 'sms' ? 'SMS' : 'WHATSAPP'}_FROM`);
    if (channel === 'sms') return { channel, phone, to: phone, from: sender };
    return { channel, phone, to: `whatsapp:${phone}`, from: sender.startsWith('whatsapp:') ? sender : `whatsapp:${sender}` };
  }

  private inboundActivity(inbound: InboundMessage): Partial<Activity> {
    return {
      type: ActivityTypes.Message,
      id: inbound.messageSid,
      channelId: inbound.channel,
      serviceUrl: TWILIO_SERVICE_URL,
      conversation: { id: `${inbound.channel}:${inbound.phone}`, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: inbound.phone, name: '', role: 'user' },
      recipient: { id: inbound.to ?? this.options.senders[inbound.channel] ?? '', name: '', role: 'bot' },
      text: inbound.body,
      timestamp: this.options.clock.now(),
      channelData: { numMedia: inbound.numMedia },
    };
  }
}

/** What a failed send may log: its kind and codes, never its message, which may quote the number. */
export function failureOf(error: unknown): Record<string, unknown> {
  const { name, status, code } = (error ?? {}) as { name?: string; status?: number; code?: number | string };
  return { name, status, code };
}
