import { type ExecutionContext, Injectable } from '@nestjs/common';
import {
  type Resolvable,
  ThrottlerException,
  type ThrottlerGenerateKeyFunction,
  type ThrottlerGetTrackerFunction,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';

/** @nestjs/throttler's metadata keys (set by `@Throttle` and `@SkipThrottle`; not exported by it). */
const META = {
  skip: 'THROTTLER:SKIP',
  limit: 'THROTTLER:LIMIT',
  ttl: 'THROTTLER:TTL',
  blockDuration: 'THROTTLER:BLOCK_DURATION',
  tracker: 'THROTTLER:TRACKER',
  keyGenerator: 'THROTTLER:KEY_GENERATOR',
} as const;

/** One throttler as it applies to one route: the decorators' overrides already looked up. */
interface RouteThrottler {
  throttler: ThrottlerOptions & { name: string };
  skip: boolean;
  skipIf?: (context: ExecutionContext) => boolean;
  limit: Resolvable<number>;
  ttl: Resolvable<number>;
  blockDuration?: Resolvable<number>;
  getTracker: ThrottlerGetTrackerFunction;
  generateKey: ThrottlerGenerateKeyFunction;
  /** The numbers, when none of them is a function of the request. */
  fixed?: Settings;
}

interface Settings {
  limit: number;
  ttl: number;
  blockDuration: number;
}

/**
 * The throttler guard, answering 429 with a standard `Retry-After` (seconds) and a message that
 * says which limit was hit, whatever the throttler's name. Pair it with `RateLimitStorage`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /** Per handler and controller: route metadata does not change once the application is built. */
  private readonly routes = new WeakMap<object, WeakMap<object, RouteThrottler[]>>();

  /**
   * The base guard's decision, with each route's `@Throttle`/`@SkipThrottle` lookups done once
   * instead of five reflector lookups and three awaits per throttler on every request.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (await this.shouldSkip(context)) return true;
    for (const route of this.routeThrottlers(context)) {
      if (route.skip || route.skipIf?.(context)) continue;
      const { limit, ttl, blockDuration } = route.fixed ?? (await settingsOf(context, route));
      // Throws the 429 when a limit is reached.
      await this.handleRequest({
        context,
        limit,
        ttl,
        blockDuration,
        throttler: route.throttler,
        getTracker: route.getTracker,
        generateKey: route.generateKey,
      });
    }
    return true;
  }

  private routeThrottlers(context: ExecutionContext): RouteThrottler[] {
    const handler = context.getHandler();
    const classRef = context.getClass();
    let byClass = this.routes.get(handler);
    if (!byClass) {
      byClass = new WeakMap();
      this.routes.set(handler, byClass);
    }
    let routes = byClass.get(classRef);
    if (!routes) {
      const meta = <T>(key: string, name: string): T | undefined =>
        this.reflector.getAllAndOverride<T | undefined>(key + name, [handler, classRef]);
      routes = (this.throttlers as (ThrottlerOptions & { name: string })[]).map((throttler) => {
        const { name } = throttler;
        const route: RouteThrottler = {
          throttler,
          skip: meta<boolean>(META.skip, name) ?? false,
          skipIf: throttler.skipIf ?? this.commonOptions.skipIf,
          limit: meta<Resolvable<number>>(META.limit, name) ?? throttler.limit,
          ttl: meta<Resolvable<number>>(META.ttl, name) ?? throttler.ttl,
          blockDuration: meta<Resolvable<number>>(META.blockDuration, name) ?? throttler.blockDuration,
          getTracker:
            meta<ThrottlerGetTrackerFunction>(META.tracker, name) ??
            throttler.getTracker ??
            this.commonOptions.getTracker!,
          generateKey:
            meta<ThrottlerGenerateKeyFunction>(META.keyGenerator, name) ??
            throttler.generateKey ??
            this.commonOptions.generateKey!,
        };
        const { limit, ttl, blockDuration } = route;
        if (typeof limit !== 'function' && typeof ttl !== 'function' && typeof blockDuration !== 'function') {
          const fixedTtl = toNumber(ttl, 'ttl', name);
          route.fixed = {
            limit: toNumber(limit, 'limit', name),
            ttl: fixedTtl,
            blockDuration: toNumber(blockDuration ?? fixedTtl, 'blockDuration', name),
          };
        }
        return route;
      });
      byClass.set(classRef, routes);
    }
    return routes;
  }

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

/** A route's limit, ttl and block duration for this request (some are functions of it). */
async function settingsOf(context: ExecutionContext, route: RouteThrottler): Promise<Settings> {
  const { name } = route.throttler;
  const resolve = async (value: Resolvable<number>): Promise<unknown> =>
    typeof value === 'function' ? value(context) : value;
  const limit = toNumber(await resolve(route.limit), 'limit', name);
  const ttl = toNumber(await resolve(route.ttl), 'ttl', name);
  const blockDuration = toNumber(await resolve(route.blockDuration ?? ttl), 'blockDuration', name);
  return { limit, ttl, blockDuration };
}

/** A setting as a number, checked as the base guard checks it. */
function toNumber(value: unknown, option: string, throttler: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || Number.isNaN(number)) {
    throw new Error(
      `Invalid "${option}" for the "${throttler}" throttler: expected a number, got ${JSON.stringify(value)}.`,
    );
  }
  return number;
}

// The guard's storage, exported beside it (the library's entry point re-exports this file).
export { RateLimitStorage, type RateLimitRecord } from './rate-limit.storage';
