import { TurnContext } from 'botbuilder';
import { translate, type MessageKey } from '../language/messages';
import { normalize } from '../language/normalize';
import type { Locale } from '../language/locale';
import { MAX_FAILED_LOGINS } from '../domain/login';
import type { Agent, CitizenView, SecurityEvent } from '../domain/agents';
import type { HandOffParty } from '../domain/handOff';
import { turnInfo } from './turn';

const CURRENT_AGENT = Symbol('currentAgent');

/** Set each turn from the channel's verified identity, never from state: who the agent of this turn is. */
export function setCurrentAgent(context: TurnContext, agent: Agent): void {
  context.turnState.set(CURRENT_AGENT, agent);
}

export function currentAgent(context: TurnContext): Agent {
  const agent = context.turnState.get<Agent | undefined>(CURRENT_AGENT);
  if (!agent) throw new Error('agent dialogs run only for a recognized agent');
  return agent;
}

/** The key the hand-off queue and the conversation locks know a conversation by. */
export function conversationKeyOf(context: TurnContext): string {
  return `${context.activity.channelId}:${context.activity.conversation.id}`;
}

/** This conversation as one side of a hand-off: where to reach it later, in which language. */
export function partyOf(context: TurnContext): HandOffParty {
  return {
    conversationKey: conversationKeyOf(context),
    reference: TurnContext.getConversationReference(context.activity),
    locale: turnInfo(context).locale,
    channel: context.activity.channelId,
  };
}

/** "ara 10000000146", "sorgula …", "lookup …": an agent's look-up in one message; the ID as typed, or undefined. */
export function lookupShortcutOf(text: string | undefined): string | undefined {
  if (!text || text.length > 60) return undefined;
  const match = normalize(text).match(/^(?:ara|sorgula|lookup|look up|find)\s+(\S.*)$/);
  return match?.[1];
}

/** Audit actions an agent reads with a label; others are shown as they are recorded. */
const EVENT_LABELS: Readonly<Record<string, MessageKey>> = {
  'login.success': 'agent.event.login.success',
  'login.failure': 'agent.event.login.failure',
  'login.refused-blocked': 'agent.event.login.refused-blocked',
  'account.blocked': 'agent.event.account.blocked',
  'account.unblocked': 'agent.event.account.unblocked',
  'reset-link.sent': 'agent.event.reset-link.sent',
  'reset-link.limited': 'agent.event.reset-link.limited',
  'security-word.changed': 'agent.event.security-word.changed',
  'sms-code.sent': 'agent.event.sms-code.sent',
  'sms-code.failed': 'agent.event.sms-code.failed',
  'pinpuk.shown': 'agent.event.pinpuk.shown',
  'pinpuk.deleted': 'agent.event.pinpuk.deleted',
  'certificate.revoked': 'agent.event.certificate.revoked',
  'contact.email-changed': 'agent.event.contact.email-changed',
  'contact.phone-changed': 'agent.event.contact.phone-changed',
  'unlock-code.issued': 'agent.event.unlock-code.issued',
  'agent.lookup': 'agent.event.agent.lookup',
};

/** A moment as the call center in Türkiye reads it: "25.11.2026 13:00". */
export function formatMoment(at: Date, locale: Locale): string {
  return MOMENT_FORMATS[locale].format(at);
}

/** One formatter per language, built once (each holds ICU data in native memory). */
const MOMENT_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  tr: momentFormat('tr-TR'),
  en: momentFormat('en-GB'),
};

function momentFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Istanbul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function describeEvent(event: SecurityEvent, locale: Locale): string {
  const key = EVENT_LABELS[event.action];
  const label = key ? translate(locale, key) : event.action;
  const where = [event.channel, event.actor === 'citizen' ? undefined : event.actor].filter(Boolean).join(', ');
  return `${formatMoment(event.at, locale)} — ${label}${where ? ` (${where})` : ''}`;
}

/** The agent's view of a citizen: masked details, block state and the last security events. */
export function describeCitizen(locale: Locale, view: CitizenView): string {
  const state = view.blockedAt
    ? translate(locale, 'agent.view.blocked', { since: formatMoment(view.blockedAt, locale) })
    : translate(locale, 'agent.view.notBlocked');
  const details = translate(locale, 'agent.view', {
    id: view.maskedId,
    name: view.maskedName,
    email: view.maskedEmail,
    phone: view.maskedPhone,
    state,
    attempts: view.failedAttempts,
    max: MAX_FAILED_LOGINS,
  });
  const events =
    view.events.length === 0
      ? translate(locale, 'agent.view.noEvents')
      : [translate(locale, 'agent.view.events'), ...view.events.map((event) => `• ${describeEvent(event, locale)}`)].join('\n');
  return `${details}\n${events}`;
}
