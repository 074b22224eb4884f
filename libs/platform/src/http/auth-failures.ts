import type { FastifyReply } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { clientNetwork } from './client-network';
import { RateLimitStorage } from './rate-limit.storage';

const WINDOW_MS = 60_000;

/**
 * Failed authentications per client IP (an IPv6 client by its /64, `clientNetwork`). Past `perMinute` in a minute the client is blocked for a
 * minute, so that ADMIN_TOKEN and moderators' tokens cannot be guessed at the speed of the network:
 * a rate limit that counts per verified actor has none to count a failure against. Only tokens
 * presented and refused count; a request without any is no guess. Each instance counts on its own.
 */
export class AuthFailures {
  private readonly storage = new RateLimitStorage();

  constructor(private readonly perMinute: number) {}

  /** Seconds before the client may try again; 0 when it may now. */
  retryAfter(ip: string, now = Date.now()): number {
    return Math.ceil(this.storage.blockedFor(clientNetwork(ip), now) / 1000);
  }

  /** Counts a failed authentication; the seconds the client is now blocked for, 0 while under the limit. */
  record(ip: string, now = Date.now()): number {
    const hit = this.storage.hit(clientNetwork(ip), WINDOW_MS, this.perMinute, WINDOW_MS, now);
    return hit.isBlocked ? Math.max(1, hit.timeToBlockExpire) : 0;
  }

  close(): void {
    this.storage.onApplicationShutdown();
  }
}

/** 429 RATE_LIMITED with Retry-After when a client is blocked (`retryAfterSeconds` > 0). */
export function refuseIfBlocked(reply: FastifyReply, retryAfterSeconds: number): void {
  if (retryAfterSeconds <= 0) return;
  void reply.header('Retry-After', String(retryAfterSeconds));
  throw new DomainError(
    'RATE_LIMITED',
    `too many failed sign-ins from this address; retry after ${retryAfterSeconds} s`,
  );
}
