import { connect } from 'node:net';
import Fastify from 'fastify';
import { answerClientError, frameworkErrorAnswer, MAX_PARAM_LENGTH } from './fastify-errors';

describe(frameworkErrorAnswer.name, () => {
  const app = Fastify({
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkErrorAnswer({ 'x-content-type-options': 'nosniff' }),
    clientErrorHandler: answerClientError,
  });
  app.get('/articles/:articleId', async (request) => request.params);

  beforeAll(() => app.listen({ port: 0, host: '127.0.0.1' }));
  afterAll(() => app.close());

  it('takes a path parameter as long as the longest id, 200 characters', async () => {
    expect(MAX_PARAM_LENGTH).toBe(200);
    const res = await app.inject(`/articles/${'a'.repeat(200)}`);
    expect(res.statusCode).toBe(200);
  });

  it("answers the router's own errors in the shape of every error, without quoting the path", async () => {
    const long = await app.inject(`/articles/ann@example.org${'a'.repeat(200)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({
      statusCode: 414,
      code: 'URI_TOO_LONG',
      error: 'FST_ERR_MAX_PARAM_LENGTH',
      message: 'a path parameter is longer than 200 characters',
    });
    expect(long.headers['x-content-type-options']).toBe('nosniff');
    const bad = await app.inject('/articles/%ZZ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', error: 'FST_ERR_BAD_URL' });
  });

  it('answers a request that is not HTTP with a coded error', async () => {
    const { port } = app.server.address() as { port: number };
    const raw = await new Promise<string>((done) => {
      let out = '';
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'));
      socket.on('data', (chunk) => (out += chunk.toString()));
      socket.on('close', () => done(out));
      socket.on('error', () => undefined);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({
      statusCode: 400,
      code: 'BAD_REQUEST',
      error: 'BAD_REQUEST',
      message: 'the request is not valid HTTP',
    });
  });
});
