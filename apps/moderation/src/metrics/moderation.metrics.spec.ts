import { MetricsRegistry } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { ModerationMetrics } from './moderation.metrics';

describe(ModerationMetrics.name, () => {
  const setup = () => {
    const registry = new MetricsRegistry('moderation');
    const metrics = new ModerationMetrics(registry, {} as DataSource);
    const signals = async () =>
      (
        (await registry.registry.getSingleMetric('replyguard_toxicity_signals_total')?.get())?.values ?? []
      ).map((v) => [v.labels.action, v.labels.signal, v.value]);
    return { metrics, signals };
  };

  it('counts each known signal of a decision once, by action', async () => {
    const { metrics, signals } = setup();
    metrics.decisionRecorded({
      actor: 'auto',
      action: 'reject',
      decision: {
        reasons: [
          { code: 'TOXICITY_MODEL', evidence: { signals: ['threat', 'threat-to-group'] } },
          { code: 'HATE_MODEL', evidence: { signals: ['threat-to-group', 'made-up-by-a-client', 7] } },
        ],
      },
    });
    metrics.decisionRecorded({
      actor: 'auto',
      action: 'hold',
      decision: { reasons: [{ code: 'TOXICITY_MODEL', evidence: { signals: ['doxxing'] } }] },
    });
    expect(await signals()).toEqual([
      ['reject', 'threat', 1],
      ['reject', 'threat-to-group', 1],
      ['hold', 'doxxing', 1],
    ]);
  });

  it('counts nothing for a decision without signals', async () => {
    const { metrics, signals } = setup();
    metrics.decisionRecorded({
      actor: 'moderator-1',
      action: 'approve',
      decision: { reasons: [{ code: 'NO_FLAGS', evidence: { scores: {} } }] },
    });
    metrics.decisionRecorded({ actor: 'auto', action: 'approve', decision: null });
    expect(await signals()).toEqual([]);
  });
});
