import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';

/**
 * The throttler guard, answering 429 with a standard `Retry-After` (seconds) and a message that
 * says which limit was hit, whatever the throttler's name.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    void context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(seconds));
    throw new ThrottlerException(`rate limit of ${detail.limit} requests reached; retry after ${seconds} s`);
  }
}
