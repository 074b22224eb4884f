import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DEFAULT_SITE_POLICY } from '@replyguard/moderation-engine';
import { articlesConfig } from '../config/articles.config';
import { EmbedHttpController } from './embed.http.controller';
import { articlesCors } from './embed-cors';

describe(EmbedHttpController.name, () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [EmbedHttpController],
      providers: [
        {
          provide: articlesConfig.KEY,
          useValue: {
            port: 3002,
            ingestPublicUrl: 'https://ingest.example',
            moderationPublicUrl: 'https://moderation.example',
          },
        },
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    // As every service answers (helmet's default), which would keep a page of another origin from
    // loading the script.
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', (_request, reply, done) => {
        void reply.header('cross-origin-resource-policy', 'same-origin');
        done();
      });
    app.enableCors({ delegator: (req, answer) => answer(null, articlesCors(req)) });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { origin: 'https://news.example', ...headers } });

  it('serves the script and its modules to pages of any origin, cached for a few minutes', async () => {
    for (const file of [
      'comments.js',
      'widget.mjs',
      'widget-styles.mjs',
      'widget-strings.mjs',
      'comment-dom.mjs',
    ]) {
      const res = await get(`/embed/v1/${file}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers.etag).toMatch(/^"[\w-]{22}"$/);
    }
    expect((await get('/embed/v1/comments.js')).body).toContain("import(new URL('widget.mjs', src).href)");
  });

  it('answers 304 to a copy it has not changed since', async () => {
    const first = await get('/embed/v1/widget.mjs');
    const again = await get('/embed/v1/widget.mjs', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/embed/v1/widget.mjs', { 'if-none-match': '"stale"' })).statusCode).toBe(200);
  });

  it("serves the widget's config: where browsers reach ingest and moderation, and the reply depth", async () => {
    const res = await get('/embed/v1/config.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.json()).toEqual({
      ingestUrl: 'https://ingest.example',
      moderationUrl: 'https://moderation.example',
      maxReplyDepth: DEFAULT_SITE_POLICY.maxDepth,
    });
    const again = await get('/embed/v1/config.json', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('answers a preflight for a revalidation from any origin', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/embed/v1/config.json',
      headers: {
        origin: 'https://news.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-headers']).toBe('if-none-match');
  });

  it('answers 404 for a file it does not serve', async () => {
    for (const url of ['/embed/v1/tsconfig.json', '/embed/v1/..%2Fembed.module.ts', '/embed/v1/demo.mjs']) {
      expect((await get(url)).statusCode).toBe(404);
    }
  });
});

describe(articlesCors.name, () => {
  it('answers any origin on the widget and thread routes, and none elsewhere', () => {
    expect(articlesCors({ url: '/embed/v1/comments.js' }).origin).toBe('*');
    expect(articlesCors({ url: '/embed/v1/config.json?x=1' }).origin).toBe('*');
    expect(articlesCors({ url: '/v3/sites/s/articles/a/comments?limit=2' }).origin).toBe('*');
    for (const url of ['/embed/v2/comments.js', '/embed/v1/', '/demo/default/a', '/metrics', '/docs']) {
      expect(articlesCors({ url }).origin).toBe(false);
    }
  });
});
