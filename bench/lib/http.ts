import { Agent, request, type IncomingHttpHeaders } from 'node:http';

/** One keep-alive pool for every request of the load generator (cheaper per request than fetch). */
const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });

export type HttpResult = { status: number; headers: IncomingHttpHeaders; body: string };

type RequestOptions = { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number };

/**
 * One request over the keep-alive pool. A request that meets a pooled connection the server has
 * just closed for idleness (the keep-alive race: "socket hang up" on a reused socket, before any
 * answer) never reached the server, so it is sent once more on a fresh connection.
 */
export async function httpRequest(url: string, options: RequestOptions = {}): Promise<HttpResult> {
  try {
    return await once(url, options);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket) return once(url, options);
    throw error;
  }
}

function once(url: string, options: RequestOptions): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
    const req = request(
      url,
      {
        method: options.method ?? (body ? 'POST' : 'GET'),
        agent,
        headers: { ...(options.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request to ${new URL(url).pathname} timed out`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      const raced = req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up');
      reject(Object.assign(error, { reusedSocket: raced }));
    });
    req.end(body);
  });
}

export function postJson(url: string, value: unknown, timeoutMs?: number): Promise<HttpResult> {
  return httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value), timeoutMs });
}

export function closeHttpPool(): void {
  agent.destroy();
}
