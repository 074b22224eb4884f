import { Logger } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  Registry,
} from 'prom-client';

/** Latency buckets in seconds, from sub-millisecond to the 5 s produce timeout. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Seconds, for delays of the automatic pipeline (milliseconds when healthy, seconds in a backlog). */
export const PIPELINE_DELAY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * The service's Prometheus registry. One per application (not prom-client's global one), so that
 * several services or instances booted in one process, as the tests do, keep their own series.
 * Metrics are created on first use and shared after: `counter('x')` twice returns the same counter.
 */
export class MetricsRegistry {
  private readonly logger = new Logger(MetricsRegistry.name);
  readonly registry = new Registry();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'replyguard_' });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.getOrCreate(name, () => new Counter({ name, help, labelNames, registers: [this.registry] }));
  }

  histogram<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    buckets: number[] = LATENCY_BUCKETS,
  ): Histogram<L> {
    return this.getOrCreate(
      name,
      () => new Histogram({ name, help, labelNames, buckets, registers: [this.registry] }),
    );
  }

  /**
   * A gauge; pass `collect` to compute its value when Prometheus scrapes. A `collect` that fails
   * (its database is down) leaves the gauge out of that scrape instead of failing the whole scrape,
   * so the service's other metrics still arrive during the outage they are needed to watch.
   */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    collect?: GaugeConfiguration<L>['collect'],
  ): Gauge<L> {
    const logger = this.logger;
    const guarded: GaugeConfiguration<L>['collect'] = collect
      ? async function (this: Gauge<L>) {
          try {
            await collect.call(this);
          } catch (error) {
            logger.warn({ err: error, metric: name }, 'metric not collected; left out of this scrape');
            this.reset();
            if (labelNames.length === 0) this.remove();
          }
        }
      : undefined;
    return this.getOrCreate(
      name,
      () =>
        new Gauge({
          name,
          help,
          labelNames,
          registers: [this.registry],
          ...(guarded ? { collect: guarded } : {}),
        }),
    );
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private getOrCreate<M>(name: string, create: () => M): M {
    return (this.registry.getSingleMetric(name) as M | undefined) ?? create();
  }
}
