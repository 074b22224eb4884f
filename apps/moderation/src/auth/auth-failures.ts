import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { RateLimitStorage } from '@replyguard/platform';
import { moderationConfig } from '../config/moderation.config';

const WINDOW_MS = 60_000;

/**
 * Failed authentications per client IP. Past `authFailuresPerMinute` in a minute the client is
 * blocked for a minute, so that ADMIN_TOKEN and moderators' tokens cannot be guessed at the speed of
 * the network: the rate limit proper counts per verified actor, and a failure has none. Only tokens
 * presented and refused count; a request without any is no guess. Each instance counts on its own.
 */
@Injectable()
export class AuthFailures implements OnApplicationShutdown {
  private readonly storage = new RateLimitStorage();

  constructor(@Inject(moderationConfig.KEY) private readonly config: ConfigType<typeof moderationConfig>) {}

  /** Seconds before the client may try again; 0 when it may now. */
  retryAfter(ip: string, now = Date.now()): number {
    return Math.ceil(this.storage.blockedFor(ip, now) / 1000);
  }

  /** Counts a failed authentication; the seconds the client is now blocked for, 0 while under the limit. */
  record(ip: string, now = Date.now()): number {
    const hit = this.storage.hit(ip, WINDOW_MS, this.config.authFailuresPerMinute, WINDOW_MS, now);
    return hit.isBlocked ? Math.max(1, hit.timeToBlockExpire) : 0;
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }
}
