import { aSubmission, uniqueArticleId } from '../support/factories';
import { withDb } from '../support/fixtures';
import { eventually, getJson, postJson, type RunningSystem, startSystem } from '../support/system';

/**
 * Behind a reverse proxy every reader reaches the services from the proxy's address. The moderation
 * service counts reader reports one per reader by client IP, so, like ingest, it must believe the
 * proxy's X-Forwarded-For (TRUSTED_PROXIES), or the first report of a comment would be its only one.
 */
describe('the moderation service behind a trusted reverse proxy', () => {
  let system: RunningSystem;
  const previous = process.env.TRUSTED_PROXIES;

  beforeAll(async () => {
    // The tests connect from 127.0.0.1: it plays the proxy.
    process.env.TRUSTED_PROXIES = '127.0.0.1';
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.close();
    if (previous === undefined) delete process.env.TRUSTED_PROXIES;
    else process.env.TRUSTED_PROXIES = previous;
  });

  it('counts the reports of two readers forwarded by the proxy as two, and a repeat of one as none', async () => {
    const articleId = uniqueArticleId('proxied');
    const posted = await postJson(`${system.ingestUrl}/v1/comments`, aSubmission({ articleId }));
    expect(posted.status).toBe(202);
    const id = posted.json.id as string;
    await eventually(
      async () =>
        (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status === 'approved'
          ? true
          : undefined,
      { what: 'the comment approved' },
    );
    const reportAs = (reader: string) =>
      postJson(
        `${system.moderationUrl}/v1/comments/${id}/reports`,
        { reason: 'spam' },
        { 'x-forwarded-for': reader },
      );

    expect((await reportAs('203.0.113.7')).status).toBe(202);
    expect((await reportAs('198.51.100.23')).status).toBe(202);
    expect((await reportAs('203.0.113.7')).status).toBe(202);

    const { count, readers } = await withDb(async (db) => {
      const c = await db.query<{ report_count: number }>(
        'SELECT report_count FROM moderation.comments WHERE id = $1',
        [id],
      );
      const r = await db.query<{ n: number }>(
        'SELECT count(DISTINCT reporter_hash)::int AS n FROM moderation.reports WHERE comment_id = $1',
        [id],
      );
      return { count: c.rows[0].report_count, readers: r.rows[0].n };
    });
    expect(readers).toBe(2);
    expect(count).toBe(2);
  });
});
