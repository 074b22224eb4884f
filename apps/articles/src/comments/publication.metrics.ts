import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@replyguard/platform';

/** Seconds, for delays of the automatic pipeline (milliseconds when healthy, seconds in a backlog). */
const PIPELINE_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

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
      PIPELINE_BUCKETS,
    );
  }

  /** Call once for each comment published now (not for a redelivered approval). */
  published(c: { submittedAt: string; approvedAt: string; approvedBy: string }, now = Date.now()): void {
    const seconds = (from: string): number => Math.max(0, (now - Date.parse(from)) / 1000);
    this.delay.observe({ since: 'approval' }, seconds(c.approvedAt));
    if (c.approvedBy === 'auto') this.delay.observe({ since: 'submission' }, seconds(c.submittedAt));
  }
}
