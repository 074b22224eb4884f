import { SUBMISSION_BODY_LIMIT_BYTES, Topics } from '@replyguard/contracts';
import { aSubmission, uniqueArticleId } from '../support/factories';
import { DEV_PII_HASH_SECRET, hashPii } from '@replyguard/platform';
import { createSite, withDb } from '../support/fixtures';
import { recordTopics, type RecordedMessage } from '../support/kafka';
import {
  eventually,
  getJson,
  postJson,
  type RunningSystem,
  startSystem,
  TEST_ADMIN_TOKEN,
} from '../support/system';

interface ThreadComment {
  id: string;
  parentId: string | null;
  authorName: string;
  content: string;
  replies: ThreadComment[];
}

describe('a reply travels from a website to the published thread', () => {
  let system: RunningSystem;
  let recorder: Awaited<ReturnType<typeof recordTopics>>;

  beforeAll(async () => {
    system = await startSystem();
    recorder = await recordTopics([Topics.CommentApprovedV1, Topics.CommentHeldV1, Topics.CommentRejectedV1]);
  });

  afterAll(async () => {
    await system?.close();
    await recorder?.stop();
  });

  const submit = (body: Record<string, unknown>) => postJson(`${system.ingestUrl}/v1/comments`, body);
  const thread = async (siteId: string, articleId: string) =>
    (await getJson(`${system.articlesUrl}/v1/sites/${siteId}/articles/${articleId}/comments`))
      .json as unknown as {
      count: number;
      comments: ThreadComment[];
    };
  const statusOf = async (id: string) =>
    (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status;
  const decided = (id: string) =>
    eventually(
      async () => {
        const status = await statusOf(id);
        return status === 'pending' ? undefined : status;
      },
      { what: `a decision on ${id}` },
    );

  it('publishes a valid reply, and nests a reply to it under it', async () => {
    const articleId = uniqueArticleId('china-russia-ties');
    const first = await submit(aSubmission({ articleId }));
    expect(first.status).toBe(202);
    expect(first.json).toEqual({ id: expect.any(String), status: 'pending' });
    const firstId = first.json.id as string;

    const published = await eventually(
      async () => {
        const t = await thread('default', articleId);
        return t.count === 1 ? t : undefined;
      },
      { what: 'the comment in the thread' },
    );
    expect(published.comments[0]).toMatchObject({ id: firstId, parentId: null, authorName: 'Ann' });
    expect(JSON.stringify(published)).not.toContain('@example.org');
    expect(await statusOf(firstId)).toBe('approved');

    const reply = await submit(
      aSubmission({ articleId, parentId: firstId, authorName: 'Bob', content: 'Agreed.' }),
    );
    expect(reply.status).toBe(202);
    const nested = await eventually(
      async () => {
        const t = await thread('default', articleId);
        return t.count === 2 ? t : undefined;
      },
      { what: 'the reply in the thread' },
    );
    expect(nested.comments).toHaveLength(1);
    expect(nested.comments[0].replies).toEqual([
      expect.objectContaining({
        id: reply.json.id,
        parentId: firstId,
        authorName: 'Bob',
        content: 'Agreed.',
      }),
    ]);
  });

  it("publishes a reply deeper than the site's maxDepth (5) beside the comment it answers, at the fifth level", async () => {
    const articleId = uniqueArticleId('deep-thread');
    const ids: string[] = [];
    for (let level = 1; level <= 6; level++) {
      const res = await submit(
        aSubmission({
          articleId,
          parentId: ids[level - 2] ?? null,
          authorName: `Reader ${level}`,
          authorEmail: `reader${level}@example.org`,
          content: `My view, at level ${level} of this thread.`,
        }),
      );
      expect(res.status).toBe(202);
      ids.push(res.json.id as string);
      expect(await decided(ids[level - 1])).toBe('approved');
    }
    const t = await eventually(
      async () => {
        const got = await thread('default', articleId);
        return got.count === 6 ? got : undefined;
      },
      { what: 'the six comments in the thread' },
    );
    let level4 = t.comments[0];
    for (let i = 0; i < 3; i++) level4 = level4.replies[0];
    expect(level4.id).toBe(ids[3]);
    // The fifth and the sixth side by side under the fourth, oldest first.
    expect(level4.replies.map((r) => [r.id, r.parentId])).toEqual([
      [ids[4], ids[3]],
      [ids[5], ids[3]],
    ]);
  });

  it('tags each thread with an ETag: 304 while it is unchanged, a new tag once a comment is published', async () => {
    const articleId = uniqueArticleId('etag');
    const first = (await submit(aSubmission({ articleId }))).json.id as string;
    expect(await decided(first)).toBe('approved');
    for (const version of ['v1', 'v2']) {
      const url = `${system.articlesUrl}/${version}/sites/default/articles/${articleId}/comments`;
      const one = await eventually(
        async () => {
          const r = await fetch(url);
          const body = (await r.json()) as { count: number };
          return body.count === 1 ? r : undefined;
        },
        { what: `the comment in the ${version} thread` },
      );
      const etag = one.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      expect(one.headers.get('cache-control')).toBe('no-cache');
      expect(one.headers.get('content-type')).toMatch(/^application\/json/);
      const unchanged = await fetch(url, { headers: { 'if-none-match': etag ?? '' } });
      expect(unchanged.status).toBe(304);
      expect(await unchanged.text()).toBe('');
      expect((await fetch(url, { headers: { 'if-none-match': '"something-else"' } })).status).toBe(200);
    }
    const v1 = `${system.articlesUrl}/v1/sites/default/articles/${articleId}/comments`;
    const before = (await fetch(v1)).headers.get('etag') ?? '';
    const second = (await submit(aSubmission({ articleId, content: 'And a second view.' }))).json
      .id as string;
    expect(await decided(second)).toBe('approved');
    const changed = await eventually(
      async () => {
        const r = await fetch(v1, { headers: { 'if-none-match': before } });
        return r.status === 200 ? r : undefined;
      },
      { what: 'a new ETag once the second comment is published' },
    );
    expect(((await changed.json()) as { count: number }).count).toBe(2);
    expect(changed.headers.get('etag')).not.toBe(before);
  });

  it("lets a site's pages on any origin read a thread from the browser, and revalidate it", async () => {
    const articleId = uniqueArticleId('cors');
    const origin = 'https://news.example';
    for (const version of ['v1', 'v2', 'v3']) {
      const url = `${system.articlesUrl}/${version}/sites/default/articles/${articleId}/comments`;
      // If-None-Match is no CORS-safelisted header: the browser asks first.
      const preflight = await fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'if-none-match',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('if-none-match');
      const read = await fetch(url, { headers: { origin } });
      expect(read.status).toBe(200);
      expect(read.headers.get('access-control-allow-origin')).toBe('*');
      expect(read.headers.get('access-control-expose-headers')).toBe('etag');
      expect(read.headers.get('access-control-allow-credentials')).toBeNull();
    }
    // The demo page and the operators' routes answer no CORS.
    for (const path of ['/demo', '/health', '/metrics']) {
      const r = await fetch(`${system.articlesUrl}${path}`, { headers: { origin } });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('serves the thread of an article whose id is as long as the contract allows (200 characters)', async () => {
    const articleId = uniqueArticleId('long').padEnd(200, 'x');
    const posted = await submit(aSubmission({ articleId }));
    expect(posted.status).toBe(202);
    const id = posted.json.id as string;
    const path = `sites/default/articles/${articleId}/comments`;
    const published = await eventually(
      async () => {
        const res = await getJson(`${system.articlesUrl}/v1/${path}`);
        expect(res.status).toBe(200);
        return (res.json as unknown as { count: number }).count === 1 ? res.json : undefined;
      },
      { what: 'the comment in the thread of the long article id' },
    );
    expect(published).toMatchObject({ articleId, comments: [{ id }] });
    const v2 = await getJson(`${system.articlesUrl}/v2/${path}`);
    expect(v2.status).toBe(200);
    expect(v2.json).toMatchObject({ comments: [{ id }] });
    const page = await fetch(`${system.articlesUrl}/demo/default/${articleId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`id="comment-${id}"`);

    // One character more is beyond any id, and answered in the shape of every error.
    const tooLong = await getJson(`${system.articlesUrl}/v1/sites/default/articles/${articleId}y/comments`);
    expect(tooLong).toEqual({
      status: 414,
      json: expect.objectContaining({ statusCode: 414, code: 'URI_TOO_LONG', message: expect.any(String) }),
    });
  });

  it('keeps replies in place under a removed placeholder in thread v2 when their parent is taken down', async () => {
    const articleId = uniqueArticleId('takedown');
    const parent = (await submit(aSubmission({ articleId, content: 'The budget hides the real deficit.' })))
      .json.id as string;
    expect(await decided(parent)).toBe('approved');
    const reply = (
      await submit(
        aSubmission({ articleId, parentId: parent, authorName: 'Bob', content: 'Page 14 shows it.' }),
      )
    ).json.id as string;
    expect(await decided(reply)).toBe('approved');
    await eventually(async () => ((await thread('default', articleId)).count === 2 ? true : undefined), {
      what: 'both comments in the thread',
    });

    const takedown = await postJson(
      `${system.moderationUrl}/v1/moderation/comments/${parent}/decision`,
      {
        action: 'reject',
        reason: 'off-topic',
        expectedVersion: await withDb(
          async (db) =>
            (
              await db.query<{ version: number }>('SELECT version FROM moderation.comments WHERE id = $1', [
                parent,
              ])
            ).rows[0].version,
        ),
      },
      { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    );
    expect(takedown.status).toBe(200);
    const v1 = await eventually(
      async () => {
        const t = await thread('default', articleId);
        return t.count === 1 ? t : undefined;
      },
      { what: 'the parent taken down' },
    );
    // v1 as before: the reply moves to the top level.
    expect(v1.comments.map((c) => c.id)).toEqual([reply]);
    // v2: the reply stays under a placeholder that keeps neither author nor text.
    const v2 = (await getJson(`${system.articlesUrl}/v2/sites/default/articles/${articleId}/comments`)).json;
    expect(v2).toEqual({
      siteId: 'default',
      articleId,
      count: 1,
      comments: [
        {
          id: parent,
          parentId: null,
          state: 'removed',
          authorName: null,
          authorUrl: null,
          content: null,
          createdAt: expect.any(String),
          replies: [
            expect.objectContaining({
              id: reply,
              parentId: parent,
              state: 'published',
              content: 'Page 14 shows it.',
            }),
          ],
        },
      ],
    });
    expect(JSON.stringify(v2)).not.toContain('real deficit');
  });

  it('holds a comment with three links and does not publish it', async () => {
    const articleId = uniqueArticleId();
    const links =
      "I think the article gets the 2019 figures wrong. The ministry's own tables " +
      '(https://www.stats.gov.cn/english/, https://www.customs.gov.cn/ and https://comtrade.un.org/) show a ' +
      'smaller rise, and the author should say which series was used.';
    const res = await submit(aSubmission({ articleId, content: links }));
    expect(res.status).toBe(202);
    expect(await decided(res.json.id as string)).toBe('held');
    const event = await eventually(
      async () => findEvent(recorder.messages, Topics.CommentHeldV1, res.json.id as string),
      {
        what: 'the held event',
      },
    );
    expect(event.data.decision.reasons.map((r) => r.code)).toContain('LINKS_OVER_LIMIT');
    expect((await thread('default', articleId)).count).toBe(0);
  });

  it("rejects a comment with a word from the site's blocked list", async () => {
    const siteId = await createSite({ bannedWords: ['grifter'] });
    const articleId = uniqueArticleId();
    const res = await submit(
      aSubmission({ siteId, articleId, content: 'The author is a GRIFTER, plain and simple.' }),
    );
    expect(res.status).toBe(202);
    expect(await decided(res.json.id as string)).toBe('rejected');
    const event = await eventually(
      async () => findEvent(recorder.messages, Topics.CommentRejectedV1, res.json.id as string),
      { what: 'the rejected event' },
    );
    expect(event.data.decision.reasons.map((r) => r.code)).toContain('BANNED_WORD');
    expect((await thread(siteId, articleId)).count).toBe(0);
  });

  it("applies a change to the site's policy without a restart", async () => {
    const siteId = await createSite({});
    const before = await submit(aSubmission({ siteId, content: 'This op-ed reads like clickbait to me.' }));
    expect(await decided(before.json.id as string)).toBe('approved');
    await withDb((db) =>
      db.query(`UPDATE moderation.sites SET policy = $2 WHERE id = $1`, [
        siteId,
        JSON.stringify({ bannedWords: ['clickbait'] }),
      ]),
    );
    // The policy cache is POLICY_CACHE_MS (200 ms in this suite).
    await new Promise((r) => setTimeout(r, 400));
    const after = await submit(aSubmission({ siteId, content: 'Another piece of clickbait, sadly.' }));
    expect(await decided(after.json.id as string)).toBe('rejected');
  });

  it('publishes the approval as a CloudEvent with its envelope and without the email', async () => {
    const body = aSubmission();
    const res = await submit(body);
    const id = res.json.id as string;
    const message = await eventually(
      async () => recorder.messages.find((m) => m.topic === Topics.CommentApprovedV1 && m.value.includes(id)),
      { what: 'the approval event' },
    );
    expect(message.key).toBe(`default:${body.articleId as string}`);
    expect(message.headers['content-type']).toContain('application/cloudevents+json');
    const envelope = JSON.parse(message.value);
    expect(envelope).toMatchObject({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'org.replyguard.comment.approved.v1',
      source: '/replyguard/moderation',
      datacontenttype: 'application/json',
      subject: id,
      correlationid: id,
      time: expect.any(String),
      data: {
        commentId: id,
        siteId: 'default',
        articleId: body.articleId,
        parentId: null,
        authorName: 'Ann',
        authorUrl: 'https://ann.example.org',
        content: body.content,
        approvedBy: 'auto',
      },
    });
    expect(message.value).not.toContain(body.authorEmail as string);
    expect(message.value).not.toMatch(/email|ipHash|127\.0\.0\.1/i);
  });

  it('refuses a missing authorEmail with a 400 that names the field', async () => {
    const body = aSubmission();
    delete body.authorEmail;
    const res = await submit(body);
    expect(res.status).toBe(400);
    expect(res.json.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'authorEmail' })]),
    );
    expect((res.json.message as string[]).join(' ')).toContain('authorEmail');
  });

  it('refuses an invalid email', async () => {
    const res = await submit(aSubmission({ authorEmail: 'not-an-email' }));
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('authorEmail must be a valid email address');
  });

  it('answers 404 for an unknown site', async () => {
    const res = await submit(aSubmission({ siteId: 'no-such-site' }));
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({
      error: 'SITE_NOT_FOUND',
      message: expect.stringContaining('no-such-site'),
    });
  });

  it('refuses unknown fields, non-JSON bodies and bodies over its limit without a 5xx', async () => {
    const extra = await submit({ ...aSubmission(), isAdmin: true });
    expect(extra.status).toBe(400);
    expect(extra.json.message).toContain('property isAdmin should not exist');

    const notJson = await postJson(`${system.ingestUrl}/v1/comments`, '{"siteId": ');
    expect(notJson.status).toBe(400);

    const huge = await submit(aSubmission({ content: 'x'.repeat(SUBMISSION_BODY_LIMIT_BYTES) }));
    expect(huge).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('takes 10,000 characters of any script from a client that escapes non-ASCII in its JSON', async () => {
    const escaped = (body: Record<string, unknown>) =>
      JSON.stringify(body).replace(
        /[\u007f-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    // 6 bytes a CJK character, 12 an emoji (a surrogate pair), 18 an emoji with U+FE0F: up to 180 KB.
    for (const text of ['漢', '😀', '\u{1F5E8}\uFE0F']) {
      const body = escaped(aSubmission({ content: text.repeat(10_000), authorName: text.repeat(245) }));
      expect((await postJson(`${system.ingestUrl}/v1/comments`, body)).status).toBe(202);
    }
  });

  it('records the client context, believing X-Forwarded-For only from trusted proxies', async () => {
    const res = await postJson(`${system.ingestUrl}/v1/comments`, aSubmission(), {
      'x-forwarded-for': '198.51.100.7',
      'user-agent': 'ReplyguardTest/1.0',
      referer: 'https://news.example/china-russia-ties',
    });
    expect(res.status).toBe(202);
    await decided(res.json.id as string);
    const row = await withDb(async (db) => {
      const r = await db.query<{ ip_hash: string; user_agent: string; referer: string }>(
        'SELECT ip_hash, user_agent, referer FROM moderation.comments WHERE id = $1',
        [res.json.id],
      );
      return r.rows[0];
    });
    // No proxy is trusted by default, so the socket address counts, not the header.
    expect(row.ip_hash).toBe(hashPii(DEV_PII_HASH_SECRET, '127.0.0.1'));
    expect(row.ip_hash).not.toBe(hashPii(DEV_PII_HASH_SECRET, '198.51.100.7'));
    expect(row).toMatchObject({
      user_agent: 'ReplyguardTest/1.0',
      referer: 'https://news.example/china-russia-ties',
    });
  });

  it('refuses a reply to a comment that is not published', async () => {
    const res = await submit(aSubmission({ parentId: '0190aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa' }));
    expect(res.status).toBe(202);
    expect(await decided(res.json.id as string)).toBe('rejected');
  });
});

interface DecisionEvent {
  data: { decision: { reasons: { code: string }[] } };
}

function findEvent(messages: RecordedMessage[], topic: string, commentId: string): DecisionEvent | undefined {
  const m = messages.find((x) => x.topic === topic && x.value.includes(commentId));
  return m ? (JSON.parse(m.value) as DecisionEvent) : undefined;
}
