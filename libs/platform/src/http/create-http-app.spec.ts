import type { OpenAPIObject } from '@nestjs/swagger';
import Fastify from 'fastify';
import { documentBodyTypes, documentParameterErrors, trustProxyOption } from './create-http-app';

describe(trustProxyOption.name, () => {
  const ipOf = async (trustProxy: ReturnType<typeof trustProxyOption>, forwardedFor: string) => {
    const app = Fastify({ trustProxy });
    app.get('/', async (request) => ({ ip: request.ip }));
    const res = await app.inject({
      method: 'GET',
      url: '/',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': forwardedFor },
    });
    await app.close();
    return res.json<{ ip: string }>().ip;
  };

  it('trusts no proxy when none is configured', async () => {
    expect(trustProxyOption()).toBe(false);
    expect(await ipOf(trustProxyOption([]), '203.0.113.7')).toBe('127.0.0.1');
  });

  it('answers as the list form does for plain IPv4 proxies', async () => {
    const fast = trustProxyOption(['127.0.0.1', '10.0.0.2']);
    expect(typeof fast).toBe('function');
    for (const chain of ['203.0.113.7', '198.51.100.1, 10.0.0.2', '198.51.100.1, 10.0.0.3', 'junk']) {
      expect(await ipOf(fast, chain)).toBe(await ipOf(['127.0.0.1', '10.0.0.2'], chain));
    }
    expect((fast as (a: string) => boolean)('::ffff:10.0.0.2')).toBe(true);
    expect((fast as (a: string) => boolean)('10.0.0.20')).toBe(false);
  });

  it('leaves CIDRs, IPv6 and names to proxy-addr', () => {
    expect(trustProxyOption(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
    expect(trustProxyOption(['127.0.0.1', '::1'])).toEqual(['127.0.0.1', '::1']);
    expect(trustProxyOption(['loopback'])).toEqual(['loopback']);
  });
});

describe(documentBodyTypes.name, () => {
  it('lists the 415 and the types read on every operation that takes a body, unless it has its own', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/v1/comments': {
          post: {
            requestBody: { content: { 'application/json': { schema: {} } } },
            responses: { '202': { description: 'accepted' } },
          },
          get: { responses: { '200': { description: 'ok' } } },
        },
        '/v1/form': {
          post: {
            requestBody: { content: { 'application/x-www-form-urlencoded': { schema: {} } } },
            responses: { '415': { description: 'its own page' } },
          },
        },
      },
    } as unknown as OpenAPIObject;
    documentBodyTypes(document);
    expect(document.paths['/v1/comments'].post?.responses['415']).toEqual({
      description:
        'UNSUPPORTED_MEDIA_TYPE: a body that is not application/json (`details.expected` names the types)',
    });
    expect(document.paths['/v1/comments'].get?.responses['415']).toBeUndefined();
    expect(document.paths['/v1/form'].post?.responses['415']).toEqual({ description: 'its own page' });
  });
});

describe(documentParameterErrors.name, () => {
  it('lists the 400 on every operation with a path or query parameter, unless it has its own', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/v1/sites/{siteId}': {
          get: {
            parameters: [{ name: 'siteId', in: 'path', required: true }],
            responses: { '200': { description: 'ok' } },
          },
        },
        '/v1/feedback': {
          get: {
            parameters: [{ name: 'task', in: 'query', required: true }],
            responses: { '400': { description: 'its own' } },
          },
        },
        '/1.1/verify-key': { post: { responses: { '200': { description: 'valid or invalid' } } } },
      },
    } as unknown as OpenAPIObject;
    documentParameterErrors(document);
    expect(document.paths['/v1/sites/{siteId}'].get?.responses['400']).toEqual({
      description: 'VALIDATION_FAILED: a path or query parameter breaks its rule (`fields` names it)',
    });
    expect(document.paths['/v1/feedback'].get?.responses['400']).toEqual({ description: 'its own' });
    expect(document.paths['/1.1/verify-key'].post?.responses['400']).toBeUndefined();
  });
});
