import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { postJson } from './http';

/** What the load generator keeps of a reply the bot posted to the serviceUrl. */
export type Reply = { text?: string; attachments?: unknown[]; suggestedActions?: unknown };

/** One timed turn: the POST /api/messages round trip, which ends after the bot's replies were delivered. */
export type TurnSample = { startedAt: number; ms: number; step: string; ok: boolean };

/**
 * The capture side of the Emulator protocol for many conversations at once: one local HTTP server
 * is every conversation's serviceUrl; the bot's replies (POST …/v3/conversations/{id}/activities/…)
 * are filed by conversation id, as test/support/emulator.ts does for one.
 */
export class CaptureServer {
  private server?: Server;
  private readonly conversations = new Map<string, Conversation>();
  url = '';
  received = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.capture(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => {
      if (!this.server) return done();
      this.server.closeAllConnections();
      this.server.close(() => done());
    });
  }

  register(conversation: Conversation): void {
    this.conversations.set(conversation.id, conversation);
  }

  forget(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
  }

  private capture(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.received += 1;
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      const conversation = match ? this.conversations.get(decodeURIComponent(match[1]!)) : undefined;
      if (conversation) {
        try {
          conversation.receive(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply);
        } catch {
          // not JSON: ignored, the turn's check will fail
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"r${this.received}"}`);
    });
  }
}

let conversationCounter = 0;

/** One Emulator-style conversation: each activity carries the capture server's serviceUrl. */
export class Conversation {
  readonly id: string;
  readonly replies: Reply[] = [];
  private sequence = 0;
  private waiters: (() => void)[] = [];

  private readonly botUrl: () => string;

  constructor(
    /** The bot's base URL, or a function choosing one per turn (round robin over instances). */
    botUrl: string | (() => string),
    private readonly capture: CaptureServer,
    private readonly record: (sample: TurnSample) => void,
    private readonly locale = 'tr-TR',
  ) {
    this.botUrl = typeof botUrl === 'string' ? () => botUrl : botUrl;
    this.id = `bench-${process.pid}-${++conversationCounter}-${Math.random().toString(36).slice(2, 8)}`;
    capture.register(this);
  }

  close(): void {
    this.capture.forget(this);
  }

  join(step = 'join'): Promise<Reply[]> {
    return this.post({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'User' }] }, step);
  }

  say(text: string, step: string): Promise<Reply[]> {
    return this.post({ type: 'message', text }, step);
  }

  async sayText(text: string, step: string): Promise<string> {
    return textOf(await this.say(text, step));
  }

  /** Sends one activity; resolves with the replies of this turn. */
  async post(activity: Record<string, unknown>, step: string): Promise<Reply[]> {
    const before = this.replies.length;
    const startedAt = performance.now();
    let ok = false;
    try {
      const response = await postJson(`${this.botUrl()}/api/messages`, {
        id: `a-${++this.sequence}`,
        channelId: 'emulator',
        serviceUrl: this.capture.url,
        conversation: { id: this.id },
        from: { id: 'user-1', name: 'User', role: 'user' },
        recipient: { id: 'bot', name: 'Bot', role: 'bot' },
        locale: this.locale,
        timestamp: new Date().toISOString(),
        ...activity,
      });
      ok = response.status < 300;
      if (!ok) throw new Error(`POST /api/messages answered ${response.status}`);
      return this.replies.slice(before);
    } catch (error) {
      throw new Error(`${step}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    } finally {
      this.record({ startedAt, ms: performance.now() - startedAt, step, ok });
    }
  }

  /** Waits for a reply that arrives outside a turn (the proactive "you can log in now"). */
  async waitForReply(predicate: (reply: Reply) => boolean, timeoutMs: number): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.replies.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('the expected proactive reply did not arrive');
      await new Promise<void>((done) => {
        const timer = setTimeout(done, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
  }

  receive(reply: Reply): void {
    this.replies.push(reply);
    const waiters = this.waiters.splice(0);
    waiters.forEach((wake) => wake());
  }
}

export function textOf(replies: Reply[]): string {
  return replies.map((reply) => reply.text ?? '').join('\n');
}
