import { nextRetry, retryDelayMs, type RetryPolicy } from './retry-schedule';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const DEFAULT: RetryPolicy = {
  scheduleMs: [10 * S, 30 * S, M, 5 * M, 15 * M, H],
  retryForMs: 24 * H,
  jitter: 0.1,
};
const noJitter = { ...DEFAULT, jitter: 0 };
const start = new Date('2026-01-01T00:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);

/** Every attempt of a receiver that never answers 2xx: times from the first attempt, then the verdict. */
function simulate(policy: RetryPolicy, random = () => 0.5) {
  const attempts = [0];
  for (let failures = 1; ; failures++) {
    const at = later(attempts[attempts.length - 1]);
    const decision = nextRetry(policy, failures, start, at, random);
    if (decision.kind === 'dead') return { attempts, deadAfter: attempts[attempts.length - 1] };
    attempts.push(decision.at.getTime() - start.getTime());
  }
}

describe(retryDelayMs.name, () => {
  it('follows the schedule, then repeats its last step', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 30].map((n) => retryDelayMs(noJitter, n))).toEqual([
      10 * S,
      30 * S,
      M,
      5 * M,
      15 * M,
      H,
      H,
      H,
    ]);
  });

  it('adds at most ±10% jitter', () => {
    expect(retryDelayMs(DEFAULT, 1, () => 0)).toBe(9 * S);
    expect(retryDelayMs(DEFAULT, 1, () => 0.999999)).toBe(11 * S);
    for (let i = 0; i < 200; i++) {
      const d = retryDelayMs(DEFAULT, 6);
      expect(d).toBeGreaterThanOrEqual(0.9 * H);
      expect(d).toBeLessThanOrEqual(1.1 * H);
    }
  });
});

describe(nextRetry.name, () => {
  it('retries for at least 24 hours, hourly after the first 1 h 21 min, then gives up', () => {
    const { attempts, deadAfter } = simulate(noJitter);
    expect(attempts.slice(0, 8)).toEqual([
      0,
      10 * S,
      40 * S,
      100 * S,
      400 * S,
      1300 * S,
      1300 * S + H,
      1300 * S + 2 * H,
    ]);
    expect(deadAfter).toBeGreaterThanOrEqual(24 * H);
    expect(deadAfter).toBeLessThan(25 * H + 30 * M);
    // 1 attempt, 5 quick retries, then 24 hourly ones: the last at 24 h 21 min 40 s.
    expect(attempts).toHaveLength(30);
    expect(deadAfter).toBe(1300 * S + 24 * H);
  });

  it('still retries for at least 24 hours with the most unlucky jitter', () => {
    for (const random of [() => 0, () => 0.999999]) {
      const { deadAfter } = simulate(DEFAULT, random);
      expect(deadAfter).toBeGreaterThanOrEqual(24 * H);
      expect(deadAfter).toBeLessThan(25 * H + 30 * M);
    }
  });

  it('misses nothing for a receiver that is down for an hour', () => {
    const { attempts } = simulate(noJitter);
    const firstAfterOutage = attempts.find((t) => t >= H);
    expect(firstAfterOutage).toBe(1300 * S + H);
  });

  it('measures the window from the start of the cycle (a replay starts a new one)', () => {
    expect(nextRetry(noJitter, 30, later(30 * H), later(31 * H))).toEqual({
      kind: 'retry',
      at: later(32 * H),
    });
    expect(nextRetry(noJitter, 3, start, later(24 * H))).toEqual({ kind: 'dead' });
  });

  it('with a short test schedule, dead-letters within the configured window', () => {
    const { attempts, deadAfter } = simulate({ scheduleMs: [50, 100], retryForMs: 400, jitter: 0 });
    expect(attempts).toEqual([0, 50, 150, 250, 350, 450]);
    expect(deadAfter).toBe(450);
  });
});
