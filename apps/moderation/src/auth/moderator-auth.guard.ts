import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@replyguard/platform';
import { createHash, timingSafeEqual } from 'node:crypto';
import { moderationConfig } from '../config/moderation.config';
import type { Actor } from './actor';
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
 * every request so that a revocation holds from the next one. Unmarked routes are public.
 */
@Injectable()
export class ModeratorAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly moderators: ModeratorsRepository,
    @Inject(moderationConfig.KEY) private readonly config: ConfigType<typeof moderationConfig>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<'moderator' | 'admin' | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown>; actor?: Actor }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S{1,512})$/i.exec(header) : null;
    if (!match) throw new DomainError('UNAUTHORIZED', 'a bearer token is required');
    const actor = await this.authenticate(match[1]);
    if (!actor) throw new DomainError('UNAUTHORIZED', 'the token is not valid');
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
