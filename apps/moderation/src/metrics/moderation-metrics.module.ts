import { Module } from '@nestjs/common';
import { DecisionMetricsSubscriber } from './decision-metrics.subscriber';
import { ModerationMetrics } from './moderation.metrics';

/** Decisions, time to a human decision, classifier latency and queue depth (needs MetricsModule). */
@Module({
  providers: [ModerationMetrics, DecisionMetricsSubscriber],
  exports: [ModerationMetrics],
})
export class ModerationMetricsModule {}
