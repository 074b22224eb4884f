import { randomUUID } from 'node:crypto';
import { aSubmission, uniqueArticleId } from '../support/factories';
import { createSite as createSiteInDb, NO_FLOOD, withDb } from '../support/fixtures';
import {
  eventually,
  getJson,
  postJson,
  type RunningSystem,
  startSystem,
  TEST_ADMIN_TOKEN,
} from '../support/system';

const THREE_LINKS =
  "I think the article gets the 2019 figures wrong. The ministry's own tables " +
  '(https://www.stats.gov.cn/english/, https://www.customs.gov.cn/ and https://comtrade.un.org/) show a ' +
  'smaller rise, and the author should say which series was used.';

interface QueueCount {
  count: number;
  capped: boolean;
  oldestSubmittedAt: string | null;
  newestSubmittedAt: string | null;
}

interface Summary {
  siteId: string;
  held: QueueCount;
  reported: QueueCount;
}

interface QueueItem {
  id: string;
  submittedAt: string;
  version: number;
}

describe('GET /v1/moderation/queue/summary', () => {
  let system: RunningSystem;
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  let siteId: string;
  let otherSiteId: string;
  let mod: Record<string, string>;
  let otherMod: Record<string, string>;

  const api = (path: string) => `${system.moderationUrl}${path}`;
  const submit = (body: Record<string, unknown>) => postJson(`${system.ingestUrl}/v1/comments`, body);
  const summary = (query: string, headers: Record<string, string>) =>
    getJson(api(`/v1/moderation/queue/summary?${query}`), headers);
  const statusOf = async (id: string) => (await getJson(api(`/v1/comments/${id}`))).json.status as string;
  const decided = (id: string) =>
    eventually(
      async () => {
        const s = await statusOf(id);
        return s === 'pending' ? undefined : s;
      },
      { what: `a decision on ${id}` },
    );
  const queue = async (site: string, status: string, extra = '') =>
    (await getJson(api(`/v1/moderation/queue?siteId=${site}&status=${status}&limit=200${extra}`), mod)).json
      .items as QueueItem[];

  async function createSite(extra: Record<string, unknown> = {}): Promise<string> {
    const id = `site-${randomUUID().slice(0, 8)}`;
    const res = await postJson(
      api('/v1/admin/sites'),
      { id, name: `Site ${id}`, allowedOrigins: ['https://news.example'], policy: NO_FLOOD, ...extra },
      admin,
    );
    expect(res.status).toBe(201);
    // Ingest learns the site from sites.configured.v1; the warm-up comment is approved, in no counted queue.
    await eventually(
      async () => {
        const r = await submit(aSubmission({ siteId: id, content: 'Warming up the new site.' }));
        return r.status === 202 ? r : undefined;
      },
      { what: `ingest to know ${id}` },
    );
    return id;
  }

  async function moderatorOf(site: string): Promise<Record<string, string>> {
    const res = await postJson(
      api('/v1/admin/moderators'),
      {
        name: 'Maria',
        email: `maria-${randomUUID().slice(0, 6)}@news.example`,
        role: 'moderator',
        sites: [site],
      },
      admin,
    );
    expect(res.status).toBe(201);
    return { authorization: `Bearer ${res.json.token as string}` };
  }

  async function heldComment(site: string): Promise<string> {
    const res = await submit(aSubmission({ siteId: site, content: THREE_LINKS }));
    expect(res.status).toBe(202);
    expect(await decided(res.json.id as string)).toBe('held');
    return res.json.id as string;
  }

  beforeAll(async () => {
    system = await startSystem();
    siteId = await createSite({ reportThreshold: 1 });
    otherSiteId = await createSite();
    mod = await moderatorOf(siteId);
    otherMod = await moderatorOf(otherSiteId);
  });

  afterAll(async () => {
    await system?.close();
  });

  it('counts the held and reported queues as the queue lists them, with their oldest and newest times', async () => {
    const empty = await summary(`siteId=${siteId}`, mod);
    expect(empty.status).toBe(200);
    const none = { count: 0, capped: false, oldestSubmittedAt: null, newestSubmittedAt: null };
    expect(empty.json).toEqual({ siteId, held: none, reported: none });

    const first = await heldComment(siteId);
    const second = await heldComment(siteId);
    const published = await submit(
      aSubmission({ siteId, articleId: uniqueArticleId(), content: 'A fair point.' }),
    );
    const reportedId = published.json.id as string;
    expect(await decided(reportedId)).toBe('approved');
    expect((await postJson(api(`/v1/comments/${reportedId}/reports`), { reason: 'abusive' })).status).toBe(
      202,
    );
    await eventually(async () => ((await queue(siteId, 'reported')).length === 1 ? true : undefined), {
      what: 'the comment in the reported queue',
    });

    const held = await queue(siteId, 'held');
    expect(held.map((i) => i.id)).toEqual([first, second]);
    const reported = await queue(siteId, 'reported');
    const got = (await summary(`siteId=${siteId}`, mod)).json as unknown as Summary;
    expect(got).toEqual({
      siteId,
      held: {
        count: 2,
        capped: false,
        oldestSubmittedAt: held[0].submittedAt,
        newestSubmittedAt: held[1].submittedAt,
      },
      reported: {
        count: 1,
        capped: false,
        oldestSubmittedAt: reported[0].submittedAt,
        newestSubmittedAt: reported[0].submittedAt,
      },
    });
    // An administrator sees the same.
    expect((await summary(`siteId=${siteId}`, admin)).json).toEqual(got);

    // Deciding the oldest takes it out of the count, and the next becomes the oldest.
    const decision = await postJson(
      api(`/v1/moderation/comments/${first}/decision`),
      { action: 'reject', expectedVersion: held[0].version },
      mod,
    );
    expect(decision.status).toBe(200);
    expect(((await summary(`siteId=${siteId}`, mod)).json as unknown as Summary).held).toEqual({
      count: 1,
      capped: false,
      oldestSubmittedAt: held[1].submittedAt,
      newestSubmittedAt: held[1].submittedAt,
    });
  });

  it('stops counting at 10,000 and says the count is capped', async () => {
    const big = await createSiteInDb();
    await withDb((db) =>
      db.query(
        `INSERT INTO moderation.comments (id, site_id, article_id, depth, author_name, content, content_hash,
           status, decision, submitted_at, decided_at, decided_by)
         SELECT gen_random_uuid(), $1, 'article-1', 1, 'Reader', 'Seeded', md5(n::text), 'held',
                '{"action":"hold","reasons":[],"scores":{},"modelVersions":{}}'::jsonb,
                timestamptz '2025-01-01' + make_interval(secs => n), now(), 'auto'
           FROM generate_series(1, 10001) AS n`,
        [big],
      ),
    );
    const got = await summary(`siteId=${big}`, admin);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({
      siteId: big,
      held: {
        count: 10000,
        capped: true,
        oldestSubmittedAt: '2025-01-01T00:00:01.000Z',
        newestSubmittedAt: '2025-01-01T02:46:41.000Z',
      },
      reported: { count: 0, capped: false, oldestSubmittedAt: null },
    });
  });

  it("refuses another site's moderator 403, an unknown site 404 for an admin, and bad queries 400", async () => {
    expect((await summary(`siteId=${siteId}`, {})).status).toBe(401);
    expect((await summary(`siteId=${siteId}`, { authorization: 'Bearer nope' })).status).toBe(401);
    const foreign = await summary(`siteId=${siteId}`, otherMod);
    expect(foreign.status).toBe(403);
    expect(JSON.stringify(foreign.json)).not.toContain('count');

    const nowhere = `no-such-site-${randomUUID().slice(0, 8)}`;
    expect(await summary(`siteId=${nowhere}`, admin)).toMatchObject({
      status: 404,
      json: { code: 'SITE_NOT_FOUND' },
    });
    // A moderator learns nothing of other sites, existing or not.
    expect((await summary(`siteId=${nowhere}`, mod)).status).toBe(403);

    const got: string[] = [];
    const want: string[] = [];
    for (const [query, field] of [
      ['', 'siteId'],
      ['siteId=', 'siteId'],
      ['siteId=%3Cscript%3E', 'siteId'],
      [`siteId=${siteId}&status=held`, 'status'],
    ]) {
      const res = await summary(query, mod);
      const fields = (res.json.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];
      got.push(`?${query}: ${res.status} ${String(res.json.code)} ${fields.join(',')}`);
      want.push(`?${query}: 400 VALIDATION_FAILED ${field}`);
    }
    expect(got).toEqual(want);
  });
});
