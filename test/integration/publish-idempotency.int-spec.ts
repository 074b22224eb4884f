import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { articleKey, CommentApprovedV1, createEnvelope, Topics } from '@replyguard/contracts';
import { v7 as uuidv7 } from 'uuid';
import { createArticlesApp } from '../../apps/articles/src/articles.app';
import { PublishCommentHandler } from '../../apps/articles/src/comments/publish-comment/publish-comment.handler';
import { uniqueArticleId } from '../support/factories';
import { withDb } from '../support/fixtures';
import { testKafka } from '../support/kafka';
import { eventually, getJson } from '../support/system';

function approval(articleId: string, content: string) {
  const commentId = uuidv7();
  const now = new Date().toISOString();
  const data: CommentApprovedV1 = {
    commentId,
    siteId: 'default',
    articleId,
    parentId: null,
    authorName: 'Ann',
    authorUrl: null,
    content,
    submittedAt: now,
    approvedAt: now,
    approvedBy: 'auto',
  };
  return createEnvelope(CommentApprovedV1.info, data, {
    source: '/test',
    subject: commentId,
    correlationId: commentId,
  });
}

describe('articles: a redelivered approval is applied once', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    app = await createArticlesApp();
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('publishes the comment once when the same event arrives twice', async () => {
    const articleId = uniqueArticleId();
    const first = approval(articleId, 'First, delivered twice.');
    const marker = approval(articleId, 'Second, sent after the redelivery.');
    const producer = testKafka().producer();
    await producer.connect();
    const key = articleKey('default', articleId);
    // Same key, same partition: when the marker is published, the redelivery has been handled.
    for (const envelope of [first, first, marker]) {
      await producer.send({
        topic: Topics.CommentApprovedV1,
        acks: -1,
        messages: [{ key, value: JSON.stringify(envelope) }],
      });
    }
    await producer.disconnect();

    const thread = await eventually(
      async () => {
        const t = (await getJson(`${url}/v1/sites/default/articles/${articleId}/comments`)).json as {
          count: number;
          comments: { id: string }[];
        };
        return t.comments.some((c) => c.id === marker.data.commentId) ? t : undefined;
      },
      { what: 'the marker comment' },
    );
    expect(thread.count).toBe(2);
    expect(thread.comments.map((c) => c.id)).toEqual([first.data.commentId, marker.data.commentId]);
    const processed = await withDb((db) =>
      db.query('SELECT count(*)::int AS n FROM articles.processed_messages WHERE message_id = $1', [
        first.id,
      ]),
    );
    expect(processed.rows[0].n).toBe(1);
  });

  it('sends a malformed approval to the dead-letter topic and goes on', async () => {
    const articleId = uniqueArticleId();
    const after = approval(articleId, 'Published after a poison message.');
    const producer = testKafka().producer();
    await producer.connect();
    const key = articleKey('default', articleId);
    await producer.send({
      topic: Topics.CommentApprovedV1,
      acks: -1,
      messages: [
        { key, value: 'this is not json' },
        { key, value: JSON.stringify({ ...after, id: uuidv7(), data: { ...after.data, authorName: 42 } }) },
        { key, value: JSON.stringify(after) },
      ],
    });
    await producer.disconnect();
    await eventually(
      async () => {
        const t = (await getJson(`${url}/v1/sites/default/articles/${articleId}/comments`)).json as {
          count: number;
        };
        return t.count === 1 ? t : undefined;
      },
      { what: 'the comment after the poison messages' },
    );
    const consumer = testKafka().consumer({ groupId: `test-dlq-${uuidv7()}` });
    const dead: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: `${Topics.CommentApprovedV1}.dlq`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() === key) dead.push(String(message.headers?.['x-dlq-error-code']));
      },
    });
    try {
      await eventually(async () => (dead.length >= 2 ? true : undefined), { what: 'two dead letters' });
      expect(dead).toEqual(['CONTRACT_VIOLATION', 'CONTRACT_VIOLATION']);
    } finally {
      await consumer.disconnect();
    }
  });
  it('claims and publishes a batch in one statement: a repeat in the batch and a second event for a published comment change nothing; after a removal a new approval publishes again', async () => {
    const handler = app.get(PublishCommentHandler);
    const articleId = uniqueArticleId();
    const first = approval(articleId, 'Published by the batch.');
    // Another event about the same comment (say, approved twice by two moderators).
    const again = { ...approval(articleId, 'Published by the batch.'), data: first.data };
    const applied = await handler.executeBatch([first, first, again]);
    expect([...applied].sort()).toEqual([first.id, again.id].sort());
    const rows = () =>
      withDb((db) =>
        db.query<{ id: string; content: string }>(
          'SELECT id, content FROM articles.comments WHERE article_id = $1',
          [articleId],
        ),
      );
    expect((await rows()).rows).toEqual([{ id: first.data.commentId, content: 'Published by the batch.' }]);

    // Redelivered: claimed before, so nothing is applied.
    expect((await handler.executeBatch([first])).size).toBe(0);

    // Removed, then approved again with a new event: published again.
    await withDb((db) => db.query('DELETE FROM articles.comments WHERE id = $1', [first.data.commentId]));
    const reapproved = { ...approval(articleId, 'Published by the batch.'), data: first.data };
    expect([...(await handler.executeBatch([reapproved]))]).toEqual([reapproved.id]);
    expect((await rows()).rows.map((r) => r.id)).toEqual([first.data.commentId]);
  });
});
