import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiConsumes } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest, preParsingHookHandler } from 'fastify';
import { DomainError } from '../errors/domain-error';

/** What a route reads as its body, where Fastify reads it: before Nest's pipeline. */
export interface RouteBodyOptions {
  /** The content types the route reads (a 415 names them, as does the OpenAPI document); JSON when not said. */
  consumes?: string[];
  /** The route's own body limit, for one whose valid bodies can be larger than the service's. */
  limitBytes?: number;
}

/** The key of RouteBodyOptions in a Fastify route's `config`. */
const ROUTE_BODY = 'replyguardBody';

/** The content types a route reads when it does not say. */
export const DEFAULT_CONSUMES: readonly string[] = ['application/json'];

/**
 * Declares what a route reads as its body. One decorator for both settings: Nest keeps a single
 * Fastify route config per handler, so two `@RouteConfig`s would drop one another.
 */
export function RouteBody(options: RouteBodyOptions): MethodDecorator {
  return applyDecorators(
    RouteConfig({ [ROUTE_BODY]: options }),
    ...(options.consumes ? [ApiConsumes(...options.consumes)] : []),
  );
}

/** The options a route was declared with (in its Fastify config), for hooks and filters. */
export function routeBodyOf(config: unknown): RouteBodyOptions | undefined {
  const value = (config as Record<string, unknown> | null | undefined)?.[ROUTE_BODY];
  return typeof value === 'object' && value !== null ? value : undefined;
}

/** The content types the route that took this request reads. */
export function consumesOf(request: FastifyRequest | undefined): readonly string[] {
  return routeBodyOf(request?.routeOptions?.config)?.consumes ?? DEFAULT_CONSUMES;
}

/** The error Fastify raises for a body it has no parser for; the error filter answers it (415). */
function unsupportedMediaTypeError(): Error {
  return Object.assign(new Error('Unsupported Media Type'), {
    statusCode: 415,
    code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  });
}

/** A body in a content coding (gzip, br, …): the routes read bodies as sent, uncompressed. */
function unsupportedEncodingError(encoding: string, consumes: ReadonlySet<string>): DomainError {
  return new DomainError(
    'UNSUPPORTED_MEDIA_TYPE',
    `content-encoding ${encoding.slice(0, 40)} is not accepted here; send the body uncompressed`,
    { expected: [...consumes], contentEncoding: ['identity'] },
  );
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Gives each route declared with a `limitBytes` that body limit (Fastify reads a route's own limit
 * before its parser's), and makes each route read only the content types it declares (JSON when it
 * does not say): the services parse JSON and forms, and without this a JSON route took a form body
 * (which a browser may send across sites without asking first) and the WordPress form route JSON. A
 * body of another type is refused before it is parsed, with the 415 that names what the route reads.
 * Install before the application registers its routes.
 */
export function installRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const options = routeBodyOf(route.config);
    if (options?.limitBytes !== undefined) route.bodyLimit = options.limitBytes;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => BODY_METHODS.has(m))) return;
    const consumes = new Set(options?.consumes ?? DEFAULT_CONSUMES);
    const check: preParsingHookHandler = (request, _reply, payload, done) => {
      // A compressed body (`Content-Encoding: gzip`) is read by no route: say so, where Fastify's
      // parser would answer that the body's size does not match its Content-Length.
      const encoding = request.headers['content-encoding']?.trim().toLowerCase();
      if (encoding && encoding !== 'identity')
        return done(unsupportedEncodingError(encoding, consumes), payload);
      const header = request.headers['content-type'];
      // No content type: Fastify's own rules (an empty body, or its 415).
      if (header === undefined) return done(null, payload);
      const semicolon = header.indexOf(';');
      const mediaType = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
      if (consumes.has(mediaType)) return done(null, payload);
      done(unsupportedMediaTypeError(), payload);
    };
    const existing = route.preParsing;
    route.preParsing =
      existing === undefined ? [check] : [check, ...(Array.isArray(existing) ? existing : [existing])];
  });
}
