import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { requestCorrelationId } from './correlation';

const QUIET = /^\/(health|metrics)(\/|\?|$)/;
/** An e-mail address in a URL, plain or percent-encoded once (`%40`) or twice (`%2540`). */
const EMAIL_IN_URL = /[^\s/?&=#@]+(?:@|%40|%2540)[^\s/?&=#]+/gi;

/** The value of a `key` or `api_key` query parameter: an Akismet-style client's API key. */
const KEY_IN_QUERY = /([?&](?:api_)?key=)[^&#]*/gi;

/** Runs of the characters an IPv4 or IPv6 address is written with. */
const ADDRESS_CHARACTERS = /[0-9A-Fa-f:.]+/g;

/** Four dotted numbers wherever they stand, such as with a port (`1.2.3.4:5678`) or after a hex letter (`a1.2.3.4`). */
const DOTTED_QUAD = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;

function decoded(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/** Whether a path segment or query value holds an IP address (`1.2.3.4`, `2001:db8::1`, `a, 1.2.3.4`). */
function holdsIpAddress(part: string): boolean {
  if (!part.includes('.') && !part.includes(':') && !part.includes('%')) return false;
  const text = decoded(part);
  return (
    (text.match(ADDRESS_CHARACTERS) ?? []).some((run) => isIP(run) !== 0) ||
    (text.match(DOTTED_QUAD) ?? []).some((quad) => isIP(quad) !== 0)
  );
}

/**
 * Each path segment and query value that holds an IP address, replaced whole: an Akismet client may put
 * `user_ip` in the query (the API reads it from the form), and a reader's address must not reach a log.
 */
function withoutIpAddresses(url: string): string {
  if (!/\d[.:]|:[0-9A-Fa-f]|%3A|%2E/i.test(url)) return url;
  const q = url.indexOf('?');
  const path = (q === -1 ? url : url.slice(0, q))
    .split('/')
    .map((segment) => (holdsIpAddress(segment) ? '[redacted]' : segment))
    .join('/');
  if (q === -1) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return holdsIpAddress(pair) ? '[redacted]' : pair;
      return holdsIpAddress(pair.slice(eq + 1)) ? `${pair.slice(0, eq + 1)}[redacted]` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

/**
 * The URL as a log line may show it: an e-mail address a client put in the path or the query (the
 * API takes them in bodies, but a client may still send `?email=…`) is replaced, so no log line holds
 * one; so is an IP address (`?user_ip=…`) and an API key sent as `?key=…` or `?api_key=…` (Akismet
 * clients put both in the form, but one may still put them in the query).
 */
export function loggableUrl(url: string): string {
  const withoutKeys = url.includes('?') ? url.replace(KEY_IN_QUERY, '$1[redacted]') : url;
  const withoutAddresses = withoutIpAddresses(withoutKeys);
  if (
    !withoutAddresses.includes('@') &&
    !withoutAddresses.includes('%40') &&
    !withoutAddresses.includes('%2540')
  )
    return withoutAddresses;
  return withoutAddresses.replace(EMAIL_IN_URL, '[redacted]');
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
