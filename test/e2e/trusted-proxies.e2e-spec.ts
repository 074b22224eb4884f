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
  const previousLimit = process.env.INGEST_RATE_LIMIT_PER_IP;
  const perIpLimit = 3;

  beforeAll(async () => {
    // The tests connect from 127.0.0.1: it plays the proxy.
    process.env.TRUSTED_PROXIES = '127.0.0.1';
    process.env.INGEST_RATE_LIMIT_PER_IP = String(perIpLimit);
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.close();
    if (previous === undefined) delete process.env.TRUSTED_PROXIES;
    else process.env.TRUSTED_PROXIES = previous;
    if (previousLimit === undefined) delete process.env.INGEST_RATE_LIMIT_PER_IP;
    else process.env.INGEST_RATE_LIMIT_PER_IP = previousLimit;
  });

  const approvedComment = async (articleId: string): Promise<string> => {
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
    return id;
  };

  it('counts the reports of two readers forwarded by the proxy as two, and a repeat of one as none', async () => {
    const id = await approvedComment(uniqueArticleId('proxied'));
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

  // An IPv6 host picks any address of its /64: counted by address, it would be as many clients as it likes.
  it('counts an IPv6 reader by the /64 network, for reports and for the submission limit', async () => {
    const id = await approvedComment(uniqueArticleId('proxied-v6'));
    for (const reader of ['2001:db8:5:6::1', '2001:db8:5:6:a:b:c:d', '2001:db8:5:7::1']) {
      const report = await postJson(
        `${system.moderationUrl}/v1/comments/${id}/reports`,
        { reason: 'spam' },
        { 'x-forwarded-for': reader },
      );
      expect(report.status).toBe(202);
    }
    const readers = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            'SELECT count(DISTINCT reporter_hash)::int AS n FROM moderation.reports WHERE comment_id = $1',
            [id],
          )
        ).rows[0].n,
    );
    expect(readers).toBe(2);

    const submitFrom = async (ip: string) =>
      (
        await postJson(`${system.ingestUrl}/v1/comments`, aSubmission({ articleId: uniqueArticleId('v6') }), {
          'x-forwarded-for': ip,
        })
      ).status;
    const statuses: number[] = [];
    for (let host = 1; host <= perIpLimit + 1; host++)
      statuses.push(await submitFrom(`2001:db8:9:9::${host}`));
    expect(statuses).toEqual([...Array<number>(perIpLimit).fill(202), 429]);
    expect(await submitFrom('2001:db8:9:a::1')).toBe(202);
  });
});
