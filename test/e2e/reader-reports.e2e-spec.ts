import { randomUUID } from 'node:crypto';
import { aSubmission, uniqueArticleId } from '../support/factories';
import { withDb } from '../support/fixtures';
import { reportFrom, sendFrom } from '../support/readers';
import {
  eventually,
  getJson,
  postJson,
  type RunningSystem,
  startSystem,
  TEST_ADMIN_TOKEN,
} from '../support/system';

interface Report {
  reason: string;
  note: string | null;
  at: string;
}

interface QueueItem {
  id: string;
  version: number;
  reportCount: number;
  published?: boolean;
  reports?: { byReason: Record<string, number>; withNotes: number; latestNotes: Report[] };
}

interface ReportPage {
  id: string;
  items: Report[];
  nextCursor: string | null;
}

const IMG_NOTE = '<img src=x onerror=alert(1)> calls another reader an idiot';
const SITE_ORIGIN = 'https://news.example';

/**
 * What readers said about a comment reaches its moderators: counts by reason and the newest notes
 * on the queue item, every report on GET /v1/moderation/comments/{id}/reports; never who said it.
 */
describe('reader reports in the moderator API', () => {
  let system: RunningSystem;
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  let siteId: string;
  let mod: Record<string, string>;
  let otherMod: Record<string, string>;

  const api = (path: string) => `${system.moderationUrl}${path}`;
  const report = (id: string, ip: string, body: Record<string, unknown>) =>
    reportFrom(ip, api(`/v1/comments/${id}/reports`), body);

  async function createSite(extra: Record<string, unknown> = {}): Promise<string> {
    const id = `site-${randomUUID().slice(0, 8)}`;
    const policy = { flood: { maxPerWindow: 100_000, windowSeconds: 60 } };
    const res = await postJson(api('/v1/admin/sites'), { id, name: `Site ${id}`, policy, ...extra }, admin);
    expect(res.status).toBe(201);
    return id;
  }

  async function moderator(sites: string[]): Promise<Record<string, string>> {
    const res = await postJson(
      api('/v1/admin/moderators'),
      { name: 'Rita', email: `rita-${randomUUID().slice(0, 8)}@news.example`, role: 'moderator', sites },
      admin,
    );
    expect(res.status).toBe(201);
    return { authorization: `Bearer ${res.json.token as string}` };
  }

  /** An approved, published comment that readers may report. */
  async function published(content: string): Promise<string> {
    const res = await eventually(
      async () => {
        const r = await postJson(
          `${system.ingestUrl}/v1/comments`,
          aSubmission({ siteId, articleId: uniqueArticleId(), content }),
        );
        return r.status === 202 ? r : undefined;
      },
      { what: `ingest to know ${siteId}` },
    );
    const id = res.json.id as string;
    await eventually(
      async () => ((await getJson(api(`/v1/comments/${id}`))).json.status === 'approved' ? true : undefined),
      { what: `${id} approved` },
    );
    return id;
  }

  async function queueItem(status: string, id: string): Promise<QueueItem> {
    return eventually(
      async () => {
        const page = await getJson(
          api(`/v1/moderation/queue?siteId=${siteId}&status=${status}&limit=200`),
          mod,
        );
        return (page.json.items as QueueItem[]).find((i) => i.id === id);
      },
      { what: `${id} in the ${status} queue` },
    );
  }

  beforeAll(async () => {
    system = await startSystem();
    siteId = await createSite({ reportThreshold: 3, allowedOrigins: [SITE_ORIGIN] });
    mod = await moderator([siteId]);
    otherMod = await moderator([await createSite()]);
  });

  afterAll(async () => {
    await system?.close();
  });

  it('shows counts by reason and the newest notes on the queue item, and who reported never', async () => {
    const id = await published('The minister is a clown and so is anyone who voted for her.');
    const readers: [string, Record<string, unknown>][] = [
      ['127.0.0.11', { reason: 'abusive', note: 'Insults the minister, not her policy.' }],
      ['127.0.0.12', { reason: 'spam' }],
      ['127.0.0.13', { reason: 'abusive', note: IMG_NOTE }],
      ['127.0.0.14', { reason: 'off-topic', note: 'Nothing to do with the article.' }],
    ];
    for (const [ip, body] of readers) expect((await report(id, ip, body)).status).toBe(202);
    // The same reader again counts once.
    expect((await report(id, '127.0.0.12', { reason: 'other', note: 'again' })).status).toBe(202);

    const item = await queueItem('reported', id);
    expect(item.reportCount).toBe(4);
    // Reported, and still in the thread: this site does not unpublish on reports.
    expect(item.published).toBe(true);
    expect(item.reports).toEqual({
      byReason: { spam: 1, abusive: 2, 'off-topic': 1, other: 0 },
      withNotes: 3,
      latestNotes: [
        { reason: 'off-topic', note: 'Nothing to do with the article.', at: expect.any(String) as string },
        { reason: 'abusive', note: IMG_NOTE, at: expect.any(String) as string },
        {
          reason: 'abusive',
          note: 'Insults the minister, not her policy.',
          at: expect.any(String) as string,
        },
      ],
    });
    const times = item.reports!.latestNotes.map((n) => Date.parse(n.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // Nothing that tells readers apart: no reporter hash, no address.
    const hashes = await withDb(async (db) =>
      (
        await db.query<{ reporter_hash: string }>(
          'SELECT reporter_hash FROM moderation.reports WHERE comment_id = $1',
          [id],
        )
      ).rows.map((r) => r.reporter_hash),
    );
    expect(hashes).toHaveLength(4);
    const page = JSON.stringify(
      (await getJson(api(`/v1/moderation/queue?siteId=${siteId}&status=reported&limit=200`), mod)).json,
    );
    for (const secret of [...hashes, '127.0.0.1', 'reporter']) expect(page).not.toContain(secret);

    // One more report only counts: it is not a decision, so a moderator's version stays good.
    expect((await report(id, '127.0.0.15', { reason: 'spam' })).status).toBe(202);
    const after = await queueItem('reported', id);
    expect(after).toMatchObject({ reportCount: 5, version: item.version });
    const decision = await postJson(
      api(`/v1/moderation/comments/${id}/decision`),
      { action: 'approve', expectedVersion: item.version },
      mod,
    );
    expect(decision.status).toBe(200);

    // The moderator heard the readers out: the count starts again, so one new report does not
    // put the comment back in the reported queue.
    expect((await report(id, '127.0.0.16', { reason: 'abusive' })).status).toBe(202);
    const status = await getJson(api(`/v1/comments/${id}`));
    expect(status.json.status).toBe('approved');
    const count = await withDb(
      async (db) =>
        (
          await db.query<{ report_count: number }>(
            'SELECT report_count FROM moderation.comments WHERE id = $1',
            [id],
          )
        ).rows[0].report_count,
    );
    expect(count).toBe(1);
  });

  it('lists every report of a comment, newest first and paginated, to its site moderators only', async () => {
    const id = await published('Another comment readers will argue about at length.');
    const ips = ['127.0.1.21', '127.0.1.22', '127.0.1.23', '127.0.1.24', '127.0.1.25'];
    for (const [i, ip] of ips.entries()) {
      const body = i % 2 === 0 ? { reason: 'other', note: `note ${i}` } : { reason: 'spam' };
      expect((await report(id, ip, body)).status).toBe(202);
    }

    const seen: Report[] = [];
    let cursor: string | null = null;
    do {
      const res = await getJson(
        api(`/v1/moderation/comments/${id}/reports?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
        mod,
      );
      expect(res.status).toBe(200);
      const page = res.json as unknown as ReportPage;
      expect(page.id).toBe(id);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      { reason: 'other', note: 'note 4', at: expect.any(String) as string },
      { reason: 'spam', note: null, at: expect.any(String) as string },
      { reason: 'other', note: 'note 2', at: expect.any(String) as string },
      { reason: 'spam', note: null, at: expect.any(String) as string },
      { reason: 'other', note: 'note 0', at: expect.any(String) as string },
    ]);
    for (const r of seen) expect(Object.keys(r).sort()).toEqual(['at', 'note', 'reason']);

    // The queue item, past the threshold, carries the same newest notes.
    const item = await queueItem('reported', id);
    expect(item.reports?.latestNotes.map((n) => n.note)).toEqual(['note 4', 'note 2', 'note 0']);

    const foreign = await getJson(api(`/v1/moderation/comments/${id}/reports`), otherMod);
    expect(foreign.status).toBe(403);
    expect(foreign.json).toMatchObject({ code: 'FORBIDDEN' });
    expect(JSON.stringify(foreign.json)).not.toContain('note');
    expect((await getJson(api(`/v1/moderation/comments/${id}/reports`))).status).toBe(401);
    const unknown = await getJson(api(`/v1/moderation/comments/${randomUUID()}/reports`), mod);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 'COMMENT_NOT_FOUND' });
    const badCursor = await getJson(api(`/v1/moderation/comments/${id}/reports?cursor=nonsense`), mod);
    expect(badCursor.status).toBe(400);
    expect(badCursor.json).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('leaves the summary out of items no reader reported', async () => {
    const id = await published('A quiet, uncontroversial remark about the weather.');
    const item = await queueItem('approved', id);
    expect(item.reportCount).toBe(0);
    expect(item).not.toHaveProperty('reports');
    const none = await getJson(api(`/v1/moderation/comments/${id}/reports`), mod);
    expect(none.json).toEqual({ id, items: [], nextCursor: null });
  });

  describe('from a browser', () => {
    const reportCount = async (id: string) =>
      withDb(async (db) => {
        const r = await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM moderation.reports WHERE comment_id = $1',
          [id],
        );
        return r.rows[0].n;
      });

    it('takes JSON only: a form or text body, which any page can make a browser send, is a 415', async () => {
      const id = await published('A remark some page would like to see taken down.');
      const url = api(`/v1/comments/${id}/reports`);
      const form = await sendFrom('127.0.0.31', url, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'reason=abusive',
      });
      expect(form).toMatchObject({
        status: 415,
        json: { code: 'UNSUPPORTED_MEDIA_TYPE', details: { expected: ['application/json'] } },
      });
      // <form enctype="text/plain"> can shape a body like JSON.
      const text = await sendFrom('127.0.0.32', url, {
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ reason: 'abusive' }),
      });
      expect(text).toMatchObject({ status: 415, json: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
      expect(await reportCount(id)).toBe(0);
    });

    it('refuses a page of another origin, and answers its preflight with no CORS', async () => {
      const id = await published('Another remark some page would like to see taken down.');
      const url = api(`/v1/comments/${id}/reports`);
      for (const origin of ['https://evil.example', 'null']) {
        const res = await reportFrom('127.0.0.33', url, { reason: 'abusive' }, { origin });
        expect(res).toMatchObject({ status: 403, json: { code: 'ORIGIN_NOT_ALLOWED' } });
      }
      const preflight = await sendFrom('127.0.0.33', url, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
      expect(await reportCount(id)).toBe(0);
    });

    it("takes a report from a page of the comment's site, and one from a server (no Origin)", async () => {
      const id = await published('A remark readers of the site itself may report.');
      const url = api(`/v1/comments/${id}/reports`);
      const preflight = await sendFrom('127.0.0.34', url, {
        method: 'OPTIONS',
        headers: {
          origin: SITE_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers).toMatchObject({
        'access-control-allow-origin': SITE_ORIGIN,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
      });
      const fromPage = await sendFrom('127.0.0.34', url, {
        headers: { 'content-type': 'application/json', origin: SITE_ORIGIN },
        body: JSON.stringify({ reason: 'spam' }),
      });
      expect(fromPage).toMatchObject({ status: 202, json: { accepted: true } });
      expect(fromPage.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
      const fromServer = await reportFrom('127.0.0.35', url, { reason: 'spam' });
      expect(fromServer.status).toBe(202);
      expect(await reportCount(id)).toBe(2);
      // The comment's status, which the submitter's page polls, may be read from any page; the
      // moderator API answers no CORS, for the site's pages either.
      const status = await sendFrom('127.0.0.34', api(`/v1/comments/${id}`), {
        method: 'GET',
        headers: { origin: 'https://any-page.example' },
      });
      expect(status.status).toBe(200);
      expect(status.headers['access-control-allow-origin']).toBe('*');
      expect(status.headers['access-control-allow-credentials']).toBeUndefined();
      const moderator = await sendFrom('127.0.0.34', api('/v1/moderation/me'), {
        method: 'GET',
        headers: { origin: SITE_ORIGIN },
      });
      expect(moderator.status).toBe(401);
      expect(moderator.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
