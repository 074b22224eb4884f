import { HttpException } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { installBodyParsers, jsonNestingExceeds, MAX_JSON_DEPTH } from './body-parsers';

describe(jsonNestingExceeds.name, () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('counts arrays and objects inside one another', () => {
    expect(jsonNestingExceeds('{"a":1,"b":[1,2,{"c":"d"}]}', 3)).toBe(false);
    expect(jsonNestingExceeds('{"a":1,"b":[1,2,{"c":"d"}]}', 2)).toBe(true);
    expect(jsonNestingExceeds(nested(32), 32)).toBe(false);
    expect(jsonNestingExceeds(nested(33), 32)).toBe(true);
    // Siblings do not add up.
    expect(jsonNestingExceeds(`[${Array(100).fill('[[]]').join(',')}]`, 3)).toBe(false);
    expect(jsonNestingExceeds('"flat"', 0)).toBe(false);
  });

  it('skips strings, escaped quotes included', () => {
    expect(jsonNestingExceeds(`{"content":"${'['.repeat(100)}"}`, 1)).toBe(false);
    expect(jsonNestingExceeds(`{"content":"say \\"[[[[\\" and \\\\","x":[[1]]}`, 3)).toBe(false);
    expect(jsonNestingExceeds(`{"content":"a\\\\"}${'['.repeat(5)}`, 3)).toBe(true);
    expect(jsonNestingExceeds(`{"content":"漢字 😀 [[["}`, 1)).toBe(false);
  });
});

describe(installBodyParsers.name, () => {
  async function post(body: string, contentType = 'application/json') {
    const adapter = new FastifyAdapter();
    installBodyParsers(adapter);
    const fastify = adapter.getInstance();
    fastify.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
      if (error instanceof HttpException) return reply.status(error.getStatus()).send(error.getResponse());
      return reply.status(error.statusCode ?? 500).send({ message: error.message });
    });
    fastify.post('/', (request) => ({ body: request.body }));
    const res = await fastify.inject({
      method: 'POST',
      url: '/',
      payload: body,
      headers: { 'content-type': contentType },
    });
    await fastify.close();
    return { status: res.statusCode, json: res.json<Record<string, unknown>>() };
  }

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels before parsing it`, async () => {
    const deep = `{"content":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(await post(deep)).toEqual({
      status: 400,
      json: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: [expect.stringContaining('at most 32')],
        fields: [{ field: '(root)', rules: ['maxDepth'], messages: [expect.any(String)] }],
      },
    });
  });

  it('names a __proto__ or constructor.prototype key as the fault, not the JSON', async () => {
    for (const body of [
      '{"__proto__":{"x":1}}',
      '{"ids":[],"expectedVersions":{"__proto__":1}}',
      '{"constructor":{"prototype":{}}}',
    ])
      expect(await post(body)).toEqual({
        status: 400,
        json: {
          statusCode: 400,
          error: 'Bad Request',
          code: 'VALIDATION_FAILED',
          message: [expect.stringContaining('__proto__')],
          fields: [{ field: '(root)', rules: ['noPrototypeKeys'], messages: [expect.any(String)] }],
        },
      });
  });

  it('reads no text/plain body: no route takes one', async () => {
    expect(await post('{"siteId":"default"}', 'text/plain')).toMatchObject({ status: 415 });
  });

  it('parses JSON and forms as before', async () => {
    expect(await post('{"a":[1,{"b":"c"}]}')).toEqual({
      status: 200,
      json: { body: { a: [1, { b: 'c' }] } },
    });
    expect(await post('{"__proto__":{"x":1}}')).toMatchObject({ status: 400 });
    expect(await post('{"a":')).toMatchObject({
      status: 400,
      json: { message: expect.stringContaining('JSON') },
    });
    expect(await post('a=1&a=2&b=3', 'application/x-www-form-urlencoded')).toEqual({
      status: 200,
      json: { body: { a: ['1', '2'], b: '3' } },
    });
  });
});
