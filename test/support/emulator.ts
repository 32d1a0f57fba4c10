import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Activity } from 'botbuilder';

/**
 * Talks to POST /api/messages the way the Bot Framework Emulator does: each activity carries a
 * serviceUrl, and the bot's replies arrive as POSTs to that URL, collected here.
 */
export class EmulatorClient {
  readonly replies: Partial<Activity>[] = [];
  /** Messages the bot replaced (PUT …/activities/{id}, as Teams' connector takes them), in order. */
  readonly updates: { path: string; activity: Partial<Activity> }[] = [];
  /** Every request the bot made to this conversation's service URL, with the token it carried. */
  readonly requests: { method: string; path: string; authorization?: string }[] = [];
  /**
   * Signs each request as a Bot Framework channel does (an `Authorization` header for the
   * activity's service URL), for an app that checks tokens; unset, requests go unsigned as the
   * Emulator sends them.
   */
  signer?: (serviceUrl: string) => string;
  private server?: Server;
  private serviceUrl = '';
  private sequence = 0;
  private waiters: (() => void)[] = [];

  constructor(
    protected botUrl: string,
    private readonly conversationId = `conv-${Math.random().toString(36).slice(2)}`,
    private readonly channelId = 'emulator',
    private locale = 'tr-TR',
    private readonly userId = 'user-1',
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.capture(req, res));
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  /** Sends the following turns to another instance of the bot (as a load balancer would). */
  via(botUrl: string): this {
    this.botUrl = botUrl;
    return this;
  }

  setLocale(locale: string): void {
    this.locale = locale;
  }

  /** Opens the conversation as the Emulator does: a conversationUpdate adding the user. */
  async join(): Promise<Partial<Activity>[]> {
    return this.post({
      type: 'conversationUpdate',
      membersAdded: [{ id: this.userId, name: 'User' }],
    });
  }

  /** Sends a message and returns the replies of this turn. */
  async say(text: string, extra: Partial<Activity> = {}): Promise<Partial<Activity>[]> {
    return this.post({ type: 'message', text, ...extra });
  }

  /** The texts of a turn's replies, joined, for simple assertions. */
  async sayText(text: string): Promise<string> {
    return (await this.say(text)).map((reply) => reply.text ?? '').join('\n');
  }

  /** Sends one activity of this conversation, to this client's bot or to `botUrl`. */
  async post(activity: Partial<Activity>, botUrl = this.botUrl): Promise<Partial<Activity>[]> {
    const before = this.replies.length;
    const response = await this.rawPost(
      {
        id: `activity-${++this.sequence}`,
        channelId: this.channelId,
        serviceUrl: this.serviceUrl,
        conversation: { id: this.conversationId } as Activity['conversation'],
        from: { id: this.userId, name: 'User', role: 'user' },
        recipient: { id: 'bot', name: 'Bot', role: 'bot' },
        locale: this.locale,
        timestamp: new Date(),
        ...activity,
      },
      'application/json',
      botUrl,
    );
    if (response.status >= 300) throw new Error(`POST /api/messages answered ${response.status}: ${await response.text()}`);
    return this.replies.slice(before);
  }

  /** The activity this client would post for `text` (ids, serviceUrl, and whatever its rawPost adds), without sending it. */
  async activityFor(text: string): Promise<Record<string, unknown>> {
    let captured: Record<string, unknown> = {};
    // An own property shadows the class's rawPost for this one message; deleting it restores the class's.
    this.rawPost = async (body: unknown) => {
      captured = body as Record<string, unknown>;
      return new Response('{}', { status: 200 });
    };
    try {
      await this.say(text);
    } finally {
      delete (this as { rawPost?: unknown }).rawPost;
    }
    return captured;
  }

  rawPost(body: unknown, contentType = 'application/json', botUrl = this.botUrl): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (this.signer) {
      const serviceUrl = typeof body === 'object' && body !== null ? String((body as { serviceUrl?: string }).serviceUrl ?? '') : '';
      headers['authorization'] = this.signer(serviceUrl);
    }
    return fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** Waits for a reply that arrives outside a turn (a proactive message). */
  async waitForReply(predicate: (reply: Partial<Activity>) => boolean, timeoutMs = 10_000): Promise<Partial<Activity>> {
    return this.waitFor(() => this.replies.find(predicate), timeoutMs);
  }

  /** Waits for the bot to replace a message outside a turn. */
  async waitForUpdate(
    predicate: (update: EmulatorClient['updates'][number]) => boolean,
    timeoutMs = 10_000,
  ): Promise<EmulatorClient['updates'][number]> {
    return this.waitFor(() => this.updates.find(predicate), timeoutMs);
  }

  private async waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no such reply arrived');
      await new Promise<void>((done) => {
        const timer = setTimeout(done, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
  }

  private capture(req: IncomingMessage, res: import('node:http').ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Partial<Activity>;
      const path = req.url ?? '';
      this.requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.method === 'PUT') {
        this.updates.push({ path, activity });
        res.end(JSON.stringify({ id: decodeURIComponent(path.split('/').at(-1) ?? '') }));
      } else {
        this.replies.push(activity);
        res.end(JSON.stringify({ id: `reply-${this.replies.length}` }));
      }
      const waiters = this.waiters.splice(0);
      waiters.forEach((wake) => wake());
    });
  }
}
