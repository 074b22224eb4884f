import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { codeOfStatus } from '../http/fastify-errors';
import { consumesOf } from '../http/route-body';
import { DomainError } from './domain-error';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * An error message never echoes the request's query string: it may hold an API key (`?key=rgk…`) or
 * an address, and Nest's "Cannot GET /path?…" for an unknown route repeats the whole URL.
 */
function withoutQuery<T>(message: T, url: string | undefined): T | string {
  const at = url?.indexOf('?') ?? -1;
  if (typeof message !== 'string' || !url || at < 0) return message;
  return message.split(url).join(url.slice(0, at)).split(url.slice(at)).join('');
}

/**
 * The one place where errors become HTTP answers. Every answer carries `code`, a stable identifier a
 * client can branch on (`VALIDATION_FAILED`, `SITE_NOT_FOUND`, `RATE_LIMITED`, `PAYLOAD_TOO_LARGE`, …):
 * domain errors also keep it in `error`, as they always have. Domain errors map by code; Nest's HTTP errors pass
 * through; client errors raised by Fastify itself (bad JSON, body too large) keep their 4xx; anything
 * else is ours, logged, and answered with a 500 that hides internals behind a correlation id.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();

    if (exception instanceof DomainError) {
      const named = exception.details?.fields ?? exception.details?.field;
      const fields = (Array.isArray(named) ? named : [named]).filter(
        (f): f is string => typeof f === 'string',
      );
      void reply.status(exception.httpStatus).send({
        statusCode: exception.httpStatus,
        code: exception.code,
        error: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        // A field at fault is named where every validation failure names it.
        ...(exception.code === 'VALIDATION_FAILED' && fields.length > 0
          ? {
              fields: fields.map((field) => ({
                field,
                rules: [typeof exception.details?.rule === 'string' ? exception.details.rule : 'domain'],
                messages: [exception.message],
              })),
            }
          : {}),
      });
      return;
    }
    const fastifyError = exception as FastifyLikeError;
    const clientStatus =
      exception instanceof HttpException ? exception.getStatus() : fastifyError?.statusCode;
    if (clientStatus === 415) {
      void reply.status(415).send(unsupportedMediaType(request));
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const url = request?.url;
      void reply.status(status).send(
        typeof body === 'string'
          ? { statusCode: status, code: codeOfStatus(status), message: withoutQuery(body, url) }
          : {
              code: codeOfStatus(status),
              ...body,
              ...('message' in body ? { message: withoutQuery(body.message, url) } : {}),
            },
      );
      return;
    }
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      void reply.status(fastifyError.statusCode).send({
        statusCode: fastifyError.statusCode,
        code: codeOfStatus(fastifyError.statusCode),
        error: fastifyError.code ?? 'Bad Request',
        message: withoutQuery(fastifyError.message, request?.url) ?? 'Bad request',
      });
      return;
    }
    const correlationId = String(request?.id ?? randomUUID());
    this.logger.error(
      { err: exception, correlationId, route: request?.routeOptions?.url },
      'unhandled error while serving a request',
    );
    void reply.status(500).send({
      statusCode: 500,
      code: 'INTERNAL',
      error: 'INTERNAL',
      message: 'Internal error; quote the correlation id when reporting it',
      correlationId,
    });
  }
}

/** A body of a content type the route does not read (Fastify has no parser for it): which ones it reads. */
function unsupportedMediaType(request: FastifyRequest | undefined) {
  const expected = consumesOf(request);
  const header = request?.headers?.['content-type'];
  const sent = (typeof header === 'string' ? header.split(';')[0].trim().slice(0, 100) : '') || '(none)';
  return {
    statusCode: 415,
    code: codeOfStatus(415),
    error: 'Unsupported Media Type',
    message: `content-type ${sent} is not accepted here; send ${expected.join(' or ')}`,
    details: { expected },
  };
}
