import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  articleKey,
  CommentSubmittedV1,
  createEnvelope,
  type EventEnvelope,
  Topics,
} from '@replyguard/contracts';
import { MetricsRegistry } from '@replyguard/platform';
import { v7 as uuidv7 } from 'uuid';
import { createModerationApp } from '../../apps/moderation/src/moderation.app';
import { uniqueArticleId } from '../support/factories';
import { createSite, withDb } from '../support/fixtures';
import { recordTopics, testKafka } from '../support/kafka';
import { eventually } from '../support/system';

function submission(
  siteId: string,
  articleId: string,
  content: string,
  over: Partial<CommentSubmittedV1> = {},
): EventEnvelope<CommentSubmittedV1> {
  const commentId = uuidv7();
  const data: CommentSubmittedV1 = {
    commentId,
    siteId,
    articleId,
    parentId: null,
    authorName: 'Ann',
    authorEmail: 'ann@example.org',
    authorUrl: null,
    content,
    submittedAt: new Date().toISOString(),
    client: { ipHash: null, userAgent: 'test', referer: null },
    ...over,
  };
  return createEnvelope(CommentSubmittedV1.info, data, {
    source: '/test',
    subject: commentId,
    correlationId: commentId,
  });
}

/** Messages and batches the instance handed to batch handlers, from its own metrics. */
async function batchTotals(app: NestFastifyApplication): Promise<{ messages: number; batches: number }> {
  const metric = app.get(MetricsRegistry).registry.getSingleMetric('replyguard_kafka_consumer_batch_size');
  const values = (await metric?.get())?.values ?? [];
  const total = (suffix: string): number =>
    values
      .filter((v) => (v as { metricName?: string }).metricName?.endsWith(suffix))
      .reduce((n, v) => n + v.value, 0);
  return { messages: total('_sum'), batches: total('_count') };
}

describe('moderation decides a partition batch in one transaction, as if one by one', () => {
  let app: NestFastifyApplication;

  afterAll(async () => {
    await app?.close();
  });

  it('sees the earlier submissions of the same batch: duplicates, replies, floods; a poison message is dead-lettered', async () => {
    // A site with the default flood limit (5 a minute), and one article: one key, one partition.
    const siteId = await createSite();
    const articleId = uniqueArticleId('batch');
    const first = submission(siteId, articleId, 'The harbour plan ignores the tides.');
    const repeat = submission(siteId, articleId, 'The harbour plan ignores the tides.');
    const reply = submission(siteId, articleId, 'It does not: see page four.', {
      authorName: 'Bo',
      authorEmail: 'bo@example.org',
      parentId: first.data.commentId,
    });
    const flood = Array.from({ length: 6 }, (_, n) =>
      submission(siteId, articleId, `Another thought on the plan, number ${n}.`, {
        authorName: 'Cy',
        authorEmail: 'cy@example.org',
      }),
    );
    const valid = [first, repeat, reply, ...flood];
    const key = articleKey(siteId, articleId);
    const recorder = await recordTopics([`${Topics.CommentSubmittedV1}.dlq`]);

    // Everything is on the topic before the consumer starts, so it arrives as one fetch.
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: Topics.CommentSubmittedV1,
      acks: -1,
      messages: [first, repeat, reply].map((e) => ({ key, value: JSON.stringify(e) })),
    });
    await producer.send({
      topic: Topics.CommentSubmittedV1,
      acks: -1,
      messages: [
        { key, value: '{"not": "an envelope"}' },
        ...flood.map((e) => ({ key, value: JSON.stringify(e) })),
      ],
    });
    await producer.disconnect();

    process.env.LOG_LEVEL ??= 'warn';
    // The usual group: it resumes where the earlier tests left it, just before these messages.
    app = await createModerationApp();
    await app.init();

    const ids = valid.map((e) => e.data.commentId);
    const rows = await eventually(
      async () => {
        const r = await withDb((db) =>
          db.query<{ id: string; status: string; depth: number; codes: string[]; decisions: number }>(
            `SELECT c.id, c.status, c.depth,
                    ARRAY(SELECT r->>'code' FROM jsonb_array_elements(c.decision->'reasons') r) AS codes,
                    (SELECT count(*)::int FROM moderation.comment_decisions d WHERE d.comment_id = c.id) AS decisions
               FROM moderation.comments c WHERE c.id = ANY($1::uuid[])`,
            [ids],
          ),
        );
        return r.rows.length === ids.length ? new Map(r.rows.map((row) => [row.id, row])) : undefined;
      },
      { timeoutMs: 30_000, what: `${ids.length} decisions` },
    );

    const of = (e: EventEnvelope<CommentSubmittedV1>) => rows.get(e.data.commentId)!;
    expect(of(first).status).toBe('approved');
    expect(of(repeat).status).toBe('rejected');
    expect(of(repeat).codes).toContain('DUPLICATE');
    expect([of(reply).status, of(reply).depth]).toEqual(['approved', 2]);
    expect(flood.slice(0, 5).map((e) => of(e).status)).toEqual(Array(5).fill('approved'));
    expect(of(flood[5]).status).toBe('held');
    expect(of(flood[5]).codes).toContain('FLOOD');
    expect([...rows.values()].every((r) => r.decisions === 1)).toBe(true);

    // The poison message went to the dead-letter topic; the batch around it was decided.
    await eventually(async () => (recorder.messages.some((m) => m.key === key) ? true : undefined), {
      what: 'the dead letter',
    });
    expect(recorder.messages.filter((m) => m.key === key).map((m) => m.headers['x-dlq-error-code'])).toEqual([
      'CONTRACT_VIOLATION',
    ]);
    await recorder.stop();
    // They arrived in batches: fewer transactions than messages.
    const totals = await batchTotals(app);
    expect(totals.batches).toBeGreaterThan(0);
    expect(totals.messages).toBeGreaterThan(totals.batches);
  });
  it('trusts an author with an approved comment on the site: pre-moderation skipped for them, not for a newcomer', async () => {
    const siteId = await createSite({ mode: 'pre' });
    const articleId = uniqueArticleId('trust');
    const key = articleKey(siteId, articleId);
    const send = async (events: EventEnvelope<CommentSubmittedV1>[]): Promise<void> => {
      const producer = testKafka().producer();
      await producer.connect();
      await producer.send({
        topic: Topics.CommentSubmittedV1,
        acks: -1,
        messages: events.map((e) => ({ key, value: JSON.stringify(e) })),
      });
      await producer.disconnect();
    };
    const decided = (events: EventEnvelope<CommentSubmittedV1>[]) =>
      eventually(
        async () => {
          const r = await withDb((db) =>
            db.query<{ id: string; status: string; codes: string[] }>(
              `SELECT c.id, c.status,
                      ARRAY(SELECT r->>'code' FROM jsonb_array_elements(c.decision->'reasons') r) AS codes
                 FROM moderation.comments c WHERE c.id = ANY($1::uuid[])`,
              [events.map((e) => e.data.commentId)],
            ),
          );
          return r.rows.length === events.length ? new Map(r.rows.map((row) => [row.id, row])) : undefined;
        },
        { timeoutMs: 30_000, what: `${events.length} decisions` },
      );

    const firstFromDee = submission(siteId, articleId, 'First time here: the ferry timetable is wrong.', {
      authorName: 'Dee',
      authorEmail: 'dee@example.org',
    });
    await send([firstFromDee]);
    expect((await decided([firstFromDee])).get(firstFromDee.data.commentId)?.status).toBe('held');
    // A moderator approves it (the row as the moderator API leaves it).
    await withDb((db) =>
      db.query(`UPDATE moderation.comments SET status = 'approved' WHERE id = $1`, [
        firstFromDee.data.commentId,
      ]),
    );

    const againFromDee = submission(siteId, articleId, 'And the Sunday ferry leaves at nine, not ten.', {
      authorName: 'Dee',
      authorEmail: 'dee@example.org',
    });
    const fromEve = submission(siteId, articleId, 'I take that ferry too; it is nine.', {
      authorName: 'Eve',
      authorEmail: 'eve@example.org',
    });
    await send([againFromDee, fromEve]);
    const rows = await decided([againFromDee, fromEve]);
    expect(rows.get(againFromDee.data.commentId)).toMatchObject({ status: 'approved' });
    expect(rows.get(againFromDee.data.commentId)?.codes).toContain('TRUSTED_AUTHOR');
    expect(rows.get(fromEve.data.commentId)).toMatchObject({ status: 'held' });
    expect(rows.get(fromEve.data.commentId)?.codes).toEqual(['PREMODERATION']);
  });
});
