import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { kafkaConfig, MetricsRegistry } from '@replyguard/platform';
import { type Admin, Kafka, logLevel } from 'kafkajs';

/**
 * `replyguard_kafka_consumer_lag{group,topic,partition}`: how many records the service's consumer
 * group has yet to commit, computed when Prometheus scrapes (committed offsets against each
 * partition's high watermark), so it costs nothing between scrapes.
 */
@Injectable()
export class ConsumerLagMonitor implements OnModuleDestroy {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  /** Each watched group and the topics it subscribes to (none known: those it has committed on). */
  private readonly groups = new Map<string, readonly string[]>();
  private admin?: Admin;

  constructor(
    @Inject(kafkaConfig.KEY) private readonly kafka: ConfigType<typeof kafkaConfig>,
    private readonly metrics: MetricsRegistry,
  ) {}

  /**
   * Reports the lag of this group from now on, on every partition of `topics` (the ones it
   * subscribes to), so a topic it has not committed on yet (its first message failing, or no
   * message handled since it started) shows its whole backlog instead of no series at all.
   */
  watch(groupId: string, topics: readonly string[] = []): void {
    this.groups.set(groupId, topics);
    const gauge = this.metrics.gauge(
      'replyguard_kafka_consumer_lag',
      'Records not yet committed by the consumer group, per topic and partition',
      ['group', 'topic', 'partition'],
      async () => {
        gauge.reset();
        for (const [group, topics] of this.groups) {
          try {
            for (const { topic, partition, lag } of await this.lagOf(group, topics)) {
              gauge.set({ group, topic, partition }, lag);
            }
          } catch (error) {
            this.logger.warn({ err: error, group }, 'consumer lag not available');
          }
        }
      },
    );
  }

  /**
   * Lag per partition of `topics`, or of every topic the group has committed offsets on when none are
   * given. A partition without a committed offset counts from its first record, where the consumer
   * (`fromBeginning`) starts.
   */
  async lagOf(
    groupId: string,
    topics: readonly string[] = [],
  ): Promise<{ topic: string; partition: string; lag: number }[]> {
    this.admin ??= new Kafka({
      clientId: 'replyguard-lag-monitor',
      brokers: this.kafka.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 1 },
    }).admin();
    await this.admin.connect();
    const committed = await this.admin.fetchOffsets(
      topics.length > 0 ? { groupId, topics: [...topics] } : { groupId },
    );
    const rows: { topic: string; partition: string; lag: number }[] = [];
    for (const { topic, partitions } of committed) {
      const ends = new Map((await this.admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
      for (const p of partitions) {
        const end = ends.get(p.partition);
        if (!end) continue;
        const at = Math.max(Number(p.offset), Number(end.low));
        rows.push({ topic, partition: String(p.partition), lag: Math.max(0, Number(end.high) - at) });
      }
    }
    return rows;
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
