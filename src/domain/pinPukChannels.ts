/**
 * PINPUK_TEXT_CHANNELS (SPEC §1.8): whether PIN and PUK may be shown over SMS and WhatsApp, where a
 * message cannot be hidden afterwards and may be read by whoever holds the phone.
 * - `registered-phone`: only when the message comes from the citizen's registered phone;
 * - `never`: never; the citizen sees them in the web chat or Teams;
 * - `always`: whenever the login (security word and SMS code) succeeded.
 */
export type PinPukTextChannels = 'registered-phone' | 'never' | 'always';

export type PinPukTextDecision = { show: true } | { show: false; reason: 'never' | 'not-registered-phone' };

/** The rule for a text channel; `senderPhone` is the number the channel vouches for, if any. */
export function pinPukOnTextChannel(
  setting: PinPukTextChannels,
  senderPhone: string | undefined,
  registeredPhone: string,
): PinPukTextDecision {
  if (setting === 'always') return { show: true };
  if (setting === 'never') return { show: false, reason: 'never' };
  return senderPhone !== undefined && digitsOf(senderPhone) === digitsOf(registeredPhone)
    ? { show: true }
    : { show: false, reason: 'not-registered-phone' };
}

function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '');
}
