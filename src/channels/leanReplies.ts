import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { Activity as ActivityMapper } from 'botframework-connector/lib/connectorApi/models/mappers';

/**
 * Posting a reply through the connector client's Azure pipeline (a serializer walking the Activity
 * model field by field, compat headers, policies) cost about a tenth of a turn's CPU and a fifth of
 * the memory it allocates (bench, opening steps). The four calls a conversation makes — reply, send,
 * update, delete — go here instead as one JSON request each, on kept-alive connections, signed by
 * the client's own credentials exactly as its pipeline signs them. Every other call stays the SDK's.
 */

/** One reply (with its one retry) gives up after this: the turn, and its conversation's lock, wait for it. */
export const REPLY_DEADLINE_MS = 5_000;
export const RETRY_PAUSE_MS = 250;
/** Answers worth one more try; any other answer is final. */
export const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const CONNECTION_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The fields the SDK's serializer sends (its Activity model); anything else on an activity stays home, as before. */
const ACTIVITY_FIELDS = Object.keys(ActivityMapper.type.modelProperties ?? {});

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/** An answer other than 2xx, shaped as the SDK's RestError is where we read it (name, statusCode). */
export class ChannelRefused extends Error {
  override readonly name = 'RestError';
  constructor(readonly statusCode: number) {
    super(`the channel answered ${statusCode}`);
  }
}

type ResourceResponse = { id?: string };
type Credentials = { signRequest(webResource: { headers: { set(name: string, value: string): void } }): Promise<unknown> };

/** The client, with its reply, send, update and delete calls made by `LeanReplies`. */
export function withLeanReplies(client: ConnectorClient, serviceUrl: string): ConnectorClient {
  const lean = new LeanReplies(serviceUrl, client.credentials);
  const conversations = client.conversations as unknown as Record<string, unknown>;
  conversations['replyToActivity'] = (conversationId: string, activityId: string, activity: Partial<Activity>) =>
    lean.send('POST', `${path(conversationId)}/activities/${encodeURIComponent(activityId)}`, activity);
  conversations['sendToConversation'] = (conversationId: string, activity: Partial<Activity>) =>
    lean.send('POST', `${path(conversationId)}/activities`, activity);
  conversations['updateActivity'] = (conversationId: string, activityId: string, activity: Partial<Activity>) =>
    lean.send('PUT', `${path(conversationId)}/activities/${encodeURIComponent(activityId)}`, activity);
  conversations['deleteActivity'] = (conversationId: string, activityId: string) =>
    lean.send('DELETE', `${path(conversationId)}/activities/${encodeURIComponent(activityId)}`);
  return client;
}

function path(conversationId: string): string {
  return `v3/conversations/${encodeURIComponent(conversationId)}`;
}

class LeanReplies {
  private readonly base: URL;

  constructor(
    serviceUrl: string,
    private readonly credentials: Credentials,
  ) {
    this.base = new URL(serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);
  }

  /**
   * One retry, after a short pause, for a connection that failed or an answer that asks for it, all
   * within REPLY_DEADLINE_MS. A request that timed out is not sent again: it may have arrived.
   */
  async send(method: string, relativePath: string, activity?: Partial<Activity>): Promise<ResourceResponse> {
    const deadline = Date.now() + REPLY_DEADLINE_MS;
    const url = new URL(relativePath, this.base);
    const body = activity === undefined ? undefined : Buffer.from(serialized(activity), 'utf8');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body) {
      headers['content-type'] = 'application/json; charset=utf-8';
      headers['content-length'] = String(body.length);
    }
    await this.credentials.signRequest({ headers: { set: (name, value) => (headers[name.toLowerCase()] = value) } });

    let failed: { status: number } | { error: unknown };
    try {
      const answer = await exchange(method, url, headers, body, deadline - Date.now());
      if (answer.status < 300) return answer.resource;
      if (!RETRYABLE_STATUS.has(answer.status)) throw new ChannelRefused(answer.status);
      failed = { status: answer.status };
    } catch (error) {
      if (error instanceof ChannelRefused || !connectionFailed(error)) throw error;
      failed = { error };
    }
    if (deadline - Date.now() <= RETRY_PAUSE_MS) throw 'status' in failed ? new ChannelRefused(failed.status) : failed.error;
    await new Promise((pause) => setTimeout(pause, RETRY_PAUSE_MS));
    const answer = await exchange(method, url, headers, body, Math.max(1, deadline - Date.now()));
    if (answer.status < 300) return answer.resource;
    throw new ChannelRefused(answer.status);
  }
}

/** The activity as the SDK's serializer sent it: its model's fields, in JSON. */
function serialized(activity: Partial<Activity>): string {
  const fields = activity as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of ACTIVITY_FIELDS) if (fields[field] !== undefined) picked[field] = fields[field];
  return JSON.stringify(picked);
}

/** A connection refused, reset or not resolved: nothing reached the channel, so a retry cannot duplicate. */
export function connectionFailed(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && CONNECTION_FAILURES.has(code);
}

/** What a channel may answer to a post (a resource id); a longer answer is cut off, not read into memory. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** One request: its status and, for a 2xx, the resource it names (an empty or unreadable body names none). */
function exchange(
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: Buffer | undefined,
  timeoutMs: number,
): Promise<{ status: number; resource: ResourceResponse }> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const request = (secure ? httpsRequest : httpRequest)(
      url,
      { method, headers, agent: secure ? agents.https : agents.http },
      (response) => {
        readAnswer(response).then(resolve, reject);
      },
    );
    // The whole exchange, answer included, within the time left: a channel that trickles its answer is cut off too.
    const timer = setTimeout(
      () => request.destroy(Object.assign(new Error('the channel did not answer in time'), { name: 'TimeoutError' })),
      Math.max(1, timeoutMs),
    );
    request.once('close', () => clearTimeout(timer));
    request.once('error', reject);
    request.end(body);
  });
}

async function readAnswer(response: IncomingMessage): Promise<{ status: number; resource: ResourceResponse }> {
  const status = response.statusCode ?? 0;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > MAX_ANSWER_BYTES) {
      response.destroy();
      return { status, resource: {} };
    }
    chunks.push(chunk as Buffer);
  }
  if (status >= 300 || size === 0) return { status, resource: {} };
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return { status, resource: typeof parsed === 'object' && parsed !== null ? parsed : {} };
  } catch {
    return { status, resource: {} };
  }
}
