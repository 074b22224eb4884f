import Fastify from 'fastify';
import { trustProxyOption } from './create-http-app';

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
