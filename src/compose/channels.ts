import { ConfigurationBotFrameworkAuthentication, MessageFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { Config } from '../config';
import { BotFrameworkCloudAdapter } from '../channels/botFrameworkAdapter';
import { isRichChannel } from '../channels/channelProfile';
import { Conversations } from '../channels/conversations';
import { DirectLineAdapter, isDirectLineReference } from '../channels/directLineAdapter';
import { SecretMessages } from '../channels/secretMessages';
import { isTwilioReference, TwilioAdapter } from '../channels/twilioAdapter';
import { WhatsAppWindow } from '../channels/whatsAppWindow';
import type { EmailChanged } from '../domain/emailChange';
import type { ChatMessenger } from '../domain/expiryReminders';
import type { SecurityWordChanged } from '../domain/resetLinks';
import { LANGUAGE_TAGS, translate } from '../language/messages';
import type { Locale } from '../language/locale';
import type { Infrastructure } from './infrastructure';
import type { AppOverrides } from './overrides';

/** The adapters of the channels this deployment serves, and the proactive way into their conversations. */
export type Channels = {
  botFramework: BotFrameworkCloudAdapter;
  directLine: DirectLineAdapter;
  /** Set when Twilio credentials are. */
  twilio?: TwilioAdapter;
  /** Proactive turns in any conversation, whichever adapter carries it. */
  conversations: Conversations;
  secretMessages: SecretMessages;
  /** Tells the conversation that asked for a reset link that the new word is set. */
  tellWordChanged: (event: SecurityWordChanged) => Promise<void>;
  /** Tells the conversation that asked for an e-mail change that the link is confirmed. */
  tellEmailChanged: (event: EmailChanged) => Promise<void>;
  /** Writes to a conversation unprompted (an expiry reminder in a Teams chat); a failed send throws, to be tried again. */
  chats: ChatMessenger;
};

export function createChannels(config: Config, infrastructure: Infrastructure, overrides: AppOverrides): Channels {
  const { store, clock, random, logger, twilioClient, activityStreams } = infrastructure;
  const botFramework = new BotFrameworkCloudAdapter(
    overrides.botFrameworkAuthentication ??
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
        MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
        MicrosoftAppType: config.MICROSOFT_APP_TYPE,
        MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
      }),
  );
  // One REST client serves the channel's replies and the SMS codes.
  const twilio = twilioClient
    ? new TwilioAdapter({
        messages: twilioClient,
        senders: { sms: config.TWILIO_SMS_FROM, whatsapp: config.TWILIO_WHATSAPP_FROM },
        window: new WhatsAppWindow(store, clock, random),
        clock,
        logger,
      })
    : undefined;
  const directLine = new DirectLineAdapter(activityStreams, clock, random);

  const conversations = new Conversations();
  if (twilio)
    conversations.add({
      owns: isTwilioReference,
      continueConversation: (reference, logic) => twilio.continueConversation(reference, logic),
    });
  conversations.add({
    owns: isDirectLineReference,
    continueConversation: (reference, logic) => directLine.continueConversation(reference, logic),
  });
  conversations.add({
    owns: (reference) => !isTwilioReference(reference) && !isDirectLineReference(reference),
    continueConversation: (reference, logic) => botFramework.continueConversationAsync(config.MICROSOFT_APP_ID ?? '', reference, logic),
  });

  /**
   * A message to a conversation from outside a turn (a page confirmed from the citizen's mailbox).
   * A conversation that is gone, or not reachable now, is only logged: no turn error, so its state
   * (a session may still run in it) is kept and no error message is tried.
   */
  const tell = async (conversation: unknown, locale: Locale, message: Partial<Activity>) => {
    const reference = conversation as Partial<ConversationReference>;
    const reached = await conversations.continue(reference, async (context) => {
      try {
        await context.sendActivity({ ...message, locale: LANGUAGE_TAGS[locale] });
      } catch (error) {
        logger.warn('the conversation cannot be told: the message did not go out', { channel: reference.channelId, error });
      }
    });
    if (!reached) logger.warn('the conversation cannot be told: its channel is not configured here', { channel: reference.channelId });
  };

  const tellWordChanged = async (event: SecurityWordChanged) => {
    const told = translate(event.locale, event.stillBlocked ? 'forgot.changedStillBlocked' : 'forgot.canLogInNow');
    // Where buttons show, the way on is one press away: the page's earlier buttons went with the earlier message.
    const login = translate(event.locale, 'start.choice.login');
    const channelId = (event.conversation as Partial<ConversationReference>).channelId;
    const message =
      isRichChannel(channelId) && !event.stillBlocked
        ? MessageFactory.suggestedActions([{ type: 'imBack', title: login, value: login }], told)
        : MessageFactory.text(told);
    await tell(event.conversation, event.locale, message);
  };

  // The new address masked, as the notice to the old one has it: the chat may be seen by others.
  const tellEmailChanged = (event: EmailChanged) =>
    tell(
      event.conversation,
      event.locale,
      MessageFactory.text(translate(event.locale, 'update.email.changedTold', { email: event.maskedEmail })),
    );

  const chats: ChatMessenger = {
    async tell(conversation, locale, text) {
      // Caught inside the turn and thrown after it: a turn error would answer with an error message.
      let failure: Error | undefined;
      const reached = await conversations.continue(conversation as Partial<ConversationReference>, async (context) => {
        try {
          await context.sendActivity({ ...MessageFactory.text(text), locale: LANGUAGE_TAGS[locale] });
        } catch (error) {
          failure = error instanceof Error ? error : new Error('the message did not go out');
        }
      });
      if (failure) throw failure;
      return reached ? 'sent' : 'unreachable';
    },
  };

  return {
    botFramework,
    directLine,
    twilio,
    conversations,
    secretMessages: new SecretMessages(conversations, logger, overrides.timers),
    tellWordChanged,
    tellEmailChanged,
    chats,
  };
}
