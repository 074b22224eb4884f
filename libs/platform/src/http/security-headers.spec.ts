import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { helmetHeaders, installSecurityHeaders } from './security-headers';

const OPTIONS = { contentSecurityPolicy: false } as const;
/** Headers every response has whatever sets security headers. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type']);

async function headersOf(app: FastifyInstance, url: string): Promise<Record<string, unknown>> {
  const res = await app.inject({ method: 'GET', url });
  return Object.fromEntries(Object.entries(res.headers).filter(([name]) => !TRANSPORT.has(name)));
}

function withRoutes(app: FastifyInstance): FastifyInstance {
  app.get('/json', async () => ({ ok: true }));
  app.get('/page', async (_request, reply) =>
    reply.header('content-security-policy', "default-src 'self'").type('text/html').send('<p>hi</p>'),
  );
  return app;
}

describe('security headers', () => {
  it("are helmet's defaults without a Content-Security-Policy", () => {
    const headers = helmetHeaders(OPTIONS);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'cross-origin-opener-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
    });
    expect(headers).not.toHaveProperty('content-security-policy');
    expect(headers).not.toHaveProperty('x-powered-by');
    expect(Object.isFrozen(headers)).toBe(true);
  });

  it('are on every response exactly as helmet run on each request sets them, 404s included', async () => {
    // What @fastify/helmet did: a helmet middleware applied to the raw response of each request.
    const perRequest = withRoutes(Fastify());
    perRequest.addHook('onRequest', (request, reply, done) =>
      helmet(OPTIONS)(request.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined)),
    );
    const once = withRoutes(Fastify());
    installSecurityHeaders(once, OPTIONS);
    for (const url of ['/json', '/page', '/missing']) {
      const expected = await headersOf(perRequest, url);
      expect(Object.keys(expected).length).toBeGreaterThan(8);
      expect(await headersOf(once, url)).toEqual(expected);
    }
    await Promise.all([perRequest.close(), once.close()]);
  });

  it("leave a route's own header as the route set it", async () => {
    const app = withRoutes(Fastify());
    installSecurityHeaders(app, OPTIONS);
    const headers = await headersOf(app, '/page');
    expect(headers['content-security-policy']).toBe("default-src 'self'");
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    await app.close();
  });
});
