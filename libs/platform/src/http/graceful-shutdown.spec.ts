import Fastify from 'fastify';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainConnections } from './graceful-shutdown';

/** GET with a keep-alive agent; resolves with the Connection header of the answer. */
function connectionHeader(port: number, path: string, agent: Agent): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers.connection));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('drainConnections', () => {
  it('keeps connections alive until called, then asks every client to close its connection', async () => {
    const app = Fastify();
    app.get('/later', async () => {
      await new Promise((r) => setImmediate(r));
      return { ok: true };
    });
    app.post('/body', async (req) => req.body);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true });
    try {
      expect(await connectionHeader(port, '/later', agent)).toBe('keep-alive');
      drainConnections(app.server);
      expect(await connectionHeader(port, '/later', agent)).toBe('close');
      // Unknown routes answer at once, still with the header.
      expect(await connectionHeader(port, '/missing', agent)).toBe('close');
    } finally {
      agent.destroy();
      await app.close();
    }
  });
});
