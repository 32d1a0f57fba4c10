import { agentActor, type Agent } from './agents';
import type { AuditLog } from './audit';
import type { Clock } from '../lib/clock';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { RandomSource } from '../lib/random';
import type { Locale } from '../language/locale';

/** How long a citizen waits in the queue before the request lapses. */
export const REQUEST_TTL_MS = 30 * 60_000;
/** How long a connected hand-off lasts without a message from either side. */
export const CONNECTION_IDLE_MS = 30 * 60_000;
/** More waiting citizens than this are given the call-center number instead. */
export const MAX_QUEUE_LENGTH = 500;
const MAX_QUEUE_WRITES = 50;
/** The wait is estimated from the pace of the last takes: at most this many, within this window. */
const RECENT_TAKES = 10;
const RECENT_TAKES_WINDOW_MS = 60 * 60_000;
/** Minutes per citizen ahead when too few requests were taken lately to measure the pace. */
export const DEFAULT_MINUTES_PER_REQUEST = 5;

/**
 * One side of a hand-off: the conversation (its key and its reference, opaque here: the channel
 * layer makes and reads it) and the language that side is written to in.
 */
export type HandOffParty = { conversationKey: string; reference: unknown; locale: Locale; channel: string };

/** A citizen and an agent connected: what either side's messages are relayed by. */
export type Connection = {
  id: string;
  requestId: string;
  citizen: HandOffParty;
  agent: HandOffParty & { agentId: string };
  at: number;
};

export type Side = 'citizen' | 'agent';

export type HandOffState =
  | { state: 'none' }
  | { state: 'queued'; position: number; waitMinutes: number }
  | { state: 'connected'; side: Side; connection: Connection };

export type RequestOutcome = { result: 'queued'; position: number; waitMinutes: number } | { result: 'connected' } | { result: 'full' };

export type WaitingRequest = { id: string; channel: string; locale: Locale; waitingMs: number };

export type TakeOutcome = { result: 'taken'; connection: Connection } | { result: 'gone' } | { result: 'busy' };

type StoredRequest = { id: string; citizen: HandOffParty; at: number };
type QueueEntry = { id: string; at: number };
type Queue = { eTag: string; entries: QueueEntry[] };
type Link = { state: 'queued'; requestId: string } | { state: 'connected'; connectionId: string; side: Side };

const QUEUE_KEY = 'handoff:queue';
const TAKES_KEY = 'handoff:takes';

/**
 * The hand-off queue and its connections, in the short-lived store (Redis with REDIS_URL, so every
 * instance sees the same queue). The queue is one versioned record changed only by compare-and-set,
 * so two agents taking the same request cannot both win. Nothing a citizen typed is kept here: only
 * where each conversation is and in which language.
 */
export class HandOffService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  /** Puts the citizen's conversation in the queue, or says where it already is. */
  async request(citizen: HandOffParty): Promise<RequestOutcome> {
    const current = await this.stateOf(citizen.conversationKey);
    if (current.state === 'queued') return { result: 'queued', position: current.position, waitMinutes: current.waitMinutes };
    if (current.state === 'connected') return { result: 'connected' };

    const id = this.newId();
    const at = this.clock.now().getTime();
    await this.store.set(this.requestKey(id), { id, citizen, at } satisfies StoredRequest, REQUEST_TTL_MS);
    // The link comes first: an agent may take the request the moment it is in the queue.
    await this.store.set(this.linkKey(citizen.conversationKey), { state: 'queued', requestId: id } satisfies Link, REQUEST_TTL_MS);
    const added = await this.changeQueue((entries) => (entries.length >= MAX_QUEUE_LENGTH ? undefined : [...entries, { id, at }]));
    if (!added) {
      await this.store.delete(this.linkKey(citizen.conversationKey));
      await this.store.delete(this.requestKey(id));
      return { result: 'full' };
    }
    const position = (await this.positionOf(id)) ?? 1;
    return { result: 'queued', position, waitMinutes: await this.estimatedWaitMinutes(position) };
  }

  /** Whether the conversation waits in the queue, is connected (and on which side), or neither. */
  async stateOf(conversationKey: string): Promise<HandOffState> {
    const link = await this.store.get<Link>(this.linkKey(conversationKey));
    if (!link) return { state: 'none' };
    if (link.state === 'queued') {
      const request = await this.store.get<StoredRequest>(this.requestKey(link.requestId));
      if (!request || request.at <= this.clock.now().getTime() - REQUEST_TTL_MS) return { state: 'none' };
      // Not in the queue but still there: an agent is taking it this very moment.
      const position = (await this.positionOf(link.requestId)) ?? 1;
      return { state: 'queued', position, waitMinutes: await this.estimatedWaitMinutes(position) };
    }
    const connection = await this.store.get<Connection>(this.connectionKey(link.connectionId));
    return connection ? { state: 'connected', side: link.side, connection } : { state: 'none' };
  }

  /** The citizen leaves the queue; false when the conversation was not waiting. */
  async leave(conversationKey: string): Promise<boolean> {
    const link = await this.store.get<Link>(this.linkKey(conversationKey));
    if (link?.state !== 'queued') return false;
    const removed = await this.changeQueue((entries) => withoutEntry(entries, link.requestId));
    await this.store.delete(this.requestKey(link.requestId));
    await this.store.delete(this.linkKey(conversationKey));
    return removed;
  }

  /** The requests waiting, longest-waiting first. */
  async waiting(): Promise<WaitingRequest[]> {
    const queue = await this.store.get<Queue>(QUEUE_KEY);
    const requests = await Promise.all(
      this.live(queue?.entries ?? []).map((entry) => this.store.get<StoredRequest>(this.requestKey(entry.id))),
    );
    const now = this.clock.now().getTime();
    return requests
      .filter((request): request is StoredRequest => request !== undefined)
      .map((request) => ({
        id: request.id,
        channel: request.citizen.channel,
        locale: request.citizen.locale,
        waitingMs: now - request.at,
      }));
  }

  /**
   * The agent takes a request: it leaves the queue by compare-and-set, so of two agents taking it at
   * once exactly one wins. An agent already connected takes no second citizen.
   */
  async take(requestId: string, agent: Agent, agentSide: HandOffParty): Promise<TakeOutcome> {
    if ((await this.stateOf(agentSide.conversationKey)).state === 'connected') return { result: 'busy' };
    if (!(await this.changeQueue((entries) => withoutEntry(entries, requestId)))) return { result: 'gone' };
    const request = await this.store.get<StoredRequest>(this.requestKey(requestId));
    if (!request) return { result: 'gone' };
    await this.store.delete(this.requestKey(requestId));

    const now = this.clock.now().getTime();
    const connection: Connection = {
      id: this.newId(),
      requestId,
      citizen: request.citizen,
      agent: { ...agentSide, agentId: agent.id },
      at: now,
    };
    await this.save(connection);
    await this.rememberTake(now);
    await this.audit.record({
      actor: agentActor(agent),
      action: 'handoff.taken',
      channel: agentSide.channel,
      details: { request: requestId, citizenChannel: request.citizen.channel, waitedSeconds: Math.round((now - request.at) / 1000) },
    });
    return { result: 'taken', connection };
  }

  /** A message went through: the connection lives on for another idle period. */
  async touch(connection: Connection): Promise<void> {
    await this.save(connection);
  }

  /** Ends the connection once, whoever asks first; false when it had already ended. */
  async end(connection: Connection, by: Side): Promise<boolean> {
    if (!(await this.store.deleteIfEquals(this.connectionKey(connection.id), connection))) return false;
    await this.store.deleteIfEquals(this.linkKey(connection.citizen.conversationKey), this.linkOf(connection, 'citizen'));
    await this.store.deleteIfEquals(this.linkKey(connection.agent.conversationKey), this.linkOf(connection, 'agent'));
    await this.audit.record({
      actor: by === 'agent' ? `agent:${connection.agent.agentId}` : 'citizen',
      action: 'handoff.ended',
      channel: by === 'agent' ? connection.agent.channel : connection.citizen.channel,
      details: { request: connection.requestId, agent: connection.agent.agentId, endedBy: by },
    });
    return true;
  }

  private async save(connection: Connection): Promise<void> {
    await this.store.set(this.connectionKey(connection.id), connection, CONNECTION_IDLE_MS);
    await this.store.set(this.linkKey(connection.citizen.conversationKey), this.linkOf(connection, 'citizen'), CONNECTION_IDLE_MS);
    await this.store.set(this.linkKey(connection.agent.conversationKey), this.linkOf(connection, 'agent'), CONNECTION_IDLE_MS);
  }

  private linkOf(connection: Connection, side: Side): Link {
    return { state: 'connected', connectionId: connection.id, side };
  }

  /**
   * The minutes a citizen at `position` may wait: the position times the pace at which agents took
   * requests lately (the mean gap between the last takes of the past hour, all agents together, so
   * more agents mean a faster pace), or DEFAULT_MINUTES_PER_REQUEST while fewer than three takes
   * show a pace. Rounded up to a whole minute, at least one.
   */
  async estimatedWaitMinutes(position: number): Promise<number> {
    const takes = this.recent((await this.store.get<number[]>(TAKES_KEY)) ?? []);
    const minutesPerRequest =
      takes.length >= 3 ? (takes[takes.length - 1]! - takes[0]!) / (takes.length - 1) / 60_000 : DEFAULT_MINUTES_PER_REQUEST;
    return Math.max(1, Math.ceil(position * minutesPerRequest));
  }

  /** Keeps the time of a take for the estimate; a take lost to a concurrent write only makes it a little coarser. */
  private async rememberTake(at: number): Promise<void> {
    const takes = [...this.recent((await this.store.get<number[]>(TAKES_KEY)) ?? []), at].slice(-RECENT_TAKES);
    await this.store.set(TAKES_KEY, takes, RECENT_TAKES_WINDOW_MS);
  }

  private recent(takes: number[]): number[] {
    const oldest = this.clock.now().getTime() - RECENT_TAKES_WINDOW_MS;
    return takes.filter((at) => at > oldest);
  }

  private async positionOf(requestId: string): Promise<number | undefined> {
    const queue = await this.store.get<Queue>(QUEUE_KEY);
    const index = this.live(queue?.entries ?? []).findIndex((entry) => entry.id === requestId);
    return index < 0 ? undefined : index + 1;
  }

  /**
   * Changes the queue by compare-and-set, again on a conflict; `change` returns undefined when there
   * is nothing to change (the request is no longer there, the queue is full). True when written.
   */
  private async changeQueue(change: (entries: QueueEntry[]) => QueueEntry[] | undefined): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_QUEUE_WRITES; attempt++) {
      const current = await this.store.get<Queue>(QUEUE_KEY);
      const entries = change(this.live(current?.entries ?? []));
      if (!entries) return false;
      const next: Queue = { eTag: this.newId(), entries };
      const written = current
        ? await this.store.setIfETag(QUEUE_KEY, next, current.eTag, REQUEST_TTL_MS)
        : await this.store.setIfAbsent(QUEUE_KEY, next, REQUEST_TTL_MS);
      if (written) return true;
    }
    throw new Error('the hand-off queue stayed busy');
  }

  /** Entries younger than the request lifetime; older ones have lapsed. */
  private live(entries: QueueEntry[]): QueueEntry[] {
    const oldest = this.clock.now().getTime() - REQUEST_TTL_MS;
    return entries.filter((entry) => entry.at > oldest);
  }

  private newId(): string {
    return this.random.bytes(12).toString('base64url');
  }

  private requestKey(id: string): string {
    return `handoff:request:${id}`;
  }

  private connectionKey(id: string): string {
    return `handoff:connection:${id}`;
  }

  private linkKey(conversationKey: string): string {
    return `handoff:conversation:${conversationKey}`;
  }
}

function withoutEntry(entries: QueueEntry[], id: string): QueueEntry[] | undefined {
  return entries.some((entry) => entry.id === id) ? entries.filter((entry) => entry.id !== id) : undefined;
}
