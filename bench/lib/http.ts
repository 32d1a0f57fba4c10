import { Agent, request, type IncomingHttpHeaders } from 'node:http';

/** One keep-alive pool for every request of the load generator (cheaper per request than fetch). */
const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });

export type HttpResult = { status: number; headers: IncomingHttpHeaders; body: string };

export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<HttpResult> {
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
    req.on('error', reject);
    req.end(body);
  });
}

export function postJson(url: string, value: unknown, timeoutMs?: number): Promise<HttpResult> {
  return httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value), timeoutMs });
}

export function closeHttpPool(): void {
  agent.destroy();
}
