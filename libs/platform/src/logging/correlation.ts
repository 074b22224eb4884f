import type { IncomingMessage } from 'node:http';

const ids = new WeakMap<object, string>();

/**
 * Tags a request with the correlation id of what it started (for a submission: the comment id,
 * which every later event carries as `correlationid`), so its request log line carries it too.
 * Takes Fastify's request or the raw Node request.
 */
export function setRequestCorrelationId(
  request: { raw?: IncomingMessage } | IncomingMessage,
  id: string,
): void {
  ids.set('raw' in request && request.raw ? request.raw : request, id);
}

export function requestCorrelationId(request: object): string | undefined {
  return ids.get(request);
}
