import { type CanActivate, Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AuthFailures, DomainError, refuseIfBlocked } from '@replyguard/platform';
import type { FastifyReply } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { webhooksConfig, type WebhooksConfig } from '../config/webhooks.config';

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/** Documents the 429 `AdminTokenGuard` answers an address that failed too many tokens. */
export const ApiAdminTokenLimited = (): ClassDecorator & MethodDecorator =>
  ApiTooManyRequestsResponse({
    description:
      'RATE_LIMITED: this client IP sent more than WEBHOOK_AUTH_FAILURES_PER_MIN administrator tokens that failed ' +
      'within a minute; Retry-After says when to try again',
  });

/**
 * The administrator's bearer token (ADMIN_TOKEN), as on the moderation service's admin API: none
 * or a malformed header, 401; another token, 401. Without a configured token nobody gets in.
 * Moderators' tokens live in the moderation service and are not accepted here. Tokens that fail
 * count against the client IP (WEBHOOK_AUTH_FAILURES_PER_MIN): past it, 429 for a minute, whatever
 * the next guess, so the token cannot be guessed at the speed of the network.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate, OnApplicationShutdown {
  private readonly failures: AuthFailures;

  constructor(@Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig) {
    this.failures = new AuthFailures(config.authFailuresPerMinute);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    // What the admin token shows (subscriptions, deliveries) is kept by no cache on the way.
    http.getResponse<FastifyReply>().header('cache-control', 'no-store');
    const request = http.getRequest<{ headers: Record<string, unknown>; ip: string }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S{1,512})$/i.exec(header) : null;
    if (!match) throw new DomainError('UNAUTHORIZED', 'a bearer token is required');
    refuseIfBlocked(http.getResponse<FastifyReply>(), this.failures.retryAfter(request.ip));
    const admin = this.config.adminToken;
    if (!admin || !sameSecret(match[1], admin)) {
      refuseIfBlocked(http.getResponse<FastifyReply>(), this.failures.record(request.ip));
      throw new DomainError('UNAUTHORIZED', 'the token is not valid');
    }
    return true;
  }

  onApplicationShutdown(): void {
    this.failures.close();
  }
}
