import type { Activity } from 'botbuilder';
import WebSocket from 'ws';

export type ActivitySet = { activities: (Partial<Activity> & { id: string })[]; watermark: string };

/**
 * Talks to our Direct Line 3.0 the way Web Chat does: a token from /tokens/generate, the
 * conversation started with it, activities posted with a clientActivityID and read by watermark.
 */
export class DirectLineClient {
  token = '';
  conversationId = '';
  streamUrl = '';
  watermark = '';
  /** Every activity read so far, in order, the page's view (a re-delivered id replaces the earlier one). */
  readonly seen: (Partial<Activity> & { id: string })[] = [];
  /** Sent with every request (an X-Forwarded-For, as a proxy in front of the app would add). */
  readonly headers: Record<string, string> = {};
  private sequence = 0;

  constructor(
    private baseUrl: string,
    private readonly locale = 'tr-TR',
  ) {}

  /** Sends the following requests to another instance (as a load balancer would). */
  via(baseUrl: string): this {
    this.baseUrl = baseUrl;
    return this;
  }

  async generate(body: unknown = { locale: this.locale }): Promise<Response> {
    return fetch(`${this.baseUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** Gets a token (or takes the answer of another token endpoint) and starts the conversation; returns the greeting once it arrives. */
  async join(generated?: Response): Promise<Partial<Activity>[]> {
    generated ??= await this.generate();
    if (generated.status !== 200) throw new Error(`the token endpoint answered ${generated.status}`);
    ({ token: this.token, conversationId: this.conversationId } = (await generated.json()) as { token: string; conversationId: string });
    const started = await this.request('POST', '/conversations', {});
    if (started.status !== 201) throw new Error(`POST /conversations answered ${started.status}`);
    this.streamUrl = ((await started.json()) as { streamUrl: string }).streamUrl;
    return this.waitFor((activities) => activities.some((activity) => activity.from?.role === 'bot'));
  }

  request(method: string, path: string, body?: unknown, token = this.token): Promise<Response> {
    return fetch(`${this.baseUrl}/v3/directline${path}`, {
      method,
      headers: { ...this.headers, authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** Posts a message; returns the bot's replies of that turn (the turn has ended when the POST answers). */
  async say(text: string, extra: Partial<Activity> = {}): Promise<Partial<Activity>[]> {
    const clientActivityID = `client-${++this.sequence}`;
    const response = await this.request('POST', `/conversations/${this.conversationId}/activities`, {
      type: 'message',
      text,
      locale: this.locale,
      from: { id: 'whoever-the-page-says', role: 'user' },
      channelData: { clientActivityID },
      ...extra,
    });
    if (response.status !== 200) throw new Error(`POST activities answered ${response.status}: ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    const read = await this.poll();
    const echo = read.findIndex((activity) => activity.id === id);
    return read.slice(echo + 1).filter((activity) => activity.from?.role === 'bot');
  }

  async sayText(text: string): Promise<string> {
    return (await this.say(text)).map((reply) => reply.text ?? '').join('\n');
  }

  /** One GET of the activities after the watermark; returns them and moves the watermark on. */
  async poll(): Promise<(Partial<Activity> & { id: string })[]> {
    const response = await this.request('GET', `/conversations/${this.conversationId}/activities?watermark=${this.watermark}`);
    if (response.status !== 200) throw new Error(`GET activities answered ${response.status}`);
    const set = (await response.json()) as ActivitySet;
    this.watermark = set.watermark;
    this.remember(set.activities);
    return set.activities;
  }

  /** Polls until `done` holds for what arrived since the call; returns it. */
  async waitFor(done: (activities: Partial<Activity>[]) => boolean, timeoutMs = 10_000): Promise<Partial<Activity>[]> {
    const arrived: Partial<Activity>[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      arrived.push(...(await this.poll()));
      if (done(arrived)) return arrived;
      if (Date.now() > deadline) throw new Error(`not arrived in time; got ${JSON.stringify(arrived.map((a) => a.text))}`);
      await new Promise((wake) => setTimeout(wake, 50));
    }
  }

  /** Opens the WebSocket stream; frames are collected in the returned object. */
  async openStream(url = this.streamUrl): Promise<StreamListener> {
    const socket = new WebSocket(url);
    const listener = new StreamListener(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`stream answered ${res.statusCode}`)));
    });
    return listener;
  }

  private remember(activities: (Partial<Activity> & { id: string })[]): void {
    for (const activity of activities) {
      const at = this.seen.findIndex((earlier) => earlier.id === activity.id);
      if (at >= 0) this.seen[at] = activity;
      else this.seen.push(activity);
    }
  }
}

/** Frames of one WebSocket stream, as Web Chat receives them. */
export class StreamListener {
  readonly frames: ActivitySet[] = [];
  private waiters: (() => void)[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      // ws hands each frame over as one Buffer (its default binaryType, 'nodebuffer').
      const text = (data as Buffer).toString('utf8');
      if (text === '') return;
      this.frames.push(JSON.parse(text) as ActivitySet);
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  get activities(): Partial<Activity>[] {
    return this.frames.flatMap((frame) => frame.activities);
  }

  async waitFor(done: (activities: Partial<Activity>[]) => boolean, timeoutMs = 10_000): Promise<Partial<Activity>[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.activities)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`not streamed in time; got ${JSON.stringify(this.activities.map((a) => a.text))}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
    return this.activities;
  }

  close(): Promise<void> {
    return new Promise((done) => {
      if (this.socket.readyState === WebSocket.CLOSED) return done();
      this.socket.once('close', () => done());
      this.socket.close();
    });
  }
}
