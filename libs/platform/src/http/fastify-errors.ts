import type { Socket } from 'node:net';
import { FieldLimits } from '@replyguard/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The longest path parameter a route takes: the longest id the contracts allow (an article id; a
 * site id is shorter, comment and other ids are UUIDs). Fastify's default, 100, refused article ids
 * of 101-200 characters that ingest had accepted, and their threads could not be read.
 */
export const MAX_PARAM_LENGTH = Math.max(FieldLimits.siteId, FieldLimits.articleId);

/** The code of an error answer that has no code of its own, by status. */
const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

/** The `code` of an answer with this status and no code of its own. */
export const codeOfStatus = (status: number): string => STATUS_CODES[status] ?? `HTTP_${status}`;

/** A client error in the shape of every error answer: `statusCode`, `code`, `error`, `message`. */
export function clientErrorBody(status: number, message: string, error?: string) {
  return { statusCode: status, code: codeOfStatus(status), error: error ?? codeOfStatus(status), message };
}

/**
 * Errors Fastify's router answers itself, before any hook or Nest sees the request: a path parameter
 * over MAX_PARAM_LENGTH (414) and a malformed percent-encoding in the path (400). Their messages
 * quote the path, which may hold an e-mail address: ours do not. No hook ran, so the security
 * headers are set here.
 */
export function frameworkErrorAnswer(
  headers: Readonly<Record<string, string>>,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, _request, reply) => {
    const status = error.statusCode ?? 400;
    const message =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`
        : error.code === 'FST_ERR_BAD_URL'
          ? 'the path is not a valid URL (malformed percent-encoding)'
          : 'the request could not be routed';
    void reply
      .headers(headers)
      .status(status)
      .header('cache-control', 'no-store')
      .send(clientErrorBody(status, message, error.code));
  };
}

/**
 * Requests Node's HTTP parser refuses (malformed, headers over the limit, too slow): Fastify's own
 * handler writes them a body without `code`. Same behaviour, the project's shape.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'the request was not received in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'the request headers are too large']
        : [400, 'Bad Request', 'the request is not valid HTTP'];
  const body = JSON.stringify(clientErrorBody(status, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
