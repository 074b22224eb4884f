import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  articleKey,
  CommentApprovedV1,
  CommentRemovedV1,
  createEnvelope,
  type EventEnvelope,
  Topics,
} from '@replyguard/contracts';
import { v7 as uuidv7 } from 'uuid';
import { createArticlesApp } from '../../apps/articles/src/articles.app';
import { uniqueArticleId } from '../support/factories';
import { withDb } from '../support/fixtures';
import { testKafka } from '../support/kafka';
import { eventually, getJson } from '../support/system';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 28, 12, minutes)).toISOString();

function approval(
  articleId: string,
  commentId: string,
  approvedAt: string,
  parentId: string | null = null,
): EventEnvelope<CommentApprovedV1> {
  const data: CommentApprovedV1 = {
    commentId,
    siteId: 'default',
    articleId,
    parentId,
    authorName: 'Ann',
    authorUrl: null,
    content: `Comment ${commentId.slice(-4)}`,
    submittedAt: at(0),
    approvedAt,
    approvedBy: 'auto',
  };
  return createEnvelope(CommentApprovedV1.info, data, {
    source: '/test',
    subject: commentId,
    correlationId: commentId,
  });
}

function removal(articleId: string, commentId: string, removedAt: string): EventEnvelope<CommentRemovedV1> {
  const data: CommentRemovedV1 = {
    commentId,
    siteId: 'default',
    articleId,
    removedAt,
    removedBy: 'moderator-1',
    reason: 'rejected',
  };
  return createEnvelope(CommentRemovedV1.info, data, {
    source: '/test',
    subject: commentId,
    correlationId: commentId,
  });
}

interface V2Comment {
  id: string;
  state: string;
  content: string | null;
  authorName: string | null;
  replies: V2Comment[];
}

/**
 * An approval and a removal of one comment travel on different topics, so the article service may
 * read them in either order (after an outage, both wait in the backlog). What it shows must follow the
 * order in which they were decided, not read.
 */
describe('articles: approvals and removals apply in the order they were decided', () => {
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

  /** Sends each event and waits until the article service has handled it. */
  async function deliver(topic: string, event: EventEnvelope<{ articleId: string }>): Promise<void> {
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: articleKey('default', event.data.articleId), value: JSON.stringify(event) }],
    });
    await producer.disconnect();
    await eventually(
      () =>
        withDb(async (db) => {
          const { rowCount } = await db.query(
            'SELECT 1 FROM articles.processed_messages WHERE message_id = $1',
            [event.id],
          );
          return rowCount === 1 ? true : undefined;
        }),
      { what: `event ${event.id} handled` },
    );
  }

  const v1 = async (articleId: string) =>
    (await getJson(`${url}/v1/sites/default/articles/${articleId}/comments`)).json as unknown as {
      count: number;
      comments: { id: string; replies: unknown[] }[];
    };
  const v2 = async (articleId: string) =>
    (await getJson(`${url}/v2/sites/default/articles/${articleId}/comments`)).json as unknown as {
      count: number;
      comments: V2Comment[];
    };

  it('keeps a comment down when its removal is read before the approval it undid', async () => {
    const articleId = uniqueArticleId('removal-first');
    const id = uuidv7();
    await deliver(Topics.CommentRemovedV1, removal(articleId, id, at(5)));
    await deliver(Topics.CommentApprovedV1, approval(articleId, id, at(1)));
    expect((await v1(articleId)).count).toBe(0);
    expect((await v2(articleId)).comments).toEqual([]);

    // A reply approved before the take-down keeps its place under the placeholder in v2.
    const reply = uuidv7();
    await deliver(Topics.CommentApprovedV1, approval(articleId, reply, at(2), id));
    const threadV2 = await v2(articleId);
    expect(threadV2.count).toBe(1);
    expect(threadV2.comments).toEqual([
      expect.objectContaining({
        id,
        state: 'removed',
        authorName: null,
        content: null,
        replies: [expect.objectContaining({ id: reply, state: 'published', content: expect.any(String) })],
      }),
    ]);
    // v1 is unchanged: the reply at the top level.
    expect((await v1(articleId)).comments.map((c) => c.id)).toEqual([reply]);
  });

  it('publishes again on an approval decided after the removal, and not on a removal older than it', async () => {
    const articleId = uniqueArticleId('second-thought');
    const id = uuidv7();
    await deliver(Topics.CommentApprovedV1, approval(articleId, id, at(1)));
    await deliver(Topics.CommentRemovedV1, removal(articleId, id, at(2)));
    expect((await v1(articleId)).count).toBe(0);
    // The moderator changes their mind: approved again after the removal.
    await deliver(Topics.CommentApprovedV1, approval(articleId, id, at(3)));
    expect((await v1(articleId)).comments.map((c) => c.id)).toEqual([id]);
    expect((await v2(articleId)).comments[0]).toMatchObject({ id, state: 'published', authorName: 'Ann' });

    // Read late, a removal decided before that approval changes nothing.
    const other = uuidv7();
    await deliver(Topics.CommentApprovedV1, approval(articleId, other, at(6)));
    await deliver(Topics.CommentRemovedV1, removal(articleId, other, at(4)));
    expect((await v1(articleId)).comments.map((c) => c.id)).toEqual([id, other]);
  });

  it('keeps no author and no text of a taken-down comment', async () => {
    const articleId = uniqueArticleId('placeholder');
    const id = uuidv7();
    await deliver(Topics.CommentApprovedV1, approval(articleId, id, at(1)));
    await deliver(Topics.CommentRemovedV1, removal(articleId, id, at(2)));
    const row = await withDb(async (db) => {
      const { rows } = await db.query<Record<string, unknown>>(
        'SELECT * FROM articles.comments WHERE id = $1',
        [id],
      );
      return rows[0];
    });
    expect(row).toMatchObject({
      author_name: null,
      author_url: null,
      content: null,
      removed_at: expect.any(Date),
    });
  });
});
