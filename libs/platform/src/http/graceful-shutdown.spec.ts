import { Controller, Get, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify from 'fastify';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainConnections, enableGracefulShutdown } from './graceful-shutdown';

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

/** Stands for the database: closed by its shutdown hook, as TypeORM's connection is. */
@Injectable()
class FakeDatabase implements OnApplicationShutdown {
  closed = false;
  onApplicationShutdown(): void {
    this.closed = true;
  }
}

@Controller()
class SlowController {
  constructor(private readonly db: FakeDatabase) {}

  /** Answers a moment after it was asked, as a query in flight does. */
  @Get('slow')
  async slow(): Promise<{ databaseOpen: boolean }> {
    await new Promise((r) => setTimeout(r, 150));
    return { databaseOpen: !this.db.closed };
  }
}

@Module({ controllers: [SlowController], providers: [FakeDatabase] })
class SlowModule {}

/** A consumer transport that does nothing: what closing it must not take down with it. */
class FakeConsumer extends Server implements CustomTransportStrategy {
  listen(callback: () => void): void {
    callback();
  }
  close(): void {}
  on(): void {}
  unwrap<T>(): T {
    throw new Error('not used');
  }
}

describe(enableGracefulShutdown.name, () => {
  it('keeps the database open for the requests it answers while draining, and closes it once, after them', async () => {
    const app = await NestFactory.create<NestFastifyApplication>(SlowModule, new FastifyAdapter(), {
      logger: false,
    });
    app.connectMicroservice({ strategy: new FakeConsumer() });
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const db = app.get(FakeDatabase);
    const closes = jest.spyOn(db, 'onApplicationShutdown');
    const exited = new Promise<unknown>((resolve) => {
      jest.spyOn(process, 'exit').mockImplementation((code) => resolve(code) as never);
    });
    const signalListeners = (s: NodeJS.Signals) => new Set(process.listeners(s));
    const sigint = signalListeners('SIGINT');
    try {
      enableGracefulShutdown(app, { drainMs: 400 });
      const answer = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json());
      await new Promise((r) => setTimeout(r, 50));
      process.emit('SIGTERM', 'SIGTERM');
      // Asked before the signal, answered during the drain: the database must still be there.
      expect(await answer).toEqual({ databaseOpen: true });
      expect(await exited).toBe(0);
      expect(db.closed).toBe(true);
      expect(closes).toHaveBeenCalledTimes(1);
    } finally {
      // The shutdown ends by calling process.exit: keep it stubbed until then, even after a failure.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      for (const listener of process.listeners('SIGINT')) {
        if (!sigint.has(listener)) process.removeListener('SIGINT', listener);
      }
      jest.restoreAllMocks();
    }
  });
});
