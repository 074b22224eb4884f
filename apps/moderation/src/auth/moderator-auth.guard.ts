import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { DomainError, refuseIfBlocked } from '@replyguard/platform';
import type { FastifyReply } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { moderationConfig } from '../config/moderation.config';
import type { Actor } from './actor';
import { AuthFailures } from './auth-failures';
import { REQUIRED_ROLE } from './auth.decorators';
import { ModeratorsRepository } from './moderators.repository';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/**
 * Authenticates routes marked `@ModeratorOnly()` or `@AdminOnly()` by their bearer token: the
 * configured admin token, or a moderator's token (stored only as a hash) that is not revoked, looked up on
 * every request so that a revocation holds from the next one. Unmarked routes are public. Tokens that
 * do not verify count against their client IP (`AuthFailures`): past the limit, 429 instead of 401.
 */
@Injectable()
export class ModeratorAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly moderators: ModeratorsRepository,
    private readonly failures: AuthFailures,
    @Inject(moderationConfig.KEY) private readonly config: ConfigType<typeof moderationConfig>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<'moderator' | 'admin' | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required) return true;
    const http = context.switchToHttp();
    // What a token shows (queues, authors' names, personal-data exports) is kept by no cache on the way.
    http.getResponse<FastifyReply>().header('cache-control', 'no-store');
    const request = http.getRequest<{ headers: Record<string, unknown>; ip: string; actor?: Actor }>();
    const header = request.headers.authorization;
    if (header === undefined) throw new DomainError('UNAUTHORIZED', 'a bearer token is required');
    // A client that failed too often is not answered whether its next guess is right.
    refuseIfBlocked(http.getResponse<FastifyReply>(), this.failures.retryAfter(request.ip));
    const match = typeof header === 'string' ? /^Bearer\s+(\S{1,512})$/i.exec(header) : null;
    const actor = match ? await this.authenticate(match[1]) : null;
    if (!actor) {
      refuseIfBlocked(http.getResponse<FastifyReply>(), this.failures.record(request.ip));
      throw new DomainError('UNAUTHORIZED', match ? 'the token is not valid' : 'a bearer token is required');
    }
    if (required === 'admin' && actor.role !== 'admin') {
      throw new DomainError('FORBIDDEN', 'this needs an administrator');
    }
    request.actor = actor;
    return true;
  }

  private async authenticate(token: string): Promise<Actor | null> {
    const admin = this.config.adminToken;
    if (admin && sameSecret(token, admin))
      return { id: 'admin', name: 'Administrator', role: 'admin', sites: [] };
    return this.moderators.findByTokenHash(hashToken(token));
  }
}
