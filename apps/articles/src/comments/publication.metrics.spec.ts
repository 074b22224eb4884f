import { MetricsRegistry } from '@replyguard/platform';
import { PublicationMetrics } from './publication.metrics';

/** `name{...labels...}` sample values of the exposition text, keyed by their label string. */
async function samples(registry: MetricsRegistry, name: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const line of (await registry.text()).body.split('\n')) {
    const m = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (m && m[1] === name) out.set(m[2], Number(m[3]));
  }
  return out;
}

describe(PublicationMetrics.name, () => {
  const now = Date.parse('2026-11-28T04:00:10.000Z');

  it('times an automatic approval from its approval and from its submission', async () => {
    const registry = new MetricsRegistry('articles');
    new PublicationMetrics(registry).published(
      { submittedAt: '2026-11-28T04:00:09.950Z', approvedAt: '2026-11-28T04:00:09.980Z', approvedBy: 'auto' },
      now,
    );
    const sums = await samples(registry, 'replyguard_publication_delay_seconds_sum');
    expect(sums.get('service="articles",since="approval"')).toBeCloseTo(0.02, 6);
    expect(sums.get('service="articles",since="submission"')).toBeCloseTo(0.05, 6);
  });

  it("times a moderator's approval from the approval only: the wait for the human is another metric", async () => {
    const registry = new MetricsRegistry('articles');
    new PublicationMetrics(registry).published(
      {
        submittedAt: '2026-11-28T01:00:00.000Z',
        approvedAt: '2026-11-28T04:00:09.900Z',
        approvedBy: 'mod-1',
      },
      now,
    );
    const counts = await samples(registry, 'replyguard_publication_delay_seconds_count');
    expect(counts.get('service="articles",since="approval"')).toBe(1);
    expect(counts.has('service="articles",since="submission"')).toBe(false);
  });

  it('never observes a negative delay when clocks disagree', async () => {
    const registry = new MetricsRegistry('articles');
    new PublicationMetrics(registry).published(
      { submittedAt: '2026-11-28T04:00:11.000Z', approvedAt: '2026-11-28T04:00:12.000Z', approvedBy: 'auto' },
      now,
    );
    const sums = await samples(registry, 'replyguard_publication_delay_seconds_sum');
    expect(sums.get('service="articles",since="approval"')).toBe(0);
    expect(sums.get('service="articles",since="submission"')).toBe(0);
  });
});
