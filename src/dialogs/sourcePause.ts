import type { TurnContext } from 'botbuilder';
import type { RateLimits } from '../domain/rateLimits';
import { say, turnInfo } from './turn';

/**
 * Whether the turn's source (its client address, phone or Teams user) is paused after too many
 * failed checks across its conversations: then it gets no new human check and no login try. Each
 * conversation is told once per pause (a reload or a colleague on the same address hears why).
 */
export async function sourceIsPaused(context: TurnContext, rateLimits: RateLimits): Promise<boolean> {
  const { source, rateSubject } = turnInfo(context);
  const pause = await rateLimits.sourcePause(source, rateSubject);
  if (!pause) return false;
  if (pause.tell) await say(context, 'global.sourcePaused', { minutes: Math.ceil(pause.retryAfterMs / 60_000) });
  return true;
}
