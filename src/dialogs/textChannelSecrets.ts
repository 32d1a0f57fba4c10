import type { TurnContext } from 'botbuilder';
import type { MessageKey } from '../language/messages';
import { pinPukOnTextChannel, type PinPukTextChannels } from '../domain/pinPukChannels';
import { say, turnInfo } from './turn';

/**
 * Whether a secret the citizen asked for (PIN/PUK, an unlock code) may be shown in this
 * conversation under PINPUK_TEXT_CHANNELS; when not, the citizen is told where to see it.
 */
export async function maySeeSecretsHere(
  context: TurnContext,
  setting: PinPukTextChannels,
  registeredPhone: string,
  refusals: { never: MessageKey; notRegisteredPhone: MessageKey },
): Promise<boolean> {
  const { reachesPhone, senderPhone } = turnInfo(context).profile;
  if (!reachesPhone) return true;
  const decision = pinPukOnTextChannel(setting, senderPhone, registeredPhone);
  if (decision.show) return true;
  await say(context, decision.reason === 'never' ? refusals.never : refusals.notRegisteredPhone);
  return false;
}
