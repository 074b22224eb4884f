import { FastifyAdapter } from '@nestjs/platform-fastify';
import { gzipSync } from 'node:zlib';
import { installBodyParsers } from './body-parsers';
import { installRouteBodyLimits } from './route-body';

/** A Fastify instance as createHttpApp makes it: JSON and form parsers, each route's declared types. */
async function serve() {
  const adapter = new FastifyAdapter();
  installBodyParsers(adapter);
  const fastify = adapter.getInstance();
  installRouteBodyLimits(fastify);
  fastify.setErrorHandler(
    (error: Error & { statusCode?: number; httpStatus?: number; code?: string }, _request, reply) =>
      reply
        .status(error.statusCode ?? error.httpStatus ?? 500)
        .send({ code: error.code, message: error.message }),
  );
  fastify.post('/json', () => ({ ok: true }));
  fastify.post(
    '/form',
    { config: { replyguardBody: { consumes: ['application/x-www-form-urlencoded'] } } },
    () => ({ ok: true }),
  );
  await fastify.ready();
  return fastify;
}

describe(installRouteBodyLimits.name, () => {
  const send = async (
    url: string,
    contentType: string,
    payload: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    const fastify = await serve();
    try {
      const res = await fastify.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': contentType, ...headers },
      });
      return { status: res.statusCode, code: res.json<{ code?: string }>().code };
    } finally {
      await fastify.close();
    }
  };

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])(
    'lets %j into a route that does not say (JSON)',
    async (type) => {
      expect((await send('/json', type, '{"a":1}')).status).toBe(200);
    },
  );

  it.each([
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/jsonp',
  ])('refuses %j on a JSON route with 415, before parsing', async (type) => {
    expect(await send('/json', type, 'a=1')).toEqual({ status: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
  });

  it('refuses a compressed body with a 415 that says so, and takes one sent as it is', async () => {
    const gzipped = gzipSync('{"a":1}');
    for (const encoding of ['gzip', 'br', 'deflate, gzip']) {
      expect(await send('/json', 'application/json', gzipped, { 'content-encoding': encoding })).toEqual({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
    }
    expect(
      (await send('/json', 'application/json', '{"a":1}', { 'content-encoding': 'identity' })).status,
    ).toBe(200);
  });

  it('takes what a route declares, and refuses JSON there', async () => {
    expect((await send('/form', 'application/x-www-form-urlencoded', 'a=1')).status).toBe(200);
    expect(await send('/form', 'application/json', '{"a":1}')).toEqual({
      status: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
  });
});
