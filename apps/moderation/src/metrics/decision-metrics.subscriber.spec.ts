import { MetricsRegistry } from '@replyguard/platform';
import type { DataSource, InsertEvent, TransactionCommitEvent } from 'typeorm';
import type { CommentDecisionEntity } from '../comments/comment-decision.entity';
import { DecisionMetricsSubscriber } from './decision-metrics.subscriber';
import { ModerationMetrics } from './moderation.metrics';

const SUBMITTED = new Date('2026-01-01T10:00:00Z');
const DECIDED = new Date('2026-01-01T10:30:00Z');

function setup() {
  const registry = new MetricsRegistry('moderation');
  const dataSource = { subscribers: [] as unknown[] } as unknown as DataSource;
  const metrics = new ModerationMetrics(registry, dataSource);
  const subscriber = new DecisionMetricsSubscriber(dataSource, metrics);
  const runner = { isTransactionActive: true, data: {} };
  const insert = (actor: string, action: string) =>
    subscriber.afterInsert({
      entity: { actor, action, commentId: 'c1', decision: { reasons: [{ code: 'SPAM_MODEL' }] } },
      queryRunner: runner,
      manager: { query: () => Promise.resolve([{ submitted_at: SUBMITTED, decided_at: DECIDED }]) },
    } as unknown as InsertEvent<CommentDecisionEntity>);
  const txEvent = { queryRunner: runner } as unknown as TransactionCommitEvent;
  const value = async (name: string) =>
    ((await registry.registry.getSingleMetric(name)?.get())?.values ?? []).map((v) => ({
      labels: v.labels,
      value: v.value,
      metricName: (v as { metricName?: string }).metricName,
    }));
  return { subscriber, insert, txEvent, value, dataSource };
}

describe(DecisionMetricsSubscriber.name, () => {
  it('registers itself with the data source', () => {
    const { dataSource, subscriber } = setup();
    expect(dataSource.subscribers).toContain(subscriber);
  });

  it('counts a decision only when its transaction commits, and times a moderator decision', async () => {
    const { subscriber, insert, txEvent, value } = setup();
    await insert('moderator-7', 'reject');
    expect(await value('replyguard_decisions_total')).toEqual([]);
    subscriber.afterTransactionCommit(txEvent);
    expect(await value('replyguard_decisions_total')).toEqual([
      {
        labels: { decider: 'moderator', action: 'reject', reason: 'SPAM_MODEL' },
        value: 1,
        metricName: undefined,
      },
    ]);
    const histogram = await value('replyguard_time_to_human_decision_seconds');
    expect(histogram.find((v) => v.metricName?.endsWith('_sum'))?.value).toBe(1800);
    expect(histogram.find((v) => v.metricName?.endsWith('_count'))?.value).toBe(1);
  });

  it('forgets a decision whose transaction rolls back, and never times automatic ones', async () => {
    const { subscriber, insert, txEvent, value } = setup();
    await insert('moderator-7', 'approve');
    subscriber.afterTransactionRollback(txEvent);
    await insert('auto', 'approve');
    subscriber.afterTransactionCommit(txEvent);
    const decisions = await value('replyguard_decisions_total');
    expect(decisions.map((d) => d.labels.decider)).toEqual(['auto']);
    const histogram = await value('replyguard_time_to_human_decision_seconds');
    expect(histogram.find((v) => v.metricName?.endsWith('_count'))?.value).toBe(0);
  });
});
