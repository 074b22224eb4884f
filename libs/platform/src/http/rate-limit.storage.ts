import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

/** What `ThrottlerStorage.increment` answers (the guard's view of one key). */
export interface RateLimitRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * Hit expiry times of one key, oldest first. A key always has the same ttl (the guard's key names
 * the throttler and the route), so expiries arrive in order and expired ones are only ever at the
 * head: dropping them is amortised O(1), where @nestjs/throttler's own storage filters the whole
 * list on every hit (O(limit) per request, which a per-site limit of thousands a minute makes the
 * largest cost of a submission).
 */
class HitLog {
  private expiries: number[] = [];
  private head = 0;
  /** End of the fixed window the `X-RateLimit-Reset` header counts down to. */
  windowEndsAt = 0;
  isBlocked = false;
  blockEndsAt = 0;

  get count(): number {
    return this.expiries.length - this.head;
  }

  /** Expiry of the oldest live hit; undefined when there is none. */
  oldest(): number | undefined {
    return this.head < this.expiries.length ? this.expiries[this.head] : undefined;
  }

  push(expiresAt: number): void {
    this.expiries.push(expiresAt);
  }

  prune(now: number): void {
    const e = this.expiries;
    let h = this.head;
    while (h < e.length && e[h] <= now) h += 1;
    if (h === e.length) {
      this.expiries = [];
      this.head = 0;
    } else if (h > 1024 && h * 2 > e.length) {
      this.expiries = e.slice(h);
      this.head = 0;
    } else {
      this.head = h;
    }
  }

  clear(): void {
    this.expiries = [];
    this.head = 0;
  }
}

/**
 * In-memory rate-limit storage with the semantics of @nestjs/throttler's default one (a sliding
 * window of `ttl` per key; over `limit`, the key is blocked for `blockDuration`, then starts
 * afresh), at a constant cost per hit. Each application instance counts on its own.
 */
export class RateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logs = new Map<string, HitLog>();
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly sweepIntervalMs = 60_000) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName: string,
  ): Promise<RateLimitRecord> {
    return Promise.resolve(this.hit(key, ttl, limit, blockDuration, Date.now()));
  }

  /** `increment` at a given time (synchronous; for the guard and for tests). */
  hit(key: string, ttl: number, limit: number, blockDuration: number, now: number): RateLimitRecord {
    this.sweeper ??= setInterval(() => this.sweep(Date.now()), this.sweepIntervalMs).unref();
    let log = this.logs.get(key);
    if (!log) {
      log = new HitLog();
      log.windowEndsAt = now + ttl;
      this.logs.set(key, log);
    }
    log.prune(now);
    let timeToExpire = Math.ceil((log.windowEndsAt - now) / 1000);
    if (timeToExpire <= 0) {
      log.windowEndsAt = now + ttl;
      timeToExpire = Math.ceil(ttl / 1000);
    }
    if (blockDuration <= 0) {
      // No blocking: hits over the limit are refused but not counted.
      const isBlocked = log.count >= limit;
      if (!isBlocked) log.push(now + ttl);
      return {
        totalHits: log.count + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? Math.ceil(((log.oldest() ?? now) - now) / 1000) : 0,
      };
    }
    if (!log.isBlocked) log.push(now + ttl);
    if (log.count > limit && !log.isBlocked) {
      log.isBlocked = true;
      log.blockEndsAt = now + blockDuration;
    }
    const timeToBlockExpire = Math.ceil((log.blockEndsAt - now) / 1000);
    if (timeToBlockExpire <= 0 && log.isBlocked) {
      log.isBlocked = false;
      log.clear();
      log.push(now + ttl);
    }
    return { totalHits: log.count, timeToExpire, isBlocked: log.isBlocked, timeToBlockExpire };
  }

  /** Milliseconds `key` stays blocked after `now` (0: it is not blocked), counting no hit. */
  blockedFor(key: string, now: number): number {
    const log = this.logs.get(key);
    return log?.isBlocked && log.blockEndsAt > now ? log.blockEndsAt - now : 0;
  }

  /** Forgets keys with no live hits and no block (run every `sweepIntervalMs`). */
  sweep(now: number): void {
    for (const [key, log] of this.logs) {
      if (log.isBlocked && log.blockEndsAt > now) continue;
      if (log.windowEndsAt > now) continue;
      log.prune(now);
      if (log.count === 0) this.logs.delete(key);
    }
  }

  /** Keys currently held (for tests). */
  get size(): number {
    return this.logs.size;
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.logs.clear();
  }
}
