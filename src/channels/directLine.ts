import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { z } from 'zod';
import type { AgentSessionGrant, DirectLineGrant } from './directLineTokens';
import { limitKey } from './clientAddress';
import { BOT_ACCOUNT } from './directLineAdapter';
import { envelope, mountActivityPost } from './directLineActivities';
import {
  bearer,
  DIRECT_LINE_PATH,
  directLineGuard,
  HttpError,
  parseJson,
  queryOf,
  readBody,
  watermarkOf,
  type DirectLineOptions,
} from './directLineRequests';
import { mountStream } from './directLineStream';
import { openingTopicOf, type OpeningTopic } from '../language/intents/openingTopics';

export { DIRECT_LINE_LIMITS, DIRECT_LINE_PATH, STREAM_TOKEN_ENDED, type DirectLineOptions } from './directLineRequests';

export type DirectLine = {
  /** Starts a conversation for a grant made elsewhere (the agent console's sign-in); returns its token. */
  startConversation(grant: {
    locale?: string;
    agentExternalId?: string;
    agentSession?: AgentSessionGrant;
  }): Promise<{ conversationId: string; token: string; expiresIn: number }>;
  /** Closes every WebSocket (at shutdown). */
  close(): void;
};

const startSchema = z
  .object({
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)
      .optional(),
    // What the page was opened with (?topic=…): any value is taken and only a known topic kept, so an old or edited link still opens the chat.
    topic: z.unknown().optional(),
  })
  .loose();

/**
 * The subset of Direct Line 3.0 that Web Chat uses, served by us so conversations stay on our
 * servers: tokens bound to one conversation, activities posted and read by watermark, a WebSocket
 * stream, token refresh and reconnect. Errors are JSON `{error: {code, message}}` with a 4xx.
 */
export function mountDirectLine(server: Server, options: DirectLineOptions): DirectLine {
  const { adapter, streams, tokens, store, random, clock } = options;
  const guard = directLineGuard(options);
  const { senderOf, limit, authorize, route } = guard;

  const streamUrl = (conversationId: string, token: string, watermark?: number) => {
    const base = options.publicBaseUrl.replace(/^http/, 'ws');
    const query = new URLSearchParams({ t: token, ...(watermark !== undefined ? { watermark: String(watermark) } : {}) });
    return `${base}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(conversationId)}/stream?${query.toString()}`;
  };

  const createConversation = async (
    locale: string | undefined,
    agentExternalId: string | undefined,
    agentSession?: AgentSessionGrant,
    topic?: OpeningTopic,
  ) => {
    const conversationId = random.bytes(16).toString('base64url');
    const userId = `dl_${random.bytes(9).toString('base64url')}`;
    await streams.create(conversationId, {
      userId,
      locale,
      ...(agentExternalId ? { agentId: agentExternalId } : {}),
      ...(topic ? { topic } : {}),
    });
    const issued = tokens.issue({ conversationId, userId, agentExternalId, agentSession });
    return { conversationId, token: issued.token, expiresIn: issued.expiresIn };
  };

  /** The bot greets once, when the page first opens the conversation; with the topic the page was opened with, if any. */
  const greet = async (grant: DirectLineGrant, clientAddress: string) => {
    if (!(await store.setIfAbsent(`dl-greeted:${grant.conversationId}`, true, 24 * 60 * 60_000))) return false;
    const conversation = await streams.conversation(grant.conversationId);
    const user = { id: grant.userId, role: 'user' };
    const activity: Partial<Activity> = {
      ...envelope(grant),
      type: 'conversationUpdate',
      id: adapter.newActivityId(),
      timestamp: clock.now(),
      locale: conversation?.locale,
      membersAdded: [user, { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name, role: 'bot' }],
    } as Partial<Activity>;
    // Read back through openingTopicOf: the stream may sit in Redis, written by another instance.
    const topic = openingTopicOf(conversation?.topic);
    options.background.run('directline-greeting', () =>
      adapter.process({ activity, agentExternalId: grant.agentExternalId, clientAddress, topic }, options.logic),
    );
    return true;
  };

  server.post(
    `${DIRECT_LINE_PATH}/tokens/generate`,
    route(async (req, res) => {
      await limit('start', limitKey(senderOf(req))!);
      const body = parseJson(await readBody(req, 4096, true));
      const start = startSchema.safeParse(body ?? {});
      if (!start.success) throw new HttpError(400, 'BadArgument', 'The request body is not valid.');
      const created = await createConversation(start.data.locale, undefined, undefined, openingTopicOf(start.data.topic));
      res.send(200, { conversationId: created.conversationId, token: created.token, expires_in: created.expiresIn });
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/tokens/refresh`,
    route(async (req, res) => {
      const grant = await authorize(bearer(req));
      await limit('reconnect', grant.conversationId);
      const issued = tokens.issue(grant);
      res.send(200, { conversationId: grant.conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations`,
    route(async (req, res) => {
      const sender = senderOf(req);
      const grant = await authorize(bearer(req));
      await limit('reconnect', grant.conversationId);
      await readBody(req, 4096, true);
      const first = await greet(grant, sender);
      const token = bearer(req)!;
      res.send(first ? 201 : 200, {
        conversationId: grant.conversationId,
        token,
        expires_in: Math.max(0, grant.expiresAt - Math.floor(clock.now().getTime() / 1000)),
        streamUrl: streamUrl(grant.conversationId, token),
      });
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId`,
    route(async (req, res) => {
      const grant = await authorize(bearer(req), (req.params as { conversationId?: string }).conversationId);
      await limit('reconnect', grant.conversationId);
      const token = bearer(req)!;
      const watermark = watermarkOf(queryOf(req).get('watermark'));
      res.send(200, {
        conversationId: grant.conversationId,
        token,
        expires_in: Math.max(0, grant.expiresAt - Math.floor(clock.now().getTime() / 1000)),
        streamUrl: streamUrl(grant.conversationId, token, watermark),
      });
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    route(async (req, res) => {
      const grant = await authorize(bearer(req), (req.params as { conversationId?: string }).conversationId);
      await limit('poll', grant.conversationId);
      const read = await streams.read(grant.conversationId, watermarkOf(queryOf(req).get('watermark')) ?? 0);
      res.send(200, { activities: read.activities, watermark: String(read.watermark) });
    }),
  );

  mountActivityPost(server, options, guard);

  const sockets = mountStream(server, options, async (token, conversationId) => authorize(token, conversationId));

  return {
    startConversation: async ({ locale, agentExternalId, agentSession }) => createConversation(locale, agentExternalId, agentSession),
    close: () => sockets.close(),
  };
}
