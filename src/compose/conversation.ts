import type { TurnContext } from 'botbuilder';
import { AssistantBot } from '../bot';
import { channelTurnOf } from '../channels/channelProfile';
import type { Config } from '../config';
import { DialogConversationState, DialogStateStorage } from '../data/dialogStateStorage';
import { ActivateDialog } from '../dialogs/activateDialog';
import { AgentDialog } from '../dialogs/agentDialog';
import { CallCenter } from '../dialogs/callCenter';
import { ForgotWordDialog } from '../dialogs/forgotWordDialog';
import { HandOffRelay } from '../dialogs/handOffRelay';
import { HumanCheckDialog } from '../dialogs/humanCheckDialog';
import { IdentificationDialog } from '../dialogs/identificationDialog';
import { LoginDialog } from '../dialogs/loginDialog';
import type { ConversationMemory } from '../dialogs/conversationMemory';
import { MainDialog } from '../dialogs/mainDialog';
import { OperationsMenuDialog } from '../dialogs/operationsMenuDialog';
import { PinPukDialog } from '../dialogs/pinPukDialog';
import { RevokeDialog } from '../dialogs/revokeDialog';
import { SessionGuard } from '../dialogs/session';
import { SmsConfirmDialog } from '../dialogs/smsConfirmDialog';
import { UnlockDialog } from '../dialogs/unlockDialog';
import { UpdateDetailsDialog } from '../dialogs/updateDetailsDialog';
import { IntentModel } from '../language/intents/intentModel';
import { localeOf, translate } from '../language/messages';
import { TurnTracker } from '../turns';
import type { Channels } from './channels';
import { defaultLocale, type Domain } from './domain';
import type { Infrastructure } from './infrastructure';

/** The bot and its dialogs; every adapter's failed turn ends the same way. */
export type Conversation = {
  bot: AssistantBot;
  /** The turns in flight, which shutdown waits for. */
  turns: TurnTracker;
};

export async function createConversation(
  config: Config,
  infrastructure: Infrastructure,
  domain: Domain,
  channels: Channels,
): Promise<Conversation> {
  const { store, random, logger, metrics } = infrastructure;
  const { sessions, rateLimits, subjects, nationalIdReferences, certificates } = domain;
  const conversationState = new DialogConversationState(new DialogStateStorage(store, random));
  const memory = conversationState.createProperty<ConversationMemory>('memory');

  const identification = new IdentificationDialog(rateLimits);
  const humanCheck = new HumanCheckDialog(domain.humanCheck, rateLimits, config.CHALLENGE_KIND, memory);
  const handOffRelay = new HandOffRelay(domain.handOff, domain.agentDirectory, domain.agentDesk, channels.conversations, logger);
  const callCenter = new CallCenter(
    domain.agentDirectory,
    handOffRelay,
    new AgentDialog(memory, domain.agentDesk, handOffRelay, nationalIdReferences),
    conversationState.createProperty('agentDialogState'),
  );
  const sessionGuard = new SessionGuard(sessions, subjects, memory);
  const intents = await IntentModel.shared();
  const mainDialog = new MainDialog(
    memory,
    sessions,
    {
      forgotWord: new ForgotWordDialog(domain.resetLinks, nationalIdReferences, identification, humanCheck),
      login: new LoginDialog(domain.login, sessions, rateLimits, memory, nationalIdReferences, {
        identification,
        humanCheck,
        smsConfirm: new SmsConfirmDialog(domain.oneTimeCodes, sessions, rateLimits, subjects, memory, domain.citizenConversations),
      }),
      operationsMenu: new OperationsMenuDialog(sessionGuard, certificates, intents, {
        activate: new ActivateDialog(certificates, sessionGuard),
        revoke: new RevokeDialog(certificates, sessionGuard),
        updateDetails: new UpdateDetailsDialog(domain.phoneChanges, domain.emailChanges, rateLimits, sessionGuard),
        pinPuk: new PinPukDialog(domain.pinPuk, sessionGuard, channels.secretMessages, config.PINPUK_TEXT_CHANNELS),
        unlock: new UnlockDialog(domain.unlockCodes, sessionGuard, config.PINPUK_TEXT_CHANNELS),
      }),
    },
    handOffRelay,
    intents,
  );
  const turns = new TurnTracker(metrics, logger);
  const bot = new AssistantBot({
    conversationState,
    mainDialog,
    rateLimits,
    defaultLocale: defaultLocale(config),
    memory,
    locks: infrastructure.locks,
    channelTurn: channelTurnOf,
    turns,
    callCenter,
  });

  const onTurnError = async (context: TurnContext, error: Error) => {
    logger.error('turn failed', { error, channel: context.activity.channelId });
    await conversationState.delete(context).catch(() => undefined);
    const locale = localeOf(context.activity.locale, defaultLocale(config));
    await context.sendActivity(translate(locale, 'global.error')).catch(() => undefined);
  };
  channels.botFramework.onTurnError = onTurnError;
  if (channels.twilio) channels.twilio.onTurnError = onTurnError;
  channels.directLine.onTurnError = onTurnError;

  return { bot, turns };
}
