import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { withLeanReplies } from './leanReplies';
import { withinReplyDeadline } from './replyDeadline';

/**
 * Clients kept at most; without an app id any sender may name a service URL, so the set is bounded
 * (the oldest goes first) — with one, the URLs are Microsoft's few channel endpoints.
 */
const MAX_CLIENTS = 64;

/** A small map that forgets its oldest entry when full. */
class Recent<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  getOrAdd(key: string, make: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const made = make();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, made);
    return made;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * Azure SDK tracing and logging, which we do not switch on (our own logs and metrics cover each
 * turn), yet each costs a span, a context and a sanitized copy of the headers on every reply.
 */
const UNUSED_POLICIES = ['tracingPolicy', 'logPolicy'];

type PipelineRequest = { timeout: number; abortSignal?: AbortSignal };
type PipelineResponse = { status: number };
type PipelinePolicy = {
  name: string;
  sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<PipelineResponse>): Promise<PipelineResponse>;
};
type Pipeline = {
  removePolicy?: (policy: { name: string }) => unknown;
  addPolicy?: (policy: PipelinePolicy, options: { phase: 'Retry' }) => void;
};

/** The Azure client's retry policy replaced by ours (replyDeadline.ts). */
const boundedRetryPolicy: PipelinePolicy = {
  name: 'boundedRetryPolicy',
  sendRequest: (request, next) =>
    withinReplyDeadline((timeLeftMs) => {
      request.timeout = request.timeout > 0 ? Math.min(request.timeout, timeLeftMs) : timeLeftMs;
      return next(request);
    }, request.abortSignal),
};

/**
 * A connector client without the policies we never use, with the bounded retry instead of Azure's,
 * and its reply, send, update and delete calls made lean (leanReplies.ts).
 */
function tuned(client: ConnectorClient, serviceUrl: string): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  for (const name of [...UNUSED_POLICIES, 'defaultRetryPolicy']) pipeline?.removePolicy?.({ name });
  pipeline?.addPolicy?.(boundedRetryPolicy, { phase: 'Retry' });
  return withLeanReplies(client, serviceUrl);
}

/** The bot's app id a request was for, as the Bot Framework reads it from the token's claims. */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/**
 * CloudAdapter builds a new connector client (an HTTP pipeline and its policies) and a new user
 * token client for every turn, which costs more CPU than many of our turns' own work. The clients
 * hold no per-turn state — credentials fetch and refresh their tokens themselves — so one per
 * (app id, service URL, audience) serves every turn and proactive message. Everything else is the
 * wrapped authentication's.
 */
export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Recent<Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly userTokenClients = new Recent<Promise<UserTokenClient>>(MAX_CLIENTS);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusedFactory(appIdOf(claimsIdentity), this.inner.createConnectorFactory(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    return this.kept(this.userTokenClients, key, () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.reusedFactory(appIdOf(result.claimsIdentity), factory) } : result;
  }

  private reusedFactory(appId: string, factory: ConnectorFactory): ConnectorFactory {
    const kept = (key: string, make: () => Promise<ConnectorClient>) => this.kept(this.connectors, key, make);
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return kept(JSON.stringify([appId, serviceUrl, audience ?? '']), async () =>
          tuned(await factory.create(serviceUrl, audience), serviceUrl),
        );
      }
    })();
  }

  /** A client made once per key; one whose making failed is not kept, so the next turn tries again. */
  private kept<V>(clients: Recent<Promise<V>>, key: string, make: () => Promise<V>): Promise<V> {
    const client = clients.getOrAdd(key, make);
    client.catch(() => clients.forget(key));
    return client;
  }
}
