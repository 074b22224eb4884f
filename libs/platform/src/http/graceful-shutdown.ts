import { type INestApplication, Logger } from '@nestjs/common';
import { NestMicroservice } from '@nestjs/microservices';
import type { Server, ServerResponse } from 'node:http';

/**
 * SIGTERM or SIGINT: stop taking work, finish the work in flight, then close the rest, and exit 0
 * (1 when closing fails or outlasts `graceMs`). Nest's own shutdown hooks close the application in
 * another order (providers' destroy hooks, the producer among them, run before the HTTP server and
 * the Kafka consumer stop) and end the process by re-raising the signal, never with exit code 0.
 *
 * The order: from the signal on, every response asks its client to close the connection (see
 * `drainConnections`); the Kafka consumers stop (the message in flight finishes and its offset is
 * committed); once `drainMs` has passed since the signal, the HTTP server stops (requests in flight
 * get their answers, new connections are refused); then `app.close()`: the outbox relay's last
 * drain (beforeApplicationShutdown), producers and the database (onApplicationShutdown).
 */
export function enableGracefulShutdown(
  app: INestApplication,
  { graceMs = 9_500, drainMs = 1_000 }: { graceMs?: number; drainMs?: number } = {},
): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    const started = Date.now();
    logger.log({ signal }, 'shutting down');
    const hardStop = setTimeout(() => {
      logger.error({ signal, graceMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, graceMs).unref();
    drainConnections(app.getHttpServer() as Server);
    void (async () => {
      try {
        // A consumer that cannot leave its group (a broker just restarted, say) must not use up the
        // whole grace period: offsets of finished work are committed as it goes, so going on after a
        // bounded wait loses nothing; the group rebalances when the session times out.
        for (const microservice of app.getMicroservices()) {
          // Only the consumer, as Nest's own app.close() closes it: a hybrid app's microservice shares
          // the HTTP app's providers, and its close() alone runs all their shutdown hooks, which closed
          // the database and the producer under the requests still being answered during the drain.
          if (microservice instanceof NestMicroservice) microservice.setIsTerminated(true);
          await bounded(microservice.close(), 4_000, () =>
            logger.warn('a Kafka consumer did not close in time'),
          );
        }
        const draining = started + drainMs - Date.now();
        if (draining > 0) await new Promise((resolve) => setTimeout(resolve, draining));
        await bounded(app.getHttpAdapter().close() as Promise<unknown>, 3_000, () =>
          logger.warn('HTTP connections did not close in time'),
        );
        // The rest (the outbox relay's last drain, producers, the database) gets what is left of the
        // grace period but a margin: with Kafka gone it would wait on reconnects until the hard stop.
        // What it leaves undone is durable (outbox rows wait for the next start), so going on is safe.
        await bounded(app.close(), Math.max(500, graceMs - (Date.now() - started) - 1_000), () =>
          logger.warn('the application did not close in time; exiting with what is durable'),
        );
        logger.log({ signal, ms: Date.now() - started }, 'shut down');
        clearTimeout(hardStop);
        process.exit(0);
      } catch (error) {
        logger.error({ err: error, signal }, 'shutdown failed');
        clearTimeout(hardStop);
        process.exit(1);
      }
    })();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/**
 * From now on, every response on `server` carries `Connection: close`, so a keep-alive client
 * closes its connection after the answer instead of sending its next request on a connection the
 * server is about to close (which it would see as a reset, with no answer). Costs nothing until
 * called: a `request` listener placed before the framework's own, whose headers Node merges with it.
 */
export function drainConnections(server: Server): void {
  server.prependListener('request', (_request: unknown, response: ServerResponse) => {
    response.setHeader('connection', 'close');
  });
}

/** Waits for `promise`, but no longer than `ms`; calls `onTimeout` when it gives up. */
async function bounded(promise: Promise<unknown>, ms: number, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const result = await Promise.race([promise.then(() => 'done' as const), timeout]);
  clearTimeout(timer);
  if (result === 'timeout') onTimeout();
}
