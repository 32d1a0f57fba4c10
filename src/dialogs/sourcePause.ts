import type { TurnContext } from 'botbuilder';
import type { RateLimits } from '../services/rateLimits';
import { say, turnInfo } from './turn';

/**
 * Whether the turn's source (its client address, phone or Teams user) is paused after too many
 * failed checks across its conversations: then it gets no new human check and no login try. It is
 * told once per pause, so a script opening a conversation per try gets one answer, not one each.
 */
export async function sourceIsPaused(context: TurnContext, rateLimits: RateLimits): Promise<boolean> {
  const pause = await rateLimits.sourcePause(turnInfo(context).source);
  if (!pause) return false;
  if (pause.tell) await say(context, 'global.sourcePaused', { minutes: Math.ceil(pause.retryAfterMs / 60_000) });
  return true;
}
