import { type CanActivate, Inject, Injectable } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { DomainError } from '@replyguard/platform';
import { createHash, timingSafeEqual } from 'node:crypto';
import { webhooksConfig, type WebhooksConfig } from '../config/webhooks.config';

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/**
 * The administrator's bearer token (ADMIN_TOKEN), as on the moderation service's admin API: none
 * or a malformed header, 401; another token, 401. Without a configured token nobody gets in.
 * Moderators' tokens live in the moderation service and are not accepted here.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S{1,512})$/i.exec(header) : null;
    if (!match) throw new DomainError('UNAUTHORIZED', 'a bearer token is required');
    const admin = this.config.adminToken;
    if (!admin || !sameSecret(match[1], admin))
      throw new DomainError('UNAUTHORIZED', 'the token is not valid');
    return true;
  }
}
