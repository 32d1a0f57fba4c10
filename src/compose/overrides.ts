import type { BotFrameworkAuthentication } from '../channels/botFrameworkAdapter';
import type { Timers } from '../channels/secretMessages';
import type { SmsSender } from '../domain/sms';
import type { Mailer } from '../domain/notifications';
import type { SecurityWordHasher } from '../domain/securityWords';
import type { Clock } from '../lib/clock';
import type { RandomSource } from '../lib/random';
import type { Logger } from '../logger';

/** What tests may replace; production uses the defaults. */
export type AppOverrides = {
  clock?: Clock;
  random?: RandomSource;
  hasher?: SecurityWordHasher;
  logger?: Logger;
  mailer?: Mailer;
  sms?: SmsSender;
  /** Schedules the replacement of messages with secrets 60 s after they were shown. */
  timers?: Timers;
  /** How often open Direct Line streams are pinged and their tokens checked again (default 30 s). */
  directLineHeartbeatMs?: number;
  /**
   * Where this deployment's keys live in Redis (default `eimza:`): suites sharing one Redis server
   * keep their counters (per phone, per source) apart, as separate deployments would.
   */
  redisKeyPrefix?: string;
  /** The seed CLI imports its own file instead of the demo citizens. */
  skipDemoSeed?: boolean;
  /**
   * How Bot Framework tokens are checked and the bot's replies signed: tests publish their own
   * signing keys on 127.0.0.1 and sign replies without the Microsoft login service.
   */
  botFrameworkAuthentication?: BotFrameworkAuthentication;
};
