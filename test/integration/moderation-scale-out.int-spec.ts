import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { articleKey, CommentSubmittedV1, createEnvelope, Topics } from '@replyguard/contracts';
import { MetricsRegistry } from '@replyguard/platform';
import { randomUUID } from 'node:crypto';
import { AssignerProtocol } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { createModerationApp } from '../../apps/moderation/src/moderation.app';
import { uniqueArticleId } from '../support/factories';
import { withDb } from '../support/fixtures';
import { recordTopics } from '../support/kafka';
import { testKafka } from '../support/kafka';
import { eventually } from '../support/system';

const SUBMISSIONS = 60;

function submission(articleId: string, n: number) {
  const commentId = uuidv7();
  const data: CommentSubmittedV1 = {
    commentId,
    siteId: 'default',
    articleId,
    parentId: null,
    authorName: `Reader ${n}`,
    authorEmail: `reader-${randomUUID().slice(0, 8)}@example.org`,
    authorUrl: null,
    content: `A considered reply about the harbour plan, number ${n}.`,
    submittedAt: new Date().toISOString(),
    client: { ipHash: null, userAgent: 'test', referer: null },
  };
  return createEnvelope(CommentSubmittedV1.info, data, {
    source: '/test',
    subject: commentId,
    correlationId: commentId,
  });
}

/** Decisions an instance recorded, read from its own metrics registry. */
async function decisionsOf(app: NestFastifyApplication): Promise<number> {
  const metric = app.get(MetricsRegistry).registry.getSingleMetric('replyguard_decisions_total');
  const values = (await metric?.get())?.values ?? [];
  return values.reduce((sum, v) => sum + v.value, 0);
}

describe('moderation scales out: two instances in one consumer group', () => {
  const groupPrefix = `scale-${randomUUID().slice(0, 8)}`;
  const groupId = `${groupPrefix}-moderation`;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    process.env.OUTBOX_POLL_MS ??= '50';
    // A group of its own: these two instances share the submissions only with each other.
    process.env.KAFKA_GROUP_PREFIX = groupPrefix;
    for (let i = 0; i < 2; i++) {
      const app = await createModerationApp();
      await app.init();
      apps.push(app);
    }
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    delete process.env.KAFKA_GROUP_PREFIX;
  });

  it('shares the partitions and decides every submission exactly once', async () => {
    const admin = testKafka().admin();
    await admin.connect();
    try {
      // Both members hold partitions, none twice, and together all of them.
      const partitions = (await admin.fetchTopicMetadata({ topics: [Topics.CommentSubmittedV1] })).topics[0]
        .partitions.length;
      const owned = await eventually(
        async () => {
          const { groups } = await admin.describeGroups([groupId]);
          const group = groups[0];
          if (group?.state !== 'Stable' || group.members.length !== 2) return undefined;
          const perMember = group.members.map(
            (m) =>
              AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[
                Topics.CommentSubmittedV1
              ] ?? [],
          );
          return perMember.every((p) => p.length > 0) ? perMember : undefined;
        },
        { timeoutMs: 30_000, what: 'two members with partitions each' },
      );
      const all = owned.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBe(partitions);

      // Submissions spread over every partition (keys are site:article).
      const recorder = await recordTopics([
        Topics.CommentApprovedV1,
        Topics.CommentHeldV1,
        Topics.CommentRejectedV1,
      ]);
      const before = await Promise.all(apps.map(decisionsOf));
      const envelopes = Array.from({ length: SUBMISSIONS }, (_, n) =>
        submission(uniqueArticleId('scale'), n),
      );
      const producer = testKafka().producer();
      await producer.connect();
      await producer.send({
        topic: Topics.CommentSubmittedV1,
        acks: -1,
        messages: envelopes.map((e) => ({
          key: articleKey(e.data.siteId, e.data.articleId),
          value: JSON.stringify(e),
        })),
      });
      await producer.disconnect();

      const ids = envelopes.map((e) => e.data.commentId);
      const decisions = await eventually(
        async () => {
          const rows = await withDb((db) =>
            db.query<{ comment_id: string; n: number }>(
              `SELECT comment_id, count(*)::int AS n FROM moderation.comment_decisions
                WHERE comment_id = ANY($1::uuid[]) AND actor = 'auto' GROUP BY comment_id`,
              [ids],
            ),
          );
          return rows.rows.length === SUBMISSIONS ? rows.rows : undefined;
        },
        { timeoutMs: 30_000, what: `${SUBMISSIONS} decisions` },
      );
      expect(decisions.every((d) => d.n === 1)).toBe(true);

      // One decision event per submission, published once. The topics also hold other tests'
      // events and poison messages (not JSON): only this test's comment ids are looked at.
      const subjectsOf = (): string[] =>
        recorder.messages.flatMap((m) => {
          const id = ids.find((i) => m.value.includes(i));
          return id ? [id] : [];
        });
      await eventually(async () => (subjectsOf().length >= SUBMISSIONS ? true : undefined), {
        timeoutMs: 30_000,
        what: 'the decision events',
      });
      // Give a duplicate, were there one, the time to arrive.
      await new Promise((r) => setTimeout(r, 500));
      await recorder.stop();
      const subjects = subjectsOf();
      expect(new Set(subjects).size).toBe(SUBMISSIONS);
      expect(subjects.length).toBe(SUBMISSIONS);

      // Both instances did part of the work.
      const after = await Promise.all(apps.map(decisionsOf));
      const done = after.map((a, i) => a - before[i]);
      expect(done.every((n) => n > 0)).toBe(true);
      expect(done.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(SUBMISSIONS);
    } finally {
      await admin.disconnect();
    }
  });
});
