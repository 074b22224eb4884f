import { Logger } from '@nestjs/common';
import { MetricsRegistry } from './metrics.registry';

describe(MetricsRegistry.name, () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('still answers the scrape when a gauge cannot be collected (its database is down), leaving that gauge out', async () => {
    const metrics = new MetricsRegistry('test');
    metrics.counter('test_events_total', 'events').inc(3);
    const backlog = metrics.gauge('test_backlog', 'rows waiting', [], async function collect() {
      this.set(await Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')));
    });
    backlog.set(42);
    const depth = metrics.gauge('test_depth', 'rows by status', ['status'], async function collect() {
      this.set({ status: 'held' }, await Promise.reject(new Error('Connection terminated unexpectedly')));
    });
    depth.set({ status: 'held' }, 7);

    const { body } = await metrics.text();

    expect(body).toContain('test_events_total{service="test"} 3');
    // No stale or made-up value for what could not be read: the series is absent from this scrape.
    expect(body).not.toMatch(/^test_backlog\{/m);
    expect(body).not.toMatch(/^test_depth\{/m);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(
      expect.objectContaining({ metric: 'test_backlog' }),
      expect.any(String),
    );
  });

  it('collects a gauge again on the next scrape once its source answers', async () => {
    const metrics = new MetricsRegistry('test');
    let down = true;
    metrics.gauge('test_backlog', 'rows waiting', [], function collect() {
      if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      this.set(5);
    });

    expect((await metrics.text()).body).not.toMatch(/^test_backlog\{/m);
    down = false;
    expect((await metrics.text()).body).toContain('test_backlog{service="test"} 5');
  });
});
