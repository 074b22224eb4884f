import { Topics } from '@replyguard/contracts';
import { randomUUID } from 'node:crypto';
import { aSubmission, uniqueArticleId } from '../support/factories';
import { recordTopics } from '../support/kafka';
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

interface QueueItem {
  id: string;
  status: string;
  version: number;
  decision: { reasons: { code: string }[]; scores: { spam: number } };
}

describe('moderators work the queues', () => {
  let system: RunningSystem;
  let recorder: Awaited<ReturnType<typeof recordTopics>>;
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  let siteId: string;
  let otherSiteId: string;
  let mod: Record<string, string>;
  let otherMod: Record<string, string>;

  const api = (path: string) => `${system.moderationUrl}${path}`;
  const submit = (body: Record<string, unknown>) => postJson(`${system.ingestUrl}/v1/comments`, body);
  const status = async (id: string) => (await getJson(api(`/v1/comments/${id}`))).json.status as string;
  const decided = (id: string) =>
    eventually(
      async () => {
        const s = await status(id);
        return s === 'pending' ? undefined : s;
      },
      { what: `a decision on ${id}` },
    );
  const thread = async (site: string, article: string) =>
    (await getJson(`${system.articlesUrl}/v1/sites/${site}/articles/${article}/comments`)).json as {
      count: number;
      comments: { id: string; parentId: string | null; replies: unknown[] }[];
    };
  const queue = async (site: string, s: string, headers: Record<string, string>, extra = '') =>
    getJson(api(`/v1/moderation/queue?siteId=${site}&status=${s}${extra}`), headers);

  async function createSite(extra: Record<string, unknown> = {}): Promise<string> {
    const id = `site-${randomUUID().slice(0, 8)}`;
    // Every test comment comes from 127.0.0.1: lift the flood limit so it does not hold them.
    const policy = { flood: { maxPerWindow: 100_000, windowSeconds: 60 } };
    const res = await postJson(
      api('/v1/admin/sites'),
      { id, name: `Site ${id}`, allowedOrigins: ['https://news.example'], policy, ...extra },
      admin,
    );
    expect(res.status).toBe(201);
    // Ingest learns the site from sites.configured.v1.
    await eventually(
      async () => {
        const r = await submit(aSubmission({ siteId: id, content: 'Warming up the new site.' }));
        return r.status === 202 ? r : undefined;
      },
      { what: `ingest to know ${id}` },
    );
    return id;
  }

  async function heldComment(site: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await submit(aSubmission({ siteId: site, content: THREE_LINKS, ...overrides }));
    expect(res.status).toBe(202);
    expect(await decided(res.json.id as string)).toBe('held');
    return res.json.id as string;
  }

  async function item(site: string, s: string, id: string, headers = mod): Promise<QueueItem> {
    return eventually(
      async () => {
        const page = (await queue(site, s, headers, '&limit=200')).json as { items: QueueItem[] };
        return page.items.find((i) => i.id === id);
      },
      { what: `${id} in the ${s} queue` },
    );
  }

  beforeAll(async () => {
    system = await startSystem();
    recorder = await recordTopics([
      Topics.CommentApprovedV1,
      Topics.CommentRemovedV1,
      Topics.CommentRejectedV1,
    ]);
    siteId = await createSite({ reportThreshold: 1, unpublishOnReports: true });
    otherSiteId = await createSite();
    const m1 = await postJson(
      api('/v1/admin/moderators'),
      { name: 'Maria', email: 'maria@news.example', role: 'moderator', sites: [siteId] },
      admin,
    );
    const m2 = await postJson(
      api('/v1/admin/moderators'),
      { name: 'Otto', email: 'otto@other.example', role: 'moderator', sites: [otherSiteId] },
      admin,
    );
    expect(m1.status).toBe(201);
    expect(m1.json.token).toMatch(/^rgm_/);
    mod = { authorization: `Bearer ${m1.json.token as string}` };
    otherMod = { authorization: `Bearer ${m2.json.token as string}` };
  });

  afterAll(async () => {
    await system?.close();
    await recorder?.stop();
  });

  it('refuses missing and bad tokens with 401 and another site with 403, leaking nothing', async () => {
    expect((await queue(siteId, 'held', {})).status).toBe(401);
    expect((await queue(siteId, 'held', { authorization: 'Bearer nope' })).status).toBe(401);
    const foreign = await queue(siteId, 'held', otherMod);
    expect(foreign.status).toBe(403);
    expect(JSON.stringify(foreign.json)).not.toContain('items');
    expect((await postJson(api('/v1/admin/sites'), { id: 'x-site', name: 'x' }, mod)).status).toBe(403);
    const me = await getJson(api('/v1/moderation/me'), mod);
    expect(me.json).toMatchObject({ name: 'Maria', role: 'moderator', sites: [siteId] });
  });

  it('lists held comments with reasons and scores, cursor-paginated', async () => {
    const a = await heldComment(siteId);
    const b = await heldComment(siteId);
    const held = await item(siteId, 'held', a);
    expect(held.decision.reasons.map((r) => r.code)).toContain('LINKS_OVER_LIMIT');
    expect(typeof held.decision.scores.spam).toBe('number');
    const first = (await queue(siteId, 'held', mod, '&limit=1')).json as {
      items: QueueItem[];
      nextCursor: string;
    };
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await queue(siteId, 'held', mod, `&limit=1&cursor=${first.nextCursor}`)).json as {
      items: QueueItem[];
    };
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const newest = (await queue(siteId, 'held', mod, '&limit=1&order=newest')).json as { items: QueueItem[] };
    expect([a, b]).toContain(newest.items[0].id);
    expect((await queue(siteId, 'held', mod, '&cursor=garbage!')).status).toBe(400);
    // What a token shows is kept by no cache on the way; a reader's public route may be cached.
    const raw = await fetch(api(`/v1/moderation/queue?siteId=${siteId}&status=held`), { headers: mod });
    expect(raw.headers.get('cache-control')).toBe('no-store');
    const publicRoute = await fetch(api(`/v1/comments/${a}`));
    expect(publicRoute.headers.get('cache-control')).not.toBe('no-store');
    // The held queue's cursor in the reported queue, or newest first: refused, not a page of another list.
    for (const [status, extra] of [
      ['reported', ''],
      ['held', '&order=newest'],
    ] as const) {
      const wrong = await queue(siteId, status, mod, `&limit=1&cursor=${first.nextCursor}${extra}`);
      expect(wrong).toMatchObject({
        status: 400,
        json: { code: 'VALIDATION_FAILED', fields: [{ field: 'cursor', rules: ['sameList'] }] },
      });
    }
  });

  it('holds counter-speech quoting hate instead of rejecting it, and says why', async () => {
    const res = await submit(
      aSubmission({ siteId, content: 'Ban the far-right march. They chanted "gas the Jews" last time.' }),
    );
    expect(res.status).toBe(202);
    const id = res.json.id as string;
    expect(await decided(id)).toBe('held');
    const held = await item(siteId, 'held', id);
    const reasons = held.decision.reasons as {
      code: string;
      message?: string;
      evidence?: Record<string, unknown>;
    }[];
    const toxicity = reasons.find((r) => r.code === 'TOXICITY_MODEL');
    expect(toxicity?.message).toContain('held, not rejected');
    expect(toxicity?.evidence?.withoutQuotations).toEqual(expect.any(Number));
  });

  it("follows a site's policy on swearing aimed at no one: held by default, published where allowed", async () => {
    const swearingSite = await createSite({
      policy: { flood: { maxPerWindow: 100_000, windowSeconds: 60 }, allowUnaimedProfanity: true },
    });
    const content = 'holy shit what a result';
    const strict = await submit(aSubmission({ siteId, content }));
    const relaxed = await submit(aSubmission({ siteId: swearingSite, content }));
    expect(await decided(strict.json.id as string)).toBe('held');
    expect(await decided(relaxed.json.id as string)).toBe('approved');
  });

  it('lets an author skip pre-moderation only under the name and e-mail of their approved comment', async () => {
    const pre = await createSite({
      policy: { mode: 'pre', flood: { maxPerWindow: 100_000, windowSeconds: 60 } },
    });
    const email = `regular-${randomUUID().slice(0, 8)}@example.org`;
    const post = async (authorName: string, content: string) => {
      const res = await submit(aSubmission({ siteId: pre, authorName, authorEmail: email, content }));
      expect(res.status).toBe(202);
      const id = res.json.id as string;
      return { id, status: await decided(id) };
    };
    const first = await post(
      'Ann Example',
      'A first comment, which a moderator reads before it is published.',
    );
    expect(first.status).toBe('held');
    const approve = await postJson(
      api(`/v1/moderation/comments/${first.id}/decision`),
      { action: 'approve', expectedVersion: (await item(pre, 'held', first.id, admin)).version },
      admin,
    );
    expect(approve.status).toBe(200);

    // The same author, however they capitalise their name: published at once.
    const again = await post('ann EXAMPLE', 'Back with a second thought on the figures.');
    expect(again.status).toBe('approved');
    expect((await item(pre, 'approved', again.id, admin)).decision.reasons.map((r) => r.code)).toEqual([
      'TRUSTED_AUTHOR',
    ]);
    // Someone who knows the address, under another name: read first, like anyone new.
    const impostor = await post('Site Editor', 'Official correction: the article is retracted.');
    expect(impostor.status).toBe('held');
    expect((await item(pre, 'held', impostor.id, admin)).decision.reasons.map((r) => r.code)).toEqual([
      'PREMODERATION',
    ]);
  });

  it('approves once: the second moderator gets 409 and one approval event is published', async () => {
    const articleId = uniqueArticleId();
    const id = await heldComment(siteId, { articleId });
    const { version } = await item(siteId, 'held', id);
    const decide = (headers: Record<string, string>) =>
      postJson(
        api(`/v1/moderation/comments/${id}/decision`),
        { action: 'approve', expectedVersion: version },
        headers,
      );
    const [r1, r2] = await Promise.all([decide(mod), decide(admin)]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    expect([r1, r2].find((r) => r.status === 409)!.json.error).toBe('VERSION_CONFLICT');
    await eventually(async () => ((await thread(siteId, articleId)).count === 1 ? true : undefined), {
      what: 'publication',
    });
    await new Promise((r) => setTimeout(r, 500));
    const approvals = recorder.messages.filter(
      (m) => m.topic === Topics.CommentApprovedV1 && m.value.includes(id),
    );
    expect(approvals).toHaveLength(1);
    expect(JSON.parse(approvals[0].value).data.approvedBy).not.toBe('auto');
    expect(
      (
        await postJson(
          api(`/v1/moderation/comments/${id}/decision`),
          { action: 'approve', expectedVersion: version },
          otherMod,
        )
      ).status,
    ).toBe(403);
  });

  it('takes a published comment down with comments.removed.v1, and keeps the history', async () => {
    const articleId = uniqueArticleId();
    const res = await submit(aSubmission({ siteId, articleId, content: 'A perfectly ordinary remark.' }));
    const id = res.json.id as string;
    expect(await decided(id)).toBe('approved');
    await eventually(async () => ((await thread(siteId, articleId)).count === 1 ? true : undefined), {
      what: 'publication',
    });
    const { version } = await item(siteId, 'approved', id);
    const rejected = await postJson(
      api(`/v1/moderation/comments/${id}/decision`),
      { action: 'spam', reason: 'spam', expectedVersion: version },
      mod,
    );
    expect(rejected.json).toMatchObject({ id, status: 'rejected', version: version + 1 });
    await eventually(async () => ((await thread(siteId, articleId)).count === 0 ? true : undefined), {
      what: 'unpublication',
    });
    expect(recorder.messages.some((m) => m.topic === Topics.CommentRemovedV1 && m.value.includes(id))).toBe(
      true,
    );
    const history = (await getJson(api(`/v1/moderation/comments/${id}/history`), mod)).json as {
      entries: { actor: string; action: string; previousStatus: string | null; newStatus: string }[];
    };
    expect(history.entries).toEqual([
      expect.objectContaining({
        actor: 'auto',
        action: 'approve',
        previousStatus: null,
        newStatus: 'approved',
      }),
      expect.objectContaining({
        action: 'spam',
        previousStatus: 'approved',
        newStatus: 'rejected',
        actorName: 'Maria',
      }),
    ]);
    // Rejecting what is already rejected is recorded, but changes no state: the version stays.
    const again = await postJson(
      api(`/v1/moderation/comments/${id}/decision`),
      { action: 'reject', reason: 'off-topic', expectedVersion: version + 1 },
      mod,
    );
    expect(again.json).toMatchObject({ id, status: 'rejected', version: version + 1 });
    const later = (await getJson(api(`/v1/moderation/comments/${id}/history`), mod)).json as {
      entries: { action: string; previousStatus: string | null; newStatus: string }[];
    };
    expect(later.entries.at(-1)).toMatchObject({
      action: 'reject',
      previousStatus: 'rejected',
      newStatus: 'rejected',
    });
    const csv = await fetch(api('/v1/admin/feedback?task=spam'), { headers: admin }).then((r) => r.text());
    expect(csv.split('\n')[0]).toBe('id,source,text,label');
    expect(csv).toContain(`replyguard-${id},replyguard-moderators,A perfectly ordinary remark.,1`);
  });

  it("shows each author's record on the site, and lists their other comments, never their address", async () => {
    const email = `regular-${randomUUID().slice(0, 8)}@news.example`;
    const from = (content: string) => ({ authorEmail: email, content });
    const approvedOne = (await submit(aSubmission({ siteId, ...from('First time commenting here.') }))).json
      .id as string;
    expect(await decided(approvedOne)).toBe('approved');
    const takenDown = (await submit(aSubmission({ siteId, ...from('The figures look right to me.') }))).json
      .id as string;
    expect(await decided(takenDown)).toBe('approved');
    const { version } = await item(siteId, 'approved', takenDown);
    const down = await postJson(
      api(`/v1/moderation/comments/${takenDown}/decision`),
      { action: 'reject', reason: 'off-topic', expectedVersion: version },
      mod,
    );
    expect(down.status).toBe(200);
    const heldBefore = await heldComment(siteId, { authorEmail: email });
    const latest = await heldComment(siteId, { authorEmail: email });
    const newcomer = await heldComment(siteId);

    interface Listed extends QueueItem {
      submittedAt: string;
      author?: Record<string, unknown>;
    }
    const listed = async (id: string) => (await item(siteId, 'held', id)) as Listed;
    const regular = await listed(latest);
    expect(regular.author).toEqual({
      comments: 3,
      approved: 1,
      held: 1,
      rejected: 1,
      reported: 0,
      capped: false,
      firstCommentAt: expect.any(String) as unknown,
    });
    const firstAt = Date.parse(regular.author?.firstCommentAt as string);
    expect(firstAt).toBeLessThan(Date.parse(regular.submittedAt));
    expect((await listed(heldBefore)).author).toMatchObject({
      comments: 3,
      approved: 1,
      held: 1,
      rejected: 1,
    });
    const stranger = await listed(newcomer);
    expect(stranger.author).toEqual({
      comments: 0,
      approved: 0,
      held: 0,
      rejected: 0,
      reported: 0,
      capped: false,
      firstCommentAt: stranger.submittedAt,
    });

    type Page = { id: string; items: Listed[]; nextCursor: string | null };
    const others = (extra = '', headers = mod) =>
      getJson(api(`/v1/moderation/comments/${latest}/author-comments${extra}`), headers);
    const all = await others();
    expect(all.status).toBe(200);
    const page = all.json as Page;
    expect(page.id).toBe(latest);
    expect(page.items.map((i) => [i.id, i.status])).toEqual([
      [heldBefore, 'held'],
      [takenDown, 'rejected'],
      [approvedOne, 'approved'],
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]?.author).toMatchObject({ comments: 3, held: 1 });
    const text = JSON.stringify(page) + JSON.stringify(regular);
    expect(text).not.toContain(email);
    expect(text).not.toMatch(/hash/i);

    expect(((await others('?status=approved')).json as Page).items.map((i) => i.id)).toEqual([approvedOne]);
    const one = (await others('?limit=1')).json as Page;
    expect(one.items.map((i) => i.id)).toEqual([heldBefore]);
    const next = (await others(`?limit=1&cursor=${one.nextCursor}`)).json as Page;
    expect(next.items.map((i) => i.id)).toEqual([takenDown]);

    expect((await others('', otherMod)).status).toBe(403);
    const unknown = await getJson(api(`/v1/moderation/comments/${randomUUID()}/author-comments`), mod);
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('COMMENT_NOT_FOUND');
    const bad = await others('?status=pending');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('status');
  });

  it('applies bulk decisions one by one with a result per id', async () => {
    const a = await heldComment(siteId);
    const b = await heldComment(siteId);
    const unknown = randomUUID();
    const res = await postJson(
      api('/v1/moderation/decisions'),
      { ids: [a, b, unknown, a], action: 'reject', reason: 'off-topic' },
      mod,
    );
    expect(res.status).toBe(200);
    // A result at every place of ids: the one given twice is decided once and answered twice.
    const first = expect.objectContaining({ id: a, ok: true, status: 'rejected' }) as unknown;
    expect(res.json.results).toEqual([
      first,
      expect.objectContaining({ id: b, ok: true, status: 'rejected' }),
      { id: unknown, ok: false, error: 'COMMENT_NOT_FOUND' },
      first,
    ]);
    const results = res.json.results as { id: string; version?: number }[];
    expect(results[3]).toEqual(results[0]);
    expect(await status(a)).toBe('rejected');
  });

  it('approves a held thread in one bulk decision, parents before their replies, a result per id in order', async () => {
    const articleId = uniqueArticleId();
    const parent = await heldComment(siteId, { articleId });
    const replyTo = async (parentId: string, content: string) => {
      const res = await submit(aSubmission({ siteId, articleId, parentId, content }));
      expect(await decided(res.json.id as string)).toBe('held');
      return res.json.id as string;
    };
    const child = await replyTo(parent, 'Which series did they use, then?');
    const grandchild = await replyTo(child, 'The customs one, I believe.');
    const res = await postJson(
      api('/v1/moderation/decisions'),
      { ids: [grandchild, child, grandchild, parent], action: 'approve' },
      mod,
    );
    expect(res.status).toBe(200);
    // A result at every place of ids; the grandchild, given twice, decided once.
    expect(res.json.results).toEqual([
      expect.objectContaining({ id: grandchild, ok: true, status: 'approved' }),
      expect.objectContaining({ id: child, ok: true, status: 'approved' }),
      expect.objectContaining({ id: grandchild, ok: true, status: 'approved' }),
      expect.objectContaining({ id: parent, ok: true, status: 'approved' }),
    ]);
    const published = await eventually(
      async () => {
        const t = await thread(siteId, articleId);
        return t.count === 3 ? t : undefined;
      },
      { what: 'the whole thread published' },
    );
    expect(published.comments).toMatchObject([
      { id: parent, replies: [{ id: child, replies: [{ id: grandchild }] }] },
    ]);
  });

  it('leaves a comment someone decided since the moderator saw it out of a bulk decision', async () => {
    const seen = await heldComment(siteId);
    const decidedMeanwhile = await heldComment(siteId);
    const versionOf = async (id: string) => (await item(siteId, 'held', id)).version;
    const versions = { [seen]: await versionOf(seen), [decidedMeanwhile]: await versionOf(decidedMeanwhile) };
    // Another moderator approves one of them before the bulk rejection arrives.
    const other = await postJson(
      api(`/v1/moderation/comments/${decidedMeanwhile}/decision`),
      { action: 'approve', expectedVersion: versions[decidedMeanwhile] },
      mod,
    );
    expect(other.status).toBe(200);
    const res = await postJson(
      api('/v1/moderation/decisions'),
      { ids: [seen, decidedMeanwhile], action: 'reject', expectedVersions: versions },
      mod,
    );
    expect(res.status).toBe(200);
    expect(res.json.results).toEqual([
      expect.objectContaining({ id: seen, ok: true, status: 'rejected' }),
      { id: decidedMeanwhile, ok: false, error: 'VERSION_CONFLICT' },
    ]);
    expect(await status(decidedMeanwhile)).toBe('approved');

    const bad = await postJson(
      api('/v1/moderation/decisions'),
      { ids: [seen], action: 'reject', expectedVersions: { [seen]: 0, 'not-an-id': 2 } },
      mod,
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('expectedVersions must map comment ids');
    expect(bad.text).toContain('not-an-id');
    // Keys an object has of its own kind, and versions past an int, are refused, not ignored.
    for (const expectedVersions of [{ toString: 1 }, { valueOf: 1 }, { [seen]: 1e300 }]) {
      const odd = await postJson(
        api('/v1/moderation/decisions'),
        { ids: [seen], action: 'reject', expectedVersions },
        mod,
      );
      expect(odd.status).toBe(400);
    }
    const notAnObject = await postJson(
      api('/v1/moderation/decisions'),
      { ids: [seen], action: 'reject', expectedVersions: [1] },
      mod,
    );
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.text).toContain('expectedVersions must be an object');
  });

  it('bans an email: pending comments are rejected, later ones too', async () => {
    const email = `troll-${randomUUID().slice(0, 6)}@example.net`;
    const pending = await heldComment(siteId, { authorEmail: email });
    const ban = await postJson(
      api('/v1/moderation/bans'),
      { siteId, email, reason: 'repeated abuse', rejectPending: true },
      mod,
    );
    expect(ban.status).toBe(201);
    expect(ban.json).toMatchObject({ kind: 'email', rejectedPending: 1 });
    expect(await status(pending)).toBe('rejected');
    const later = await submit(
      aSubmission({ siteId, authorEmail: email, content: 'Just saying hello again.' }),
    );
    expect(await decided(later.json.id as string)).toBe('rejected');
    const it = await item(siteId, 'rejected', later.json.id as string);
    expect(it.decision.reasons.map((r) => r.code)).toContain('BLOCKED_EMAIL');
    const blank = await postJson(
      api('/v1/moderation/bans'),
      { siteId, domain: 'spam.example', reason: ' ' },
      mod,
    );
    expect(blank).toMatchObject({
      status: 400,
      json: { fields: [{ field: 'reason', rules: ['isNotEmpty'] }] },
    });
    const neither = await postJson(api('/v1/moderation/bans'), { siteId, reason: 'x' }, mod);
    expect(neither).toMatchObject({ status: 400, json: { code: 'VALIDATION_FAILED' } });
    expect((neither.json.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'email',
      'ipHash',
      'domain',
      'authorOf',
    ]);
    const matchWithoutAuthorOf = await postJson(
      api('/v1/moderation/bans'),
      { siteId, domain: 'spam.example', match: 'ip', reason: 'x' },
      mod,
    );
    expect(matchWithoutAuthorOf).toMatchObject({ status: 400, json: { fields: [{ field: 'match' }] } });
    const past = await postJson(
      api('/v1/moderation/bans'),
      { siteId, email, reason: 'x', expiresAt: '2020-01-01T00:00:00Z' },
      mod,
    );
    expect(past).toMatchObject({
      status: 400,
      json: { error: 'VALIDATION_FAILED', details: { field: 'expiresAt' } },
    });
  });

  it('bans a domain with its subdomains, in the e-mail address and in the website field', async () => {
    const domain = `spam-${randomUUID().slice(0, 6)}.example`;
    const pending = await heldComment(siteId, { authorUrl: `https://www.${domain}/offers` });
    const ban = await postJson(
      api('/v1/moderation/bans'),
      { siteId, domain: `WWW.${domain}`, reason: 'link farm', rejectPending: true },
      mod,
    );
    expect(ban.status).toBe(201);
    expect(ban.json).toMatchObject({ kind: 'domain', rejectedPending: 1 });
    expect(await status(pending)).toBe('rejected');
    const later = await submit(
      aSubmission({ siteId, authorEmail: `seo@mail.${domain}`, content: 'Just saying hello again.' }),
    );
    expect(await decided(later.json.id as string)).toBe('rejected');
    const it = await item(siteId, 'rejected', later.json.id as string);
    expect(it.decision.reasons.map((r) => r.code)).toContain('BLOCKED_DOMAIN');
    // A domain that only ends in the same letters is another domain.
    const other = await submit(
      aSubmission({ siteId, authorEmail: `reader@not${domain}`, content: 'Just saying hello again.' }),
    );
    expect(await decided(other.json.id as string)).toBe('approved');
  });

  it('lists a site’s bans and lifts one: the author is moderated as before, the ban stays on record', async () => {
    const email = `heated-${randomUUID().slice(0, 6)}@example.net`;
    const created = await postJson(
      api('/v1/moderation/bans'),
      { siteId, email, reason: 'heated thread' },
      mod,
    );
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const banned = await submit(
      aSubmission({ siteId, authorEmail: email, content: 'Still annoyed about this.' }),
    );
    expect(await decided(banned.json.id as string)).toBe('rejected');

    type BanPage = { items: Record<string, unknown>[]; nextCursor: string | null };
    const list = async (extra = '', headers = mod) =>
      getJson(api(`/v1/moderation/bans?siteId=${siteId}${extra}`), headers);
    const listed = await list();
    expect(listed.status).toBe(200);
    expect((listed.json as BanPage).items.find((b) => b.id === id)).toMatchObject({
      siteId,
      kind: 'email',
      value: null,
      reason: 'heated thread',
      active: true,
      liftedAt: null,
      // Colleagues read who banned by name, not by id.
      createdByName: 'Maria',
    });
    expect(JSON.stringify(listed.json)).not.toContain(email);

    const lift = (banId: string, headers = mod) =>
      fetch(api(`/v1/moderation/bans/${banId}`), { method: 'DELETE', headers }).then(async (r) => ({
        status: r.status,
        json: (await r.json()) as Record<string, unknown>,
      }));
    expect((await lift(id, otherMod)).status).toBe(403);
    const lifted = await lift(id);
    expect(lifted.status).toBe(200);
    expect(lifted.json).toMatchObject({
      id,
      active: false,
      liftedBy: expect.any(String) as string,
      liftedByName: 'Maria',
    });
    // Lifting again changes nothing.
    expect((await lift(id)).json.liftedAt).toBe(lifted.json.liftedAt);
    expect((await lift(randomUUID())).json).toMatchObject({ error: 'BAN_NOT_FOUND' });
    expect((await lift('not-a-uuid')).status).toBe(400);

    expect(((await list()).json as BanPage).items.some((b) => b.id === id)).toBe(false);
    expect(((await list('&include=all')).json as BanPage).items.find((b) => b.id === id)).toMatchObject({
      active: false,
      liftedAt: lifted.json.liftedAt,
    });
    expect((await list('&include=everything')).status).toBe(400);
    expect((await list('', otherMod)).status).toBe(403);

    const later = await submit(
      aSubmission({ siteId, authorEmail: email, content: 'Back again, calmer now.' }),
    );
    expect(await decided(later.json.id as string)).toBe('approved');
  });

  it('holds a reply to a held comment, and publishes it only under its published parent', async () => {
    const articleId = uniqueArticleId();
    const parent = await heldComment(siteId, { articleId });
    // A reply to a held comment waits for it; one that names it from another article is refused.
    const reply = (await submit(aSubmission({ siteId, articleId, parentId: parent, content: 'Good point.' })))
      .json.id as string;
    const stray = (
      await submit(
        aSubmission({ siteId, articleId: uniqueArticleId(), parentId: parent, content: 'Good point.' }),
      )
    ).json.id as string;
    expect(await decided(reply)).toBe('held');
    expect(await decided(stray)).toBe('rejected');
    expect((await item(siteId, 'held', reply)).decision.reasons.map((r) => r.code)).toEqual(['PARENT_HELD']);
    const approve = async (id: string, s: string) =>
      postJson(
        api(`/v1/moderation/comments/${id}/decision`),
        { action: 'approve', expectedVersion: (await item(siteId, s, id)).version },
        mod,
      );
    const early = await approve(reply, 'held');
    expect(early).toMatchObject({
      status: 409,
      json: { error: 'PARENT_NOT_PUBLISHED', details: { field: 'parentId', parentId: parent } },
    });
    expect((await approve(parent, 'held')).status).toBe(200);
    expect((await approve(reply, 'held')).status).toBe(200);
    expect(await approve(stray, 'rejected')).toMatchObject({
      status: 409,
      json: { error: 'PARENT_NOT_PUBLISHED' },
    });
    const published = await eventually(
      async () => {
        const t = await thread(siteId, articleId);
        return t.count === 2 ? t : undefined;
      },
      { what: 'the parent and its reply published' },
    );
    // Nested under its parent.
    expect(published.comments).toMatchObject([{ id: parent, replies: [{ id: reply, parentId: parent }] }]);
    expect(await status(stray)).toBe('rejected');
  });

  it('refuses comments for a site made inactive, and says it is closed rather than missing', async () => {
    const site = await createSite();
    expect((await postJson(api(`/v1/admin/sites/${site}`), { active: false }, admin, 'PATCH')).status).toBe(
      200,
    );
    const refused = await eventually(
      async () => {
        const r = await submit(aSubmission({ siteId: site, content: 'Is anyone still reading?' }));
        return r.status === 404 ? r : undefined;
      },
      { what: 'ingest to learn the site is closed' },
    );
    expect(refused.json).toMatchObject({ code: 'SITE_NOT_FOUND', details: { field: 'siteId' } });
    expect(String(refused.json.message)).toContain('closed to comments');
    const missing = await submit(aSubmission({ siteId: `nosite-${randomUUID().slice(0, 6)}` }));
    expect(String(missing.json.message)).toContain('does not exist');
  });

  it('bans the author of a comment by its e-mail or its IP, which the moderator never sees', async () => {
    const email = `troll-${randomUUID().slice(0, 6)}@example.net`;
    const first = await heldComment(siteId, { authorEmail: email });
    const ban = await postJson(
      api('/v1/moderation/bans'),
      { siteId, authorOf: first, reason: 'trolling', rejectPending: true },
      mod,
    );
    expect(ban).toMatchObject({ status: 201, json: { kind: 'email', rejectedPending: 1 } });
    expect(await status(first)).toBe('rejected');
    const later = await submit(
      aSubmission({ siteId, authorEmail: email, content: 'Just saying hello again.' }),
    );
    expect(await decided(later.json.id as string)).toBe('rejected');
    const unknown = await postJson(
      api('/v1/moderation/bans'),
      { siteId, authorOf: randomUUID(), reason: 'x' },
      mod,
    );
    expect(unknown).toMatchObject({
      status: 404,
      json: { code: 'COMMENT_NOT_FOUND', details: { field: 'authorOf' } },
    });
    const both = await postJson(
      api('/v1/moderation/bans'),
      { siteId, authorOf: first, email, reason: 'x' },
      mod,
    );
    expect(both.status).toBe(400);

    // By IP, on a site of its own: every test comment comes from 127.0.0.1.
    const site = await createSite();
    const siteMod = {
      authorization: `Bearer ${(await postJson(api('/v1/admin/moderators'), { name: 'ip', email: 'ip@news.example', role: 'moderator', sites: [site] }, admin)).json.token as string}`,
    };
    const seen = (await submit(aSubmission({ siteId: site, content: 'From the usual address.' }))).json
      .id as string;
    expect(await decided(seen)).toBe('approved');
    const ipBan = await postJson(
      api('/v1/moderation/bans'),
      { siteId: site, authorOf: seen, match: 'ip', reason: 'sock puppets' },
      siteMod,
    );
    expect(ipBan).toMatchObject({ status: 201, json: { kind: 'ipHash' } });
    const puppet = await submit(
      aSubmission({ siteId: site, authorEmail: 'another@example.net', content: 'Hi.' }),
    );
    expect(await decided(puppet.json.id as string)).toBe('rejected');
    const listed = await getJson(api(`/v1/moderation/bans?siteId=${site}`), siteMod);
    expect(JSON.stringify(listed.json)).not.toContain('127.0.0.1');
  });

  it('answers an administrator naming a site that does not exist 404 SITE_NOT_FOUND, and a moderator 403', async () => {
    const nowhere = `no-such-site-${randomUUID().slice(0, 8)}`;
    const ban = await postJson(
      api('/v1/moderation/bans'),
      { siteId: nowhere, domain: 'spam.example', reason: 'link spam' },
      admin,
    );
    expect(ban).toMatchObject({ status: 404, json: { code: 'SITE_NOT_FOUND' } });
    for (const path of [
      `/v1/moderation/queue?siteId=${nowhere}&status=held`,
      `/v1/moderation/bans?siteId=${nowhere}`,
      `/v1/admin/moderators?siteId=${nowhere}`,
    ]) {
      expect(await getJson(api(path), admin)).toMatchObject({
        status: 404,
        json: { code: 'SITE_NOT_FOUND' },
      });
    }
    const feedback = await fetch(api(`/v1/admin/feedback?task=spam&siteId=${nowhere}`), { headers: admin });
    expect(feedback.status).toBe(404);
    // A moderator learns nothing of other sites, existing or not.
    expect((await queue(nowhere, 'held', mod)).status).toBe(403);
    const modBan = await postJson(
      api('/v1/moderation/bans'),
      { siteId: nowhere, domain: 'spam.example', reason: 'link spam' },
      mod,
    );
    expect(modBan.status).toBe(403);
    // A known site with nothing to show still answers an empty page.
    expect(await queue(otherSiteId, 'held', admin, `&articleId=${uniqueArticleId()}`)).toMatchObject({
      status: 200,
      json: { items: [] },
    });
  });

  it('puts a reported comment in the reported queue and unpublishes it when the site says so', async () => {
    const articleId = uniqueArticleId();
    const res = await submit(aSubmission({ siteId, articleId, content: 'An opinion some readers dislike.' }));
    const id = res.json.id as string;
    expect(await decided(id)).toBe('approved');
    await eventually(async () => ((await thread(siteId, articleId)).count === 1 ? true : undefined), {
      what: 'publication',
    });
    const report = await postJson(api(`/v1/comments/${id}/reports`), { reason: 'abusive' });
    expect(report.status).toBe(202);
    await item(siteId, 'reported', id);
    await eventually(async () => ((await thread(siteId, articleId)).count === 0 ? true : undefined), {
      what: 'unpublication',
    });
    // The queue says readers no longer see it.
    expect(((await item(siteId, 'reported', id)) as QueueItem & { published?: boolean }).published).toBe(
      false,
    );
    expect((await postJson(api(`/v1/comments/${id}/reports`), { reason: 'nonsense' })).status).toBe(400);
  });
});
