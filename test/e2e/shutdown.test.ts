import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { freePort } from '../support/testApp';

const ROOT = resolve(__dirname, '..', '..');
const GREETING = /Merhaba, ben e-İmza Yardımcısı/;

type LogLine = { msg: string; level: string } & Record<string, unknown>;

/** The process's stdout as log lines, with a way to wait for one. */
class LogLines {
  readonly lines: LogLine[] = [];
  private waiters: (() => void)[] = [];

  constructor(stream: Readable) {
    let rest = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const part of parts) if (part.startsWith('{')) this.lines.push(JSON.parse(part) as LogLine);
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  async waitFor(predicate: (line: LogLine) => boolean, exited: Promise<unknown>): Promise<LogLine> {
    let gone = false;
    void exited.then(() => {
      gone = true;
      this.waiters.splice(0).forEach((wake) => wake());
    });
    for (;;) {
      const found = this.lines.find(predicate);
      if (found) return found;
      if (gone) throw new Error(`the process ended without logging it; it logged: ${this.lines.map((line) => line.msg).join(' | ')}`);
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }
}

/** A Bot Framework service URL that takes the bot's replies but answers the first one only when released. */
class HeldReplies {
  readonly replies: { text?: string }[] = [];
  private server?: Server;
  private held?: ServerResponse;
  private arrived?: () => void;
  readonly first = new Promise<void>((done) => (this.arrived = done));

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.replies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: string });
        if (this.replies.length === 1) {
          this.held = res;
          this.arrived!();
        } else {
          res.end('{}');
        }
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  release(): void {
    this.held!.writeHead(200, { 'content-type': 'application/json' });
    this.held!.end('{"id":"reply-1"}');
  }

  stop(): Promise<void> {
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

/** Everything the server writes on one raw connection, until it closes it. */
function rawConnection(port: number): { socket: Socket; received: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  const received = new Promise<string>((done, fail) => {
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => done(text));
    socket.on('error', fail);
  });
  return { socket, received };
}

function httpRequest(method: string, path: string, body?: unknown): string {
  const payload = body === undefined ? '' : JSON.stringify(body);
  const headers = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1'];
  if (body !== undefined) headers.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(payload)}`);
  return `${headers.join('\r\n')}\r\n\r\n${payload}`;
}

describe('when the assistant, started as a process on the embedded default, gets SIGTERM while a turn is in flight', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  const serviceUrl = new HeldReplies();

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'eimza-shutdown-'));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await serviceUrl.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('then the turn finishes and its reply arrives, /readyz answers 503, no new connection is taken, and the process logs its stop and exits 0', async () => {
    const port = await freePort();
    const bot = await serviceUrl.start();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        DATA_DIR: dataDir,
        PORT: String(port),
        CHALLENGE_KIND: 'text',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child!.once('exit', (code) => done(code)));
    const logs = new LogLines(child.stdout!);
    await logs
      .waitFor((line) => line.msg === 'e-İmza Yardımcısı is listening', exited)
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${stderr}`);
      });

    // The conversation opens; the bot's greeting reaches the service URL and is held there, so the turn is surely in flight.
    const connection = rawConnection(port);
    connection.socket.write(
      httpRequest('POST', '/api/messages', {
        type: 'conversationUpdate',
        channelId: 'emulator',
        serviceUrl: bot,
        conversation: { id: 'conv-shutdown' },
        from: { id: 'user-1' },
        recipient: { id: 'bot' },
        membersAdded: [{ id: 'user-1' }],
        locale: 'tr-TR',
      }),
    );
    await serviceUrl.first;

    child.kill('SIGTERM');
    await logs.waitFor((line) => line.msg.startsWith('draining'), exited);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // A load balancer's connection that is still open is told not to send more.
    connection.socket.write(httpRequest('GET', '/readyz'));
    serviceUrl.release();

    expect(await exited).toBe(0);
    const answers = await connection.received;
    expect(answers).toMatch(/^HTTP\/1\.1 200 /);
    const readyz = answers.slice(answers.indexOf('HTTP/1.1 503 '));
    expect(readyz).toMatch(/^HTTP\/1\.1 503 /);
    expect(readyz).toContain('"draining":true');
    expect(serviceUrl.replies.map((reply) => reply.text ?? '').join('\n')).toMatch(GREETING);

    const messages = logs.lines.map((line) => line.msg);
    expect(messages.slice(messages.indexOf('stopping'))).toEqual(['stopping', expect.stringMatching(/^draining/), 'stopped']);
    expect(logs.lines.find((line) => line.msg === 'stopping')).toMatchObject({ signal: 'SIGTERM' });
    expect(logs.lines.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([
      expect.objectContaining({ msg: expect.stringMatching(/PINPUK_MASTER_KEY is not set/) }),
    ]);
  }, 120_000);
});
