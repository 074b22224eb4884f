import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

/**
 * 415 UNSUPPORTED_MEDIA_TYPE unless the body is declared `application/json`. The Fastify adapter
 * parses form and text bodies on every route, and those are what a page of another site can make a
 * browser send without asking (no CORS preflight): a route that must only be called by pages allowed
 * to, such as reader reports, takes JSON only.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const declared = context.switchToHttp().getRequest<FastifyRequest>().headers['content-type'];
    const mediaType = declared?.split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'the body must be application/json', {
        contentType: declared ?? null,
      });
    }
    return true;
  }
}
