import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { requestCorrelationId } from './correlation';

const QUIET = /^\/(health|metrics)(\/|\?|$)/;

/**
 * One line per request, written when the response is sent, from a Fastify hook: method, URL,
 * status, time taken, the request id and, for a request that started something, its correlation
 * id; no headers, no remote address, no body. pino-http did this with two child loggers per request
 * and nestjs-pino with an AsyncLocalStorage scope per request (which turns on async hooks for every
 * promise in the process); a hook that writes one line costs neither.
 */
export function installRequestLog(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    // The root logger exists once the logging module is initialised (before the server listens).
    const logger = PinoLogger.root as Logger | undefined;
    if (logger && !QUIET.test(request.url)) {
      const statusCode = reply.statusCode;
      const correlationId = requestCorrelationId(request.raw);
      const line = {
        req: { id: request.id, method: request.method, url: request.url },
        ...(correlationId ? { correlationId } : {}),
        res: { statusCode },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
