/** The source of "now" for every expiry rule; tests move a fake one instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
