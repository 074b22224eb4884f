import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiConsumes } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';

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

/**
 * Gives each route declared with a `limitBytes` that body limit (Fastify reads a route's own limit
 * before its parser's). Install before the application registers its routes.
 */
export function installRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = routeBodyOf(route.config)?.limitBytes;
    if (limit !== undefined) route.bodyLimit = limit;
  });
}
