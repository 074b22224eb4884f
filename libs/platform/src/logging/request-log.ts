import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { requestCorrelationId } from './correlation';

const QUIET = /^\/(health|metrics)(\/|\?|$)/;
/** An e-mail address in a URL, plain or percent-encoded once (`%40`) or twice (`%2540`). */
const EMAIL_IN_URL = /[^\s/?&=#@]+(?:@|%40|%2540)[^\s/?&=#]+/gi;

/** The value of a `key` or `api_key` query parameter: an Akismet-style client's API key. */
const KEY_IN_QUERY = /([?&](?:api_)?key=)[^&#]*/gi;

/**
 * The URL as a log line may show it: an e-mail address a client put in the path or the query (the
 * API takes them in bodies, but a client may still send `?email=…`) is replaced, so no log line holds
 * one; so is an API key sent as `?key=…` or `?api_key=…` (Akismet clients put it in the form, but
 * one may still put it in the query).
 */
export function loggableUrl(url: string): string {
  const withoutKeys = url.includes('?') ? url.replace(KEY_IN_QUERY, '$1[redacted]') : url;
  if (!withoutKeys.includes('@') && !withoutKeys.includes('%40') && !withoutKeys.includes('%2540'))
    return withoutKeys;
  return withoutKeys.replace(EMAIL_IN_URL, '[redacted]');
}
const asIs = <T>(value: T): T => value;

/**
 * One line per request, written when the response is sent, from a Fastify hook: method, URL,
 * status, time taken, the request id and, for a request that started something, its correlation
 * id; no headers, no remote address, no body. pino-http did this with two child loggers per request
 * and nestjs-pino with an AsyncLocalStorage scope per request (which turns on async hooks for every
 * promise in the process); a hook that writes one line costs neither.
 *
 * `root` gives the service's pino logger (nestjs-pino's, there once the logging module is set up).
 */
export function installRequestLog(
  fastify: FastifyInstance,
  root: () => Logger | undefined = (): Logger | undefined => PinoLogger.root,
): void {
  let requestLogger: Logger | undefined;
  fastify.addHook('onResponse', (request, reply, done) => {
    requestLogger ??= lineLogger(root());
    if (requestLogger && !QUIET.test(request.url)) {
      const statusCode = reply.statusCode;
      const correlationId = requestCorrelationId(request.raw);
      const line = {
        req: { id: request.id, method: request.method, url: loggableUrl(request.url) },
        ...(correlationId ? { correlationId } : {}),
        res: { statusCode },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (statusCode >= 500) requestLogger.error(line, 'request errored');
      else requestLogger.info(line, 'request completed');
    }
    done();
  });
}

/**
 * The root logger for lines already reduced to the fields above: no serializers (pino-http's expect
 * Node's request and response, and would read a plain object's status as null) and no redaction
 * paths to walk (none of these fields can hold an email or an address).
 */
function lineLogger(root: Logger | undefined): Logger | undefined {
  return root?.child({}, { serializers: { req: asIs, res: asIs }, redact: [] });
}
