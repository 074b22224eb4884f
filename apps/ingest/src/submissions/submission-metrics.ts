import { HttpException, Injectable } from '@nestjs/common';
import { DomainError, MetricsRegistry } from '@replyguard/platform';
import type { Counter } from 'prom-client';

/**
 * `replyguard_submissions_total{outcome,reason}`: submissions accepted, and refused by reason (the
 * error code a client gets: VALIDATION_FAILED, RATE_LIMITED, …). The JSON intake counts an acceptance in its
 * controller and a refusal in its exception filter, which sees what the rate limit, the validation
 * pipe and the handler throw; bodies Fastify refuses before Nest sees them (bad JSON, too large)
 * show only in the HTTP metrics.
 */
@Injectable()
export class SubmissionMetrics {
  private readonly submissions: Counter<'outcome' | 'reason'>;
  private readonly acceptedSeries;

  constructor(metrics: MetricsRegistry) {
    this.submissions = metrics.counter('replyguard_submissions_total', 'Comment submissions by outcome', [
      'outcome',
      'reason',
    ]);
    this.acceptedSeries = this.submissions.labels({ outcome: 'accepted', reason: '' });
  }

  accepted(): void {
    this.acceptedSeries.inc();
  }

  refused(error: unknown): void {
    this.submissions.inc({ outcome: 'refused', reason: refusalReason(error) });
  }
}

export function refusalReason(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
    if (typeof code === 'string') return code;
    return error.getStatus() === 429 ? 'RATE_LIMITED' : `HTTP_${error.getStatus()}`;
  }
  return 'INTERNAL';
}
