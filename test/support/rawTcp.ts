import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * Sends `request` byte for byte on a fresh TCP connection and returns everything the server wrote
 * until it closed the connection (or 5 s passed). For requests no HTTP client would send.
 */
export function rawHttp(port: number, request: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const done = () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // One answer is all these tests want; keep-alive would otherwise hold the connection open.
      if (/\r\n\r\n/.test(Buffer.concat(chunks).toString('latin1')) && answerComplete(Buffer.concat(chunks))) socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', done);
  });
}

function answerComplete(received: Buffer): boolean {
  const text = received.toString('latin1');
  const headEnd = text.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, headEnd));
  return length ? received.length - (headEnd + 4) >= Number(length[1]) : /\r\nconnection: close/i.test(text.slice(0, headEnd));
}

/** The status code of a raw answer, or 0 when the server wrote nothing. */
export function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}

/**
 * A WebSocket client that writes frames byte by byte, so it can send what a well-behaved client
 * library refuses to: oversized frames, invalid UTF-8, reserved opcodes.
 */
export class RawWebSocket {
  private received = Buffer.alloc(0);
  private closed = false;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  /** Opens `path` (with its query) and resolves once the server answered 101. */
  static async open(port: number, path: string): Promise<RawWebSocket> {
    const socket = connect(port, '127.0.0.1');
    const client = new RawWebSocket(socket);
    await new Promise<void>((done) => socket.once('connect', () => done()));
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    await client.until(() => client.received.includes('\r\n\r\n') || client.closed);
    const text = client.received.toString('latin1');
    if (!text.startsWith('HTTP/1.1 101')) throw new Error(`the upgrade was answered ${text.split('\r\n')[0]}`);
    client.received = client.received.subarray(text.indexOf('\r\n\r\n') + 4);
    return client;
  }

  /** Writes one masked frame, as a client must. */
  send(opcode: number, payload: Buffer, fin = true): void {
    const mask = randomBytes(4);
    const length = payload.length;
    const head =
      length < 126
        ? Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | length])
        : length < 65536
          ? Buffer.concat([Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | 126]), uint16(length)])
          : Buffer.concat([Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | 127]), uint64(length)]);
    const masked = Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!));
    this.socket.write(Buffer.concat([head, mask, masked]));
  }

  /**
   * The status code of the server's close frame, once it arrived, or 'no close frame' when the
   * connection ended without one.
   */
  async closeCode(): Promise<number | 'no close frame'> {
    await this.until(() => this.closeFrame() !== undefined || this.closed);
    return this.closeFrame() ?? 'no close frame';
  }

  destroy(): void {
    this.socket.destroy();
  }

  private closeFrame(): number | undefined {
    let at = 0;
    while (at + 2 <= this.received.length) {
      const opcode = this.received[at]! & 0x0f;
      let length = this.received[at + 1]! & 0x7f;
      let start = at + 2;
      if (length === 126) {
        length = this.received.readUInt16BE(at + 2);
        start += 2;
      } else if (length === 127) {
        length = Number(this.received.readBigUInt64BE(at + 2));
        start += 8;
      }
      if (start + length > this.received.length) return undefined;
      if (opcode === 0x8) return length >= 2 ? this.received.readUInt16BE(start) : 1005;
      at = start + length;
    }
    return undefined;
  }

  private async until(done: () => boolean): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!done() && Date.now() < deadline) {
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  private wake(): void {
    this.waiters.splice(0).forEach((wake) => wake());
  }
}

function uint16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function uint64(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(value));
  return buffer;
}

/** GET /healthz with a plain client: the server is still up and serving. */
export async function healthStatus(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/healthz`);
  await response.text();
  return response.status;
}
