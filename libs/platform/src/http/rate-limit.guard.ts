import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';

/**
 * The throttler guard, answering 429 with a standard `Retry-After` (seconds) and a message that
 * says which limit was hit, whatever the throttler's name. Pair it with `RateLimitStorage`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /**
   * The storage key as is: the default hashes it with SHA-256 on every request, which buys nothing
   * for an in-memory map whose keys never leave the process.
   */
  protected override generateKey(context: ExecutionContext, suffix: string, name: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${name}-${suffix}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    void context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(seconds));
    throw new ThrottlerException(`rate limit of ${detail.limit} requests reached; retry after ${seconds} s`);
  }
}

// The guard's storage, exported beside it (the library's entry point re-exports this file).
export { RateLimitStorage, type RateLimitRecord } from './rate-limit.storage';
