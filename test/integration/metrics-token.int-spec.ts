import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createArticlesApp } from '../../apps/articles/src/articles.app';

const TOKEN = 'scrape-token-0123456789abcdef';

/** With METRICS_TOKEN set, only the scraper with that bearer token reads a service's metrics. */
describe('metrics behind a scrape token', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    process.env.METRICS_TOKEN = TOKEN;
    try {
      app = await createArticlesApp();
    } finally {
      delete process.env.METRICS_TOKEN;
    }
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers 401 without the token or with another, and the metrics with it', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', TOKEN, `Bearer ${TOKEN}x`]) {
      const res = await fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { code: string };
      expect(body.code).toBe('UNAUTHORIZED');
    }
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    // The scheme is case-insensitive, as for every bearer token here.
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(
      200,
    );
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toContain('replyguard_');
  });

  it('answers 429 with Retry-After to an address that failed 10 tokens in a minute, whatever it sends next', async () => {
    // The first test failed 4 tokens from this address.
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer guess-${i}` } })).status);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const blocked = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { code: string }).code).toBe('RATE_LIMITED');
  });
});
