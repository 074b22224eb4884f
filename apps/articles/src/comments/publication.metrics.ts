import { Injectable } from '@nestjs/common';
import { MetricsRegistry, PIPELINE_DELAY_BUCKETS } from '@replyguard/platform';

/**
 * How long after its approval, and for automatic approvals after its submission, a comment became
 * visible in its thread: what readers and the sites posting comments wait for.
 */
@Injectable()
export class PublicationMetrics {
  private readonly delay;

  constructor(metrics: MetricsRegistry) {
    this.delay = metrics.histogram(
      'replyguard_publication_delay_seconds',
      'Until a comment is published, since="approval" for every approval, since="submission" for automatic approvals (the whole pipeline); clock skew between machines adds in',
      ['since'],
      PIPELINE_DELAY_BUCKETS,
    );
  }

  /** Call once for each comment published now (not for a redelivered approval). */
  published(c: { submittedAt: string; approvedAt: string; approvedBy: string }, now = Date.now()): void {
    const seconds = (from: string): number => Math.max(0, (now - Date.parse(from)) / 1000);
    this.delay.observe({ since: 'approval' }, seconds(c.approvedAt));
    if (c.approvedBy === 'auto') this.delay.observe({ since: 'submission' }, seconds(c.submittedAt));
  }
}
