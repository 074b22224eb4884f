/** The dispatcher's idea of now; tests pass their own so retries need not wait real minutes. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('webhooks.clock');

export const systemClock: Clock = { now: () => new Date() };
