import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  SkipThrottle,
  Throttle,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  ThrottlerStorageService,
} from '@nestjs/throttler';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitStorage } from './rate-limit.storage';

class Comments {
  submit(): void {}

  @Throttle({ ip: { limit: 1 } })
  report(): void {}
}

@SkipThrottle({ site: true })
class Status {
  get(): void {}

  @Throttle({ ip: { limit: () => Promise.resolve(2), ttl: '1000' as unknown as number } })
  poll(): void {}
}

const options = (): ThrottlerModuleOptions => ({
  throttlers: [
    { name: 'ip', ttl: 60_000, limit: 3, getTracker: (req) => `ip:${String(req.ip)}` },
    {
      name: 'site',
      ttl: 60_000,
      limit: () => 4,
      getTracker: (req) => `site:${String((req.body as { siteId?: string }).siteId)}`,
    },
  ],
});

const routes = [
  [Comments, Comments.prototype.submit],
  [Comments, Comments.prototype.report],
  [Status, Status.prototype.get],
  [Status, Status.prototype.poll],
] as const;

/** What a guard did with one request: let it through, or a 429 and its message, and the headers. */
async function outcome(guard: ThrottlerGuard, route: number, ip: string, siteId: string): Promise<unknown> {
  const headers: Record<string, unknown> = {};
  const reply = { header: (name: string, value: unknown) => ((headers[name] = value), reply) };
  const [classRef, handler] = routes[route];
  const context = {
    getClass: () => classRef,
    getHandler: () => handler,
    switchToHttp: () => ({
      getRequest: () => ({ ip, body: { siteId }, headers: {} }),
      getResponse: () => reply,
    }),
  } as unknown as ExecutionContext;
  try {
    return { allowed: await guard.canActivate(context), headers };
  } catch (error) {
    return { refused: (error as Error).message, headers };
  }
}

describe(RateLimitGuard.name, () => {
  it('decides every request as the base guard does, route decorators included', async () => {
    const theirs = new (class extends ThrottlerGuard {
      // The same 429 message and Retry-After as ours, so only the decisions are compared.
      protected override throwThrottlingException = RateLimitGuard.prototype['throwThrottlingException'];
    })(options(), new ThrottlerStorageService(), new Reflector());
    const ours = new RateLimitGuard(options(), new RateLimitStorage(), new Reflector());
    await theirs.onModuleInit();
    await ours.onModuleInit();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const refusals = new Set<string>();
    try {
      for (let i = 0; i < 120; i++) {
        now.mockReturnValue(1_000_000 + i * 20);
        const args = [i % routes.length, `10.0.0.${Math.floor(i / 4) % 5}`, `site-${i % 3}`] as const;
        const expected = await outcome(theirs, ...args);
        expect(await outcome(ours, ...args)).toEqual(expected);
        const refused = (expected as { refused?: string }).refused;
        if (refused) refusals.add(refused.replace(/ requests.*/, ''));
      }
    } finally {
      now.mockRestore();
    }
    // Every limit came into play: the default, the route's own and the one computed per request.
    expect([...refusals].sort()).toEqual([
      'rate limit of 1',
      'rate limit of 2',
      'rate limit of 3',
      'rate limit of 4',
    ]);
  });

  it('refuses the request over a limit with Retry-After and the limit in the message', async () => {
    const guard = new RateLimitGuard(options(), new RateLimitStorage(), new Reflector());
    await guard.onModuleInit();
    expect(await outcome(guard, 1, '10.0.0.9', 's')).toMatchObject({ allowed: true });
    expect(await outcome(guard, 1, '10.0.0.9', 's')).toMatchObject({
      refused: 'rate limit of 1 requests reached; retry after 60 s',
      headers: { 'Retry-After': '60' },
    });
  });

  it('checks a route setting as the base guard does', async () => {
    const guard = new RateLimitGuard(
      { throttlers: [{ name: 'ip', ttl: 60_000, limit: 'many' as unknown as number }] },
      new RateLimitStorage(),
      new Reflector(),
    );
    await guard.onModuleInit();
    expect(await outcome(guard, 0, '10.0.0.1', 's')).toEqual({
      refused: 'Invalid "limit" for the "ip" throttler: expected a number, got "many".',
      headers: {},
    });
  });
});
