import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * The one place where errors become HTTP answers. Domain errors map by code; Nest's HTTP errors pass
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
      void reply.status(exception.httpStatus).send({
        statusCode: exception.httpStatus,
        error: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      });
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      void reply
        .status(exception.getStatus())
        .send(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    const fastifyError = exception as FastifyLikeError;
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      void reply.status(fastifyError.statusCode).send({
        statusCode: fastifyError.statusCode,
        error: fastifyError.code ?? 'Bad Request',
        message: fastifyError.message ?? 'Bad request',
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
      error: 'INTERNAL',
      message: 'Internal error; quote the correlation id when reporting it',
      correlationId,
    });
  }
}
