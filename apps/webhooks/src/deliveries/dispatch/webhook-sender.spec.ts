import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResolveAll } from '../../shared/delivery-targets';
import { WebhookSender } from './webhook-sender';

/** A receiver on 127.0.0.1 that counts what reaches it. */
async function receiver(): Promise<{ server: Server; port: number; received: () => number }> {
  let received = 0;
  const server = createServer((req, res) => {
    received += 1;
    req.resume();
    req.on('end', () => {
      if (req.url === '/silent') return; // never answers
      if (req.url === '/moved') res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      else if (req.url === '/endless') res.writeHead(200).write('a body that never ends…');
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, received: () => received };
}

/** DNS that points every name at the loopback interface, as a rebinding attacker's would. */
const rebinding: ResolveAll = (_hostname, _options, callback) =>
  callback(null, [{ address: '127.0.0.1', family: 4 } satisfies LookupAddress]);

describe(WebhookSender.name, () => {
  let target: Awaited<ReturnType<typeof receiver>>;
  const senders: WebhookSender[] = [];
  const sender = (privateTargets: 'allow' | 'refuse') => {
    const s = new WebhookSender({ privateTargets }, rebinding);
    senders.push(s);
    return s;
  };

  beforeAll(async () => {
    target = await receiver();
  });
  afterAll(async () => {
    senders.forEach((s) => s.onModuleDestroy());
    await new Promise((resolve) => target.server.close(resolve));
  });

  it('delivers to a receiver on this machine when private targets are allowed', async () => {
    const before = target.received();
    const result = await sender('allow').post(`http://127.0.0.1:${target.port}/hook`, '{}', {}, 2000);
    expect(result).toMatchObject({ ok: true, statusCode: 204, error: null });
    expect(target.received()).toBe(before + 1);
  });

  it('refuses an address literal or "localhost" without connecting when they are refused', async () => {
    const before = target.received();
    const refuse = sender('refuse');
    for (const url of [`http://127.0.0.1:${target.port}/hook`, `http://localhost:${target.port}/hook`]) {
      const result = await refuse.post(url, '{}', {}, 2000);
      expect(result).toMatchObject({ ok: false, statusCode: null });
      expect(result.error).toMatch(/^refused: .* \(WEBHOOK_PRIVATE_TARGETS\)$/);
    }
    expect(target.received()).toBe(before);
  });

  it('refuses a name whose DNS answers with a private address, checked on the address it would connect to', async () => {
    const before = target.received();
    const result = await sender('refuse').post(
      `http://hooks.news.example:${target.port}/hook`,
      '{}',
      {},
      2000,
    );
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toBe(
      'refused: hooks.news.example resolves to 127.0.0.1, which is not a public address (WEBHOOK_PRIVATE_TARGETS)',
    );
    expect(target.received()).toBe(before);
  });

  it('gives up on a receiver that does not answer in time, and follows no redirect', async () => {
    const allow = sender('allow');
    expect(await allow.post(`http://127.0.0.1:${target.port}/silent`, '{}', {}, 300)).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'timeout: no answer within 300 ms',
    });
    expect(await allow.post(`http://127.0.0.1:${target.port}/moved`, '{}', {}, 2000)).toMatchObject({
      ok: false,
      statusCode: 302,
      error: 'HTTP 302 (redirects are not followed)',
    });
    // The status is enough: a body that never ends neither holds the attempt nor crashes the process.
    expect(await allow.post(`http://127.0.0.1:${target.port}/endless`, '{}', {}, 300)).toMatchObject({
      ok: true,
      statusCode: 200,
    });
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the timeout that cuts that body
  });
});
