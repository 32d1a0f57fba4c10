import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Actor, AuditSubjects } from '../domain/audit';
import type { Session, Sessions } from '../domain/sessions';
import type { ConversationMemory } from './mainDialog';
import { say, turnInfo } from './turn';

/**
 * The citizen's confirmed session, counted as activity; when it has timed out the conversation
 * forgets it and the citizen is told once.
 */
export async function requireSession(
  context: TurnContext,
  sessions: Sessions,
  memory: StatePropertyAccessor<ConversationMemory>,
): Promise<Session | undefined> {
  const remembered = await memory.get(context, {});
  const check = await sessions.touch(remembered.sessionId);
  if (check.state === 'active' && check.session.confirmed) return check.session;
  if (remembered.sessionId) {
    await forgetSession(context, sessions, memory);
    await say(context, 'session.expired');
  }
  return undefined;
}

/** Ends the session on the server and in the conversation. */
export async function forgetSession(
  context: TurnContext,
  sessions: Sessions,
  memory: StatePropertyAccessor<ConversationMemory>,
): Promise<void> {
  const remembered = await memory.get(context, {});
  await sessions.end(remembered.sessionId);
  await memory.set(context, { ...remembered, sessionId: undefined });
}

/** The logged-in citizen as audit rows name them, and the channel of this turn. */
export function actorOf(context: TurnContext, session: Session, subjects: AuditSubjects): Actor {
  return { subject: subjects.of(session.nationalId), channel: turnInfo(context).channel };
}

/** The id of the conversation's session, whether or not it is still alive. */
export async function sessionIdOf(context: TurnContext, memory: StatePropertyAccessor<ConversationMemory>): Promise<string | undefined> {
  return (await memory.get(context, {})).sessionId;
}
