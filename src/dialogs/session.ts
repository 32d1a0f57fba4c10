import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Actor, AuditSubjects } from '../domain/audit';
import type { Session, Sessions } from '../domain/sessions';
import type { ConversationMemory } from './conversationMemory';
import { say, turnInfo } from './turn';

/** The session this turn found alive, kept for the turn's later steps (turn state dies with the turn). */
const CHECKED_THIS_TURN = Symbol('sessionCheckedThisTurn');
type Checked = { sessionId: string; session: Session };

/**
 * What every operation behind the login checks at each step (5 min idle, 15 min in all): the
 * citizen's confirmed session, and who the audit rows name. One per app, shared by the operations
 * menu and the operations it opens.
 */
export class SessionGuard {
  constructor(
    private readonly sessions: Sessions,
    private readonly subjects: AuditSubjects,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {}

  /**
   * The citizen's confirmed session, counted as activity; when it has timed out the conversation
   * forgets it and the citizen is told once. A menu step and the operation it opens both ask in
   * one turn: the second asks the turn, not the store (turns of a conversation run one at a time,
   * and the activity was counted a moment ago).
   */
  async active(context: TurnContext): Promise<Session | undefined> {
    const remembered = await this.memory.get(context, {});
    const checked = context.turnState.get<Checked | undefined>(CHECKED_THIS_TURN);
    if (checked && checked.sessionId === remembered.sessionId) return checked.session;
    const check = await this.sessions.touch(remembered.sessionId);
    if (check.state === 'active' && check.session.confirmed) {
      if (remembered.sessionId)
        context.turnState.set(CHECKED_THIS_TURN, { sessionId: remembered.sessionId, session: check.session } satisfies Checked);
      return check.session;
    }
    if (remembered.sessionId) {
      await this.forget(context);
      await say(context, 'session.expired');
    }
    return undefined;
  }

  /** The logged-in citizen as audit rows name them, and the channel of this turn. */
  actor(context: TurnContext, session: Session): Actor {
    return actorOf(context, session, this.subjects);
  }

  /** The id of the conversation's session, whether or not it is still alive. */
  sessionId(context: TurnContext): Promise<string | undefined> {
    return sessionIdOf(context, this.memory);
  }

  /** Logs out: the session ends on the server and in the conversation. */
  forget(context: TurnContext): Promise<void> {
    return forgetSession(context, this.sessions, this.memory);
  }
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
