import { EventEmitter } from 'node:events';
import type { Clock } from '../lib/clock';
import {
  STREAM_MAX_ACTIVITIES,
  STREAM_MAX_BYTES,
  STREAM_TTL_MS,
  type ActivityStreams,
  type StreamedActivity,
  type StreamedConversation,
  type StreamRead,
} from '../channels/activityStreams';

type Entry = { watermark: number; json: string; id: string; bytes: number };
type Stream = { conversation: StreamedConversation; entries: Entry[]; last: number; expiresAt: number; bytes: number };

/** The embedded default's streams: one process, in memory, expiring by the injected clock. */
export class MemoryActivityStreams implements ActivityStreams {
  private readonly streams = new Map<string, Stream>();
  private readonly changes = new EventEmitter();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly clock: Clock) {
    this.changes.setMaxListeners(0);
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async create(conversationId: string, conversation: StreamedConversation): Promise<boolean> {
    if (this.live(conversationId)) return false;
    this.streams.set(conversationId, { conversation, entries: [], last: 0, expiresAt: this.expiry(), bytes: 0 });
    return true;
  }

  async conversation(conversationId: string): Promise<StreamedConversation | undefined> {
    return this.live(conversationId)?.conversation;
  }

  async append(conversationId: string, activity: StreamedActivity): Promise<number> {
    const stream = this.live(conversationId);
    if (!stream) throw new Error('no such conversation stream');
    return this.push(conversationId, stream, activity);
  }

  async replace(conversationId: string, activity: StreamedActivity): Promise<boolean> {
    const stream = this.live(conversationId);
    const at = stream?.entries.findIndex((entry) => entry.id === activity.id) ?? -1;
    if (!stream || at < 0) return false;
    const [previous] = stream.entries.splice(at, 1);
    stream.bytes -= previous!.bytes;
    this.push(conversationId, stream, activity);
    return true;
  }

  async read(conversationId: string, watermark: number): Promise<StreamRead> {
    const stream = this.live(conversationId);
    if (!stream) return { activities: [], watermark };
    const after = stream.entries.filter((entry) => entry.watermark > watermark);
    return { activities: after.map((entry) => JSON.parse(entry.json) as StreamedActivity), watermark: Math.max(watermark, stream.last) };
  }

  async subscribe(conversationId: string, listener: () => void): Promise<() => Promise<void>> {
    this.changes.on(conversationId, listener);
    return async () => {
      this.changes.off(conversationId, listener);
    };
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.changes.removeAllListeners();
  }

  private push(conversationId: string, stream: Stream, activity: StreamedActivity): number {
    stream.last += 1;
    const json = JSON.stringify(activity);
    const bytes = Buffer.byteLength(json);
    stream.entries.push({ watermark: stream.last, json, id: activity.id, bytes });
    stream.bytes += bytes;
    while (stream.entries.length > STREAM_MAX_ACTIVITIES || (stream.bytes > STREAM_MAX_BYTES && stream.entries.length > 1)) {
      stream.bytes -= stream.entries.shift()!.bytes;
    }
    stream.expiresAt = this.expiry();
    this.changes.emit(conversationId);
    return stream.last;
  }

  private live(conversationId: string): Stream | undefined {
    const stream = this.streams.get(conversationId);
    if (stream && stream.expiresAt <= this.clock.now().getTime()) {
      this.streams.delete(conversationId);
      return undefined;
    }
    return stream;
  }

  private expiry(): number {
    return this.clock.now().getTime() + STREAM_TTL_MS;
  }

  private sweep(): void {
    for (const id of [...this.streams.keys()]) this.live(id);
  }
}
