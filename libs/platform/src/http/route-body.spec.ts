import { FastifyAdapter } from '@nestjs/platform-fastify';
import { installBodyParsers } from './body-parsers';
import { installRouteBodyLimits } from './route-body';

/** A Fastify instance as createHttpApp makes it: JSON and form parsers, each route's declared types. */
async function serve() {
  const adapter = new FastifyAdapter();
  installBodyParsers(adapter);
  const fastify = adapter.getInstance();
  installRouteBodyLimits(fastify);
  fastify.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) =>
    reply.status(error.statusCode ?? 500).send({ code: error.code }),
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
  const send = async (url: string, contentType: string, payload: string) => {
    const fastify = await serve();
    try {
      const res = await fastify.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': contentType },
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

  it('takes what a route declares, and refuses JSON there', async () => {
    expect((await send('/form', 'application/x-www-form-urlencoded', 'a=1')).status).toBe(200);
    expect(await send('/form', 'application/json', '{"a":1}')).toEqual({
      status: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
  });
});
