import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimitStorage } from './rate-limit.storage';

const MINUTE = 60_000;

describe(RateLimitStorage.name, () => {
  let storage: RateLimitStorage;

  beforeEach(() => {
    storage = new RateLimitStorage();
  });

  afterEach(() => storage.onApplicationShutdown());

  it('counts hits in a sliding window and blocks the one over the limit for the block duration', () => {
    const t0 = 1_000_000;
    const totals = [0, 1, 2].map((i) => storage.hit('k', MINUTE, 3, MINUTE, t0 + i).totalHits);
    expect(totals).toEqual([1, 2, 3]);
    const over = storage.hit('k', MINUTE, 3, MINUTE, t0 + 10);
    expect(over).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 60 });
    // Still blocked while the block lasts, and not counted.
    expect(storage.hit('k', MINUTE, 3, MINUTE, t0 + 30_000)).toMatchObject({
      totalHits: 4,
      isBlocked: true,
      timeToBlockExpire: 31,
    });
    // Once the block is over, the key starts afresh with this hit.
    expect(storage.hit('k', MINUTE, 3, MINUTE, t0 + 10 + MINUTE)).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('says how long a key stays blocked without counting a hit', () => {
    const t0 = 2_000_000;
    expect(storage.blockedFor('k', t0)).toBe(0);
    storage.hit('k', MINUTE, 1, MINUTE, t0);
    expect(storage.blockedFor('k', t0 + 1)).toBe(0);
    storage.hit('k', MINUTE, 1, MINUTE, t0 + 10);
    expect(storage.blockedFor('k', t0 + 10)).toBe(MINUTE);
    expect(storage.blockedFor('k', t0 + 30_010)).toBe(30_000);
    // Asking counted nothing: the block ends when it would have.
    expect(storage.blockedFor('k', t0 + 10 + MINUTE)).toBe(0);
  });

  it('lets hits older than the ttl drop out of the window', () => {
    const t0 = 5_000_000;
    storage.hit('k', 1000, 2, 1000, t0);
    storage.hit('k', 1000, 2, 1000, t0 + 500);
    expect(storage.hit('k', 1000, 2, 1000, t0 + 1000)).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(storage.hit('k', 1000, 2, 1000, t0 + 1600)).toMatchObject({ totalHits: 2, isBlocked: false });
  });

  it('keeps keys apart', () => {
    storage.hit('a', MINUTE, 1, MINUTE, 0);
    expect(storage.hit('a', MINUTE, 1, MINUTE, 1).isBlocked).toBe(true);
    expect(storage.hit('b', MINUTE, 1, MINUTE, 1).isBlocked).toBe(false);
  });

  it('without a block duration refuses hits over the limit without counting them', () => {
    storage.hit('k', 1000, 1, 0, 0);
    expect(storage.hit('k', 1000, 1, 0, 200)).toEqual({
      totalHits: 2,
      timeToExpire: 1,
      isBlocked: true,
      timeToBlockExpire: 1,
    });
    expect(storage.hit('k', 1000, 1, 0, 1000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('answers as @nestjs/throttler’s own storage does, hit for hit', async () => {
    const theirs = new ThrottlerStorageService();
    const now = jest.spyOn(Date, 'now');
    try {
      let t = 10_000_000;
      for (let i = 0; i < 400; i++) {
        t += (i * 37) % 450; // irregular gaps, some within and some beyond the 2 s window
        now.mockReturnValue(t);
        const key = `k${i % 3}`;
        const expected = await theirs.increment(key, 2000, 5, i % 2 ? 2000 : 1000, 'default');
        expect(await storage.increment(key, 2000, 5, i % 2 ? 2000 : 1000, 'default')).toEqual(expected);
      }
    } finally {
      now.mockRestore();
      theirs.onApplicationShutdown();
    }
  });

  it('forgets idle keys when it sweeps', () => {
    storage.hit('k', 1000, 5, 1000, 0);
    storage.sweep(500);
    expect(storage.size).toBe(1);
    storage.sweep(1000);
    expect(storage.size).toBe(0);
  });

  it('costs the same per hit however many hits the window holds', () => {
    const limit = 200_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < limit; i++) storage.hit('site', MINUTE, limit, MINUTE, 1_000 + i / 10);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // The filter-every-hit storage takes minutes for this; a constant cost takes well under a second.
    expect(ms).toBeLessThan(2_000);
  });
});
