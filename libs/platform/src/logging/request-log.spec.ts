import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { setRequestCorrelationId } from './correlation';
import { installRequestLog } from './request-log';

describe(installRequestLog.name, () => {
  let app: FastifyInstance;
  let lines: Record<string, unknown>[];

  beforeEach(async () => {
    lines = [];
    // The root logger as the logging module builds it: pino-http's, with its request serializers.
    const root = pinoHttp(
      {
        level: 'info',
        serializers: { req: (req: { id?: unknown }) => ({ id: req.id }) },
        redact: { paths: ['*.email', '*.ip'], censor: '[redacted]' },
      },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    ).logger as Logger;
    app = Fastify({ genReqId: () => 'req-1' });
    installRequestLog(app, () => root);
    app.post('/v1/comments', async (request, reply) => {
      setRequestCorrelationId(request, 'comment-1');
      return reply.status(202).send({ id: 'comment-1' });
    });
    app.get('/health/live', async () => ({ ok: true }));
    app.get('/boom', async () => {
      throw new Error('boom');
    });
    await app.ready();
  });

  afterEach(() => app.close());

  it('writes one line per request with its id, route, status, time and correlation id', async () => {
    await app.inject({ method: 'POST', url: '/v1/comments?x=1', payload: { email: 'a@b.example' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: 'req-1', method: 'POST', url: '/v1/comments?x=1' },
      res: { statusCode: 202 },
      correlationId: 'comment-1',
    });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(JSON.stringify(lines[0])).not.toContain('a@b.example');
  });

  it('writes no e-mail address a client put in the URL', async () => {
    await app.inject({ method: 'POST', url: '/v1/comments?email=Leaky.Person@example.org&x=1' });
    await app.inject({ method: 'POST', url: '/v1/comments?email=leaky%40example.org' });
    await app.inject({ method: 'POST', url: '/v1/comments?q=foo%2540bar.example' });
    expect(lines.map((l) => (l.req as { url: string }).url)).toEqual([
      '/v1/comments?email=[redacted]&x=1',
      '/v1/comments?email=[redacted]',
      '/v1/comments?q=[redacted]',
    ]);
  });

  it('writes no API key a client put in the query', async () => {
    const key = `rgk${'0a'.repeat(20)}`;
    await app.inject({ method: 'GET', url: `/1.1/verify-key?key=${key}&blog=https://b.example` });
    await app.inject({ method: 'GET', url: `/1.1/comment-check?blog=x&API_KEY=${key}` });
    await app.inject({ method: 'GET', url: `/v1/comments?monkey=1&key=${key}` });
    expect(lines.map((l) => (l.req as { url: string }).url)).toEqual([
      '/1.1/verify-key?key=[redacted]&blog=https://b.example',
      '/1.1/comment-check?blog=x&API_KEY=[redacted]',
      '/v1/comments?monkey=1&key=[redacted]',
    ]);
    expect(JSON.stringify(lines)).not.toContain(key);
  });

  it('writes no IP address a client put in the URL', async () => {
    await app.inject({ method: 'POST', url: '/1.1/comment-check?blog=x&user_ip=198.51.100.77&is_test=1' });
    await app.inject({ method: 'POST', url: '/1.1/comment-check?user_ip=2001%3Adb8%3A%3A7&blog=x' });
    await app.inject({ method: 'POST', url: '/1.1/comment-check?user_ip=::ffff:203.0.113.9' });
    await app.inject({ method: 'POST', url: '/1.1/comment-check?for=203.0.113.9,%2010.0.0.1' });
    await app.inject({ method: 'GET', url: '/v1/lookup/192.0.2.44/x' });
    // With a port (as proxies write a client), with its dots percent-encoded, and glued to a letter.
    await app.inject({ method: 'POST', url: '/1.1/comment-check?user_ip=198.51.100.78:51234' });
    await app.inject({ method: 'POST', url: '/v1/check?user_ip=198%2E51%2E100%2E79' });
    await app.inject({ method: 'GET', url: '/v1/lookup/ip-a198.51.100.80' });
    // Ids and versions that only look like numbers stay readable.
    await app.inject({ method: 'GET', url: '/1.1/verify-key?blog=https://b.example/2026.11.29&v=1.2.3' });
    expect(lines.map((l) => (l.req as { url: string }).url)).toEqual([
      '/1.1/comment-check?blog=x&user_ip=[redacted]&is_test=1',
      '/1.1/comment-check?user_ip=[redacted]&blog=x',
      '/1.1/comment-check?user_ip=[redacted]',
      '/1.1/comment-check?for=[redacted]',
      '/v1/lookup/[redacted]/x',
      '/1.1/comment-check?user_ip=[redacted]',
      '/v1/check?user_ip=[redacted]',
      '/v1/lookup/[redacted]',
      '/1.1/verify-key?blog=https://b.example/2026.11.29&v=1.2.3',
    ]);
    for (const address of ['198.51.100.77', '2001', '203.0.113.9', '10.0.0.1', '192.0.2.44', '198.51.100.78', '%2E79', '100.80'])
      expect(JSON.stringify(lines)).not.toContain(address);
  });

  it('logs failures at error level and leaves health checks out', async () => {
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.inject({ method: 'GET', url: '/boom' });
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, msg: 'request errored', res: { statusCode: 500 } }),
    ]);
    expect(lines[0]).not.toHaveProperty('correlationId');
  });

  it('writes nothing while there is no logger yet', async () => {
    const bare = Fastify();
    installRequestLog(bare, () => undefined);
    bare.get('/', async () => 'ok');
    expect((await bare.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    await bare.close();
  });
});
