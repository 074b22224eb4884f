import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { DomainError, MetricsRegistry, setRequestCorrelationId } from '@replyguard/platform';
import type { FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { SubmitCommentHttpController } from './submit-comment/submit-comment.http.controller';

/**
 * `replyguard_submissions_total{outcome,reason}`: submissions accepted, and refused by reason (the
 * domain error code, VALIDATION_FAILED, THROTTLED, …). Interceptors wrap the validation pipe, so a
 * body that fails validation is counted too; bodies Fastify refuses before Nest sees them (bad
 * JSON, too large) show only in the HTTP metrics.
 */
@Injectable()
export class SubmissionMetricsInterceptor implements NestInterceptor {
  private readonly submissions;

  constructor(metrics: MetricsRegistry) {
    this.submissions = metrics.counter('replyguard_submissions_total', 'Comment submissions by outcome', [
      'outcome',
      'reason',
    ]);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getClass() !== SubmitCommentHttpController) return next.handle();
    return next.handle().pipe(
      tap({
        next: (accepted: unknown) => {
          this.submissions.inc({ outcome: 'accepted', reason: '' });
          // The comment id is the correlation id of everything that follows; the request log line gets it.
          const id = (accepted as { id?: unknown } | undefined)?.id;
          if (typeof id === 'string')
            setRequestCorrelationId(context.switchToHttp().getRequest<FastifyRequest>(), id);
        },
        error: (error: unknown) => this.submissions.inc({ outcome: 'refused', reason: reasonOf(error) }),
      }),
    );
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
    if (typeof code === 'string') return code;
    return error.getStatus() === 429 ? 'THROTTLED' : `HTTP_${error.getStatus()}`;
  }
  return 'INTERNAL';
}
