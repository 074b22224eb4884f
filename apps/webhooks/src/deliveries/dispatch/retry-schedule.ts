export interface RetryPolicy {
  /** Delay before the 1st, 2nd, … retry; the last one repeats. */
  scheduleMs: number[];
  /** A failure this long (or longer) after the first attempt of the cycle is final. */
  retryForMs: number;
  /** ± fraction of each delay drawn at random, so receivers coming back are not hit in lockstep. */
  jitter: number;
}

export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'dead' };

/**
 * After a failed attempt: when to try again, or give up. `failedAttempts` counts the failures of
 * this cycle (1 after the first failure); `cycleStartedAt` is the first attempt of the cycle (the
 * delivery's creation, or its last replay).
 */
export function nextRetry(
  policy: RetryPolicy,
  failedAttempts: number,
  cycleStartedAt: Date,
  now: Date,
  random: () => number = Math.random,
): RetryDecision {
  if (now.getTime() - cycleStartedAt.getTime() >= policy.retryForMs) return { kind: 'dead' };
  const delay = retryDelayMs(policy, failedAttempts, random);
  return { kind: 'retry', at: new Date(now.getTime() + delay) };
}

/** The delay after the n-th failure (n ≥ 1), with jitter. */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const schedule = policy.scheduleMs;
  const base = schedule[Math.min(Math.max(failedAttempts, 1), schedule.length) - 1];
  const factor = 1 + policy.jitter * (2 * random() - 1);
  return Math.max(1, Math.round(base * factor));
}
