import { MetricsRegistry } from '@replyguard/platform';
import { PublicationMetrics } from './publication.metrics';

const NOW = Date.parse('2026-11-28T04:00:10.000Z');

/**
 * Publishes one comment at NOW on fresh metrics; returns the histogram's `_sum` and `_count`
 * samples by their `since` label.
 */
async function publishedAtNow(c: { submittedAt: string; approvedAt: string; approvedBy: string }) {
  const registry = new MetricsRegistry('articles');
  new PublicationMetrics(registry).published(c, NOW);
  const samples = { sum: new Map<string, number>(), count: new Map<string, number>() };
  for (const line of (await registry.text()).body.split('\n')) {
    const m = /^replyguard_publication_delay_seconds_(sum|count)\{.*since="(\w+)".*\} (\S+)$/.exec(line);
    if (m) samples[m[1] as 'sum' | 'count'].set(m[2], Number(m[3]));
  }
  return samples;
}

describe(PublicationMetrics.name, () => {
  it('times an automatic approval from its approval and from its submission', async () => {
    const { sum } = await publishedAtNow({
      submittedAt: '2026-11-28T04:00:09.950Z',
      approvedAt: '2026-11-28T04:00:09.980Z',
      approvedBy: 'auto',
    });
    expect(sum.get('approval')).toBeCloseTo(0.02, 6);
    expect(sum.get('submission')).toBeCloseTo(0.05, 6);
  });

  it("times a moderator's approval from the approval only: the wait for the human is another metric", async () => {
    const { count } = await publishedAtNow({
      submittedAt: '2026-11-28T01:00:00.000Z',
      approvedAt: '2026-11-28T04:00:09.900Z',
      approvedBy: 'mod-1',
    });
    expect(count.get('approval')).toBe(1);
    expect(count.has('submission')).toBe(false);
  });

  it('never observes a negative delay when clocks disagree', async () => {
    const { sum } = await publishedAtNow({
      submittedAt: '2026-11-28T04:00:11.000Z',
      approvedAt: '2026-11-28T04:00:12.000Z',
      approvedBy: 'auto',
    });
    expect(sum.get('approval')).toBe(0);
    expect(sum.get('submission')).toBe(0);
  });
});
