import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { withinReplyDeadline } from './replyDeadline';
import { Activity as ActivityMapper } from 'botframework-connector/lib/connectorApi/models/mappers';

/**
 * Posting a reply through the connector client's Azure pipeline (a serializer walking the Activity
 * model field by field, compat headers, policies) cost about a tenth of a turn's CPU and a fifth of
 * the memory it allocates (bench, opening steps). The four calls a conversation makes — reply, send,
 * update, delete — go here instead as one JSON request each, on kept-alive connections, signed by
 * the client's own credentials exactly as its pipeline signs them. Every other call stays the SDK's.
 */

/** The fields the SDK's serializer sends (its Activity model); anything else on an activity stays home, as before. */
const ACTIVITY_FIELDS = Object.keys(ActivityMapper.type.modelProperties ?? {});

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/** An answer other than 2xx, shaped as the SDK's RestError is where we read it (name, statusCode). */
class ChannelRefused extends Error {
  override readonly name = 'RestError';
  constructor(readonly statusCode: number) {
    super(`the channel answered ${statusCode}`);
  }
}

type ResourceResponse = { id?: string };
type Credentials = { signRequest(webResource: { headers: { set(name: string, value: string): void } }): Promise<unknown> };

/**
 * The client, with its reply, send, update and delete calls made by `LeanReplies` — unless the
 * environment names an HTTP proxy, which the SDK's pipeline honours (HTTPS_PROXY, HTTP_PROXY): then
 * every call stays the SDK's, so a deployment that reaches the channels through a proxy still does.
 */
export function withLeanReplies(client: ConnectorClient, serviceUrl: string, env: NodeJS.ProcessEnv = process.env): ConnectorClient {
  if (PROXY_VARIABLES.some((name) => env[name])) return client;
  const lean = new LeanReplies(serviceUrl, client.credentials);
  const conversations = client.conversations as unknown as Record<string, unknown>;
  conversations['replyToActivity'] = async (conversationId: unknown, activityId: unknown, activity: Partial<Activity>) =>
    lean.send('POST', [conversationPath(conversationId), 'activities', segment(activityId, 'activityId')], activity, {
      'x-ms-conversation-id': String(conversationId),
    });
  conversations['sendToConversation'] = async (conversationId: unknown, activity: Partial<Activity>) =>
    lean.send('POST', [conversationPath(conversationId), 'activities'], activity);
  conversations['updateActivity'] = async (conversationId: unknown, activityId: unknown, activity: Partial<Activity>) =>
    lean.send('PUT', [conversationPath(conversationId), 'activities', segment(activityId, 'activityId')], activity);
  conversations['deleteActivity'] = async (conversationId: unknown, activityId: unknown) =>
    lean.send('DELETE', [conversationPath(conversationId), 'activities', segment(activityId, 'activityId')]);
  return client;
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

function conversationPath(conversationId: unknown): string {
  return `v3/conversations/${segment(conversationId, 'conversationId')}`;
}

/** A path segment from an id, which must be there (as the SDK's own check requires). */
function segment(id: unknown, name: string): string {
  if (typeof id !== 'string' || id === '') throw new Error(`${name} cannot be empty`);
  return encodeURIComponent(id);
}

/**
 * The request URL as the SDK makes it: the path appended to the service URL's own path (a trailing
 * slash added when missing), its query kept, any fragment left out.
 */
function urlOf(serviceUrl: string, relativePath: string): URL {
  const url = new URL(serviceUrl);
  url.pathname = `${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}${relativePath}`;
  url.hash = '';
  return url;
}

class LeanReplies {
  constructor(
    private readonly serviceUrl: string,
    private readonly credentials: Credentials,
  ) {}

  /** The request, signed, then sent within the reply deadline (replyDeadline.ts); getting a token has its own time, as in the SDK's pipeline. */
  async send(
    method: string,
    path: string[],
    activity?: Partial<Activity>,
    extraHeaders: Record<string, string> = {},
  ): Promise<ResourceResponse> {
    const url = urlOf(this.serviceUrl, path.join('/'));
    const body = activity === undefined ? undefined : Buffer.from(serialized(activity), 'utf8');
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (body) {
      headers['content-type'] = 'application/json; charset=utf-8';
      headers['content-length'] = String(body.length);
    }
    await this.credentials.signRequest({ headers: { set: (name, value) => (headers[name.toLowerCase()] = value) } });
    const answer = await withinReplyDeadline((timeLeftMs) => exchange(method, url, headers, body, timeLeftMs));
    if (answer.status < 300) return answer.resource;
    throw new ChannelRefused(answer.status);
  }
}

/**
 * The activity's top-level fields of the SDK's Activity model, in JSON (the SDK's serializer also
 * filtered the fields of nested accounts and entities; what they carry here came from the channel,
 * or is a card of ours, and goes back to the same service URL).
 */
function serialized(activity: Partial<Activity>): string {
  const fields = activity as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of ACTIVITY_FIELDS) if (fields[field] !== undefined) picked[field] = fields[field];
  return JSON.stringify(picked);
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
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: unknown } | null;
    // Only a resource id that is a string: it goes into the URL of a later update.
    return { status, resource: typeof parsed?.id === 'string' ? { id: parsed.id } : {} };
  } catch {
    return { status, resource: {} };
  }
}
