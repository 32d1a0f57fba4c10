import { randomUUID } from 'node:crypto';
import { ActivityTypes, TestAdapter, type Activity, type ConversationAccount, type TurnContext } from 'botbuilder';
import { solveTextChallenge } from './solveChallenge';
import { setTurnOrigin } from '../../src/channels/turnOrigin';

/** What one bot reply must look like: a substring of its text, a pattern for its text, or a check of the whole activity. */
export type Expectation = string | RegExp | ((reply: Partial<Activity>) => string | undefined);

/** What the user sends: a text, an activity, or a text worked out from the bot's replies so far (a challenge answer). */
export type Says = string | Partial<Activity> | ((history: Partial<Activity>[]) => string);

/** One row of a script: what the user says and, in order, every reply of that turn (no more, no less). */
export type Row = readonly [Says, Expectation | readonly Expectation[]];

export type ScriptOptions = { channelId?: string; locale?: string; conversationId?: string };

/**
 * Drives the bot's turn handler through botbuilder's TestAdapter one turn at a time, so each row
 * sees exactly the replies of its own turn. Every conversation gets its own id and source, so rate
 * limits and failed-check counters of one test never reach another.
 */
export class DialogScript {
  readonly adapter: TestAdapter;
  /** Every reply of the conversation so far. */
  readonly history: Partial<Activity>[] = [];

  constructor(logic: (context: TurnContext) => Promise<void>, options: ScriptOptions = {}) {
    const conversationId = options.conversationId ?? `conv-${randomUUID()}`;
    this.adapter = new TestAdapter(logic, {
      channelId: options.channelId ?? 'test',
      locale: options.locale ?? 'tr-TR',
      conversation: { id: conversationId, name: conversationId, isGroup: false } as ConversationAccount,
    });
    // This test adapter stands for the channel's own: it says which channel the turn is on and who sent it.
    const origin = { channel: options.channelId ?? 'test', source: `script:${conversationId}` };
    this.adapter.use(async (context, next) => {
      setTurnOrigin(context, origin);
      await next();
    });
  }

  /** Sends one activity and returns the replies of that turn. */
  async send(says: Says): Promise<Partial<Activity>[]> {
    const activity: Partial<Activity> =
      typeof says === 'function'
        ? { type: ActivityTypes.Message, text: says(this.history) }
        : typeof says === 'string'
          ? { type: ActivityTypes.Message, text: says }
          : { type: ActivityTypes.Message, ...says };
    await this.adapter.processActivity(activity);
    const replies = this.adapter.activeQueue.splice(0);
    this.history.push(...replies);
    return replies;
  }

  /** Opens the conversation as channels do: a conversationUpdate adding the user. */
  join(): Promise<Partial<Activity>[]> {
    return this.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user1', name: 'User1' }] });
  }

  /** Plays the rows in order; a row fails with the turn's actual replies in the message. */
  async play(rows: readonly Row[]): Promise<void> {
    for (const [index, [says, expected]] of rows.entries()) {
      const said = describeSays(says, this.history);
      const replies = await this.send(says);
      const expectations = (Array.isArray(expected) ? expected : [expected]) as readonly Expectation[];
      const problems: string[] = [];
      if (replies.length !== expectations.length) {
        problems.push(`expected ${expectations.length} replies, got ${replies.length}`);
      }
      expectations.forEach((expectation, at) => {
        const reply = replies[at];
        if (!reply) return;
        const problem = check(expectation, reply);
        if (problem) problems.push(`reply ${at + 1}: ${problem}`);
      });
      if (problems.length > 0) {
        throw new Error(
          `row ${index + 1}, user said ${said}:\n  ${problems.join('\n  ')}\n  replies were:\n${replies.map((reply) => `    - ${render(reply)}`).join('\n')}`,
        );
      }
    }
  }
}

function describeSays(says: Says, history: Partial<Activity>[]): string {
  if (typeof says === 'string') return JSON.stringify(says);
  if (typeof says === 'function') return `${JSON.stringify(safely(() => says(history)))} (worked out from the replies)`;
  return JSON.stringify({ type: says.type, text: says.text, attachments: says.attachments?.length });
}

function safely(work: () => string): string {
  try {
    return work();
  } catch (error) {
    return `<${(error as Error).message}>`;
  }
}

function check(expectation: Expectation, reply: Partial<Activity>): string | undefined {
  if (typeof expectation === 'function') return expectation(reply);
  const text = reply.text ?? '';
  if (typeof expectation === 'string')
    return text.includes(expectation) ? undefined : `text does not contain ${JSON.stringify(expectation)}`;
  return expectation.test(text) ? undefined : `text does not match ${expectation}`;
}

export function render(reply: Partial<Activity>): string {
  const parts = [JSON.stringify(reply.text ?? '')];
  const actions = reply.suggestedActions?.actions ?? [];
  if (actions.length) parts.push(`[buttons: ${actions.map((action) => action.title).join(' | ')}]`);
  for (const attachment of reply.attachments ?? []) parts.push(`[attachment ${attachment.contentType}]`);
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// expectations
// ---------------------------------------------------------------------------------------------

/** The reply's text contains every part. */
export function all(...parts: (string | RegExp)[]): Expectation {
  return (reply) => {
    const text = reply.text ?? '';
    const missing = parts.filter((part) => (typeof part === 'string' ? !text.includes(part) : !part.test(text)));
    return missing.length ? `text lacks ${missing.map((part) => String(part)).join(', ')}` : undefined;
  };
}

/** The choice buttons of a reply: suggested actions, or on Teams the Action.Submit buttons of its card. */
function choiceButtons(reply: Partial<Activity>): { title: unknown; value: unknown }[] {
  const suggested = reply.suggestedActions?.actions ?? [];
  if (suggested.length) return suggested;
  const buttons: { title: unknown; value: unknown }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const element = node as { type?: unknown; title?: unknown; data?: { choice?: unknown } };
    if (element.type === 'Action.Submit' && element.data?.choice !== undefined)
      buttons.push({ title: element.title, value: element.data.choice });
    Object.values(node).forEach(visit);
  };
  visit((reply.attachments ?? []).map((attachment): unknown => attachment.content));
  return buttons;
}

/** The reply asks `question` and offers exactly these choices as buttons (suggested actions, or a card's on Teams). */
export function withButtons(question: Expectation, labels: readonly string[]): Expectation {
  return (reply) => {
    const textProblem = check(question, reply);
    if (textProblem) return textProblem;
    const actions = choiceButtons(reply);
    const values = actions.map((action) => action.value);
    if (JSON.stringify(values) !== JSON.stringify(labels)) return `buttons ${JSON.stringify(values)} are not ${JSON.stringify(labels)}`;
    const unnumbered = actions.filter((action, index) => !String(action.title).startsWith(`${index + 1}`));
    return unnumbered.length ? 'button titles are not numbered' : undefined;
  };
}

/** The reply asks `question` in plain text, with the choices as numbered lines "1) …", and no buttons. */
export function withNumberedLines(question: Expectation, labels: readonly string[]): Expectation {
  return (reply) => {
    const textProblem = check(question, reply);
    if (textProblem) return textProblem;
    if (reply.suggestedActions?.actions?.length) return 'has buttons on a text-only channel';
    if (reply.attachments?.length) return 'has attachments on a text-only channel';
    const lines = (reply.text ?? '').split('\n');
    const missing = labels.filter((label, index) => !lines.includes(`${index + 1}) ${label}`));
    return missing.length ? `no numbered line for ${missing.join(', ')}` : undefined;
  };
}

/** The reply is a PNG picture sent inline as a data: URL. */
export function pngImage(): Expectation {
  return (reply) => {
    const [attachment, ...more] = reply.attachments ?? [];
    if (!attachment || more.length) return `expected one attachment, got ${reply.attachments?.length ?? 0}`;
    if (attachment.contentType !== 'image/png') return `content type is ${attachment.contentType}`;
    const url = String(attachment.contentUrl ?? '');
    const prefix = 'data:image/png;base64,';
    if (!url.startsWith(prefix)) return `contentUrl is not a PNG data: URL (${url.slice(0, 30)}…)`;
    const bytes = Buffer.from(url.slice(prefix.length), 'base64');
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return bytes.subarray(0, 8).equals(signature) ? undefined : 'data is not a PNG';
  };
}

/** Fails the row if the reply text contains any of these. */
export function without(expectation: Expectation, ...forbidden: string[]): Expectation {
  return (reply) => {
    const problem = check(expectation, reply);
    if (problem) return problem;
    const found = forbidden.filter((part) => (reply.text ?? '').includes(part));
    return found.length ? `text contains ${found.join(', ')}` : undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// answers worked out from the conversation
// ---------------------------------------------------------------------------------------------

const TEXT_CHALLENGE = /(rakamla yazın|in digits):/;

/** The text of the latest text challenge the bot asked. */
export function latestTextChallenge(history: Partial<Activity>[]): string {
  const challenge = [...history].reverse().find((reply) => TEXT_CHALLENGE.test(reply.text ?? ''));
  if (!challenge) throw new Error('the bot has not asked a text challenge');
  return challenge.text!;
}

/** The right answer to the latest text challenge, read from the message as a person would. */
export const RIGHT_ANSWER = (history: Partial<Activity>[]): string => solveTextChallenge(latestTextChallenge(history));

/** A number that is not the answer to the latest text challenge. */
export const WRONG_ANSWER = (history: Partial<Activity>[]): string => String(Number(RIGHT_ANSWER(history)) + 1);

/** The reply is plain text: no picture, no buttons. */
export function textOnly(expectation: Expectation): Expectation {
  return (reply) => {
    if (reply.attachments?.length) return `has ${reply.attachments.length} attachment(s)`;
    if (reply.suggestedActions?.actions?.length) return 'has buttons';
    return check(expectation, reply);
  };
}
