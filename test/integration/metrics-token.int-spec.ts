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
});
