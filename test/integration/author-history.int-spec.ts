import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { v7 as uuidv7 } from 'uuid';
import { createModerationApp } from '../../apps/moderation/src/moderation.app';
import { QUEUE_COLUMNS, QueueItems, type QueueRow } from '../../apps/moderation/src/queue/queue-items';
import { uniqueArticleId } from '../support/factories';
import { withDb } from '../support/fixtures';

const MINUTE = 60_000;

/**
 * An author's record on a queue item counts their latest 100 other comments on the site, and says
 * when there are more: a prolific author costs a bounded index range, not a count of everything.
 */
describe('moderation: an author’s record on the queue', () => {
  let app: NestFastifyApplication;
  const now = Date.now();

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    app = await createModerationApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** `count` comments by one author, newest first: index 0 is the newest, `rejectedNewest` rejected. */
  async function author(count: number, rejectedNewest: number): Promise<{ ids: string[]; times: Date[] }> {
    const hash = `author-history-${randomUUID()}`;
    const ids: string[] = [];
    const times: Date[] = [];
    await withDb(async (db) => {
      for (let i = 0; i < count; i++) {
        const id = uuidv7();
        const at = new Date(now - (i + 1) * MINUTE);
        const status = i < rejectedNewest ? 'rejected' : 'approved';
        const decision = { action: 'approve', reasons: [], scores: {}, modelVersions: {} };
        await db.query(
          `INSERT INTO moderation.comments (id, site_id, article_id, parent_id, depth, author_name, author_email_hash,
             content, content_hash, status, decision, submitted_at, decided_at, decided_by, published,
             report_count, version)
           VALUES ($1, 'default', $2, NULL, 1, 'Pat', $3, 'Text.', $4, $5, $6, $7, $7, 'auto', $8, 0, 1)`,
          [
            id,
            uniqueArticleId('history'),
            hash,
            `h-${id}`,
            status,
            JSON.stringify(decision),
            at,
            status === 'approved',
          ],
        );
        ids.push(id);
        times.push(at);
      }
    });
    return { ids, times };
  }

  async function view(ids: string[]) {
    const db = app.get<DataSource>(getDataSourceToken());
    const rows = await db.query<QueueRow[]>(
      `SELECT ${QUEUE_COLUMNS} FROM moderation.comments WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const items = await app.get(QueueItems).view(db.manager, 'default', rows);
    return new Map(items.map((i) => [i.id, i.author]));
  }

  it('counts the latest 100 other comments and says there are more', async () => {
    const { ids, times } = await author(103, 40);
    const newest = ids[0];
    const oldest = ids[102];
    const authors = await view([newest, oldest]);
    const first = (times[102]).toISOString();
    // The newest comment's others are 1…102; the latest 100 of them are 1…100: 39 rejected, 61 approved.
    expect(authors.get(newest)).toEqual({
      comments: 100,
      approved: 61,
      held: 0,
      rejected: 39,
      reported: 0,
      capped: true,
      firstCommentAt: first,
    });
    // The oldest one's latest 100 others are 0…99: 40 rejected, 60 approved.
    expect(authors.get(oldest)).toMatchObject({ comments: 100, approved: 60, rejected: 40, capped: true });
  });

  it('is not capped at exactly 100 other comments', async () => {
    const { ids } = await author(101, 1);
    const authors = await view([ids[0], ids[1]]);
    expect(authors.get(ids[0])).toMatchObject({
      comments: 100,
      approved: 100,
      rejected: 0,
      capped: false,
    });
    expect(authors.get(ids[1])).toMatchObject({
      comments: 100,
      approved: 99,
      rejected: 1,
      capped: false,
    });
  });

  it('has no record for a comment whose author was erased', async () => {
    const { ids } = await author(2, 0);
    await withDb((db) =>
      db.query('UPDATE moderation.comments SET author_email_hash = NULL, erased_at = now() WHERE id = $1', [
        ids[0],
      ]),
    );
    const authors = await view(ids);
    expect(authors.get(ids[0])).toBeUndefined();
    expect(authors.get(ids[1])).toMatchObject({ comments: 0, capped: false });
  });
});
