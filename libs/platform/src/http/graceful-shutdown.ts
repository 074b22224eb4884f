import { type INestApplication, Logger } from '@nestjs/common';

/**
 * SIGTERM or SIGINT: stop taking work, finish the work in flight, then close the rest, and exit 0
 * (1 when closing fails or outlasts `graceMs`). Nest's own shutdown hooks close the application in
 * another order (providers' destroy hooks, the producer among them, run before the HTTP server and
 * the Kafka consumer stop) and end the process by re-raising the signal, never with exit code 0.
 *
 * The order: the Kafka consumers (the message in flight finishes and its offset is committed), then
 * the HTTP server (requests in flight get their answers, new connections are refused), then
 * `app.close()`: the outbox relay's last drain (beforeApplicationShutdown), producers and the
 * database (onApplicationShutdown).
 */
export function enableGracefulShutdown(app: INestApplication, graceMs = 9_500): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    const started = Date.now();
    logger.log({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ signal, graceMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, graceMs).unref();
    void (async () => {
      try {
        for (const microservice of app.getMicroservices()) await microservice.close();
        await app.getHttpAdapter().close();
        await app.close();
        logger.log({ signal, ms: Date.now() - started }, 'shut down');
        process.exit(0);
      } catch (error) {
        logger.error({ err: error, signal }, 'shutdown failed');
        process.exit(1);
      }
    })();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
