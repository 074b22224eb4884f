import {
  articleKey,
  CommentApprovedV1,
  CommentAuthorErasedV1,
  CommentHeldV1,
  CommentSubmittedV1,
  createEnvelope,
  Topics,
} from '@replyguard/contracts';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { aSubmission, uniqueArticleId } from '../support/factories';
import { createSite, NO_FLOOD, withDb } from '../support/fixtures';
import { recordTopics, testKafka } from '../support/kafka';
import {
  eventually,
  getJson,
  postJson,
  type RunningSystem,
  startSystem,
  TEST_ADMIN_TOKEN,
} from '../support/system';
import { startReceiver } from '../support/webhook-receiver';

interface ThreadComment {
  id: string;
  authorName: string;
  authorUrl: string | null;
  content: string;
  replies: ThreadComment[];
}

interface StoredComment {
  id: string;
  status: string;
  published: boolean;
  author_name: string;
  author_url: string | null;
  author_email_hash: string | null;
  ip_hash: string | null;
  author_domain: string | null;
  user_agent: string | null;
  referer: string | null;
  content: string;
  erased_at: Date | null;
  decision: unknown;
}

/** A stored comment once its author's personal data is erased: signed Anonymous, nothing that points at them. */
const ERASED_ROW = {
  author_name: 'Anonymous',
  author_url: null,
  author_email_hash: null,
  ip_hash: null,
  author_domain: null,
  user_agent: null,
  referer: null,
  erased_at: expect.any(Date) as unknown,
};

describe("a commenter's personal data is erased on request", () => {
  let system: RunningSystem;
  let recorder: Awaited<ReturnType<typeof recordTopics>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

  beforeAll(async () => {
    system = await startSystem();
    recorder = await recordTopics([Topics.CommentAuthorErasedV1, Topics.CommentRemovedV1]);
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await system?.close();
    await recorder?.stop();
    await receiver?.close();
  });

  const erase = (siteId: string, body: unknown, headers: Record<string, string> = admin) =>
    postJson(`${system.moderationUrl}/v1/admin/sites/${siteId}/erasures`, body, headers);
  const thread = async (siteId: string, articleId: string) =>
    (await getJson(`${system.articlesUrl}/v1/sites/${siteId}/articles/${articleId}/comments`))
      .json as unknown as {
      count: number;
      comments: ThreadComment[];
    };
  const stored = (ids: string[]) =>
    withDb(async (db) => {
      const { rows } = await db.query<StoredComment>(
        'SELECT * FROM moderation.comments WHERE id = ANY($1::uuid[]) ORDER BY submitted_at',
        [ids],
      );
      return rows;
    });
  const decided = (id: string) =>
    eventually(
      async () => {
        const status = (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status as string;
        return status === 'pending' ? undefined : status;
      },
      { what: `a decision on ${id}` },
    );
  const submit = async (body: Record<string, unknown>) => {
    const r = await postJson(`${system.ingestUrl}/v1/comments`, body, {
      'user-agent': 'Mozilla/5.0 (erasure test)',
      referer: 'https://news.example/articles/1',
    });
    expect(r.status).toBe(202);
    return r.json.id as string;
  };

  it('signs their comments Anonymous everywhere, keeps the text, and erases nothing of anyone else', async () => {
    // Comments with "zebra" are held; the rest are published.
    const siteId = await createSite({ ...NO_FLOOD, suspectWords: ['zebra'] });
    const articleId = uniqueArticleId('erasure');
    const email = `Erin-${randomUUID().slice(0, 8)}@Example.org`;
    const hook = await postJson(
      `${system.webhooksUrl}/v1/admin/webhooks`,
      {
        siteId,
        url: receiver.url,
        events: [Topics.CommentApprovedV1, Topics.CommentHeldV1, Topics.CommentAuthorErasedV1],
        secret: 'whsec-erasure-0123456789',
      },
      admin,
    );
    expect(hook.status).toBe(201);

    const erin = {
      siteId,
      articleId,
      authorName: 'Erin Example',
      authorEmail: email,
      authorUrl: 'https://erin.example',
    };
    const published = await submit(
      aSubmission({ ...erin, content: 'The council should publish the audit.' }),
    );
    const held = await submit(
      aSubmission({ ...erin, content: 'A zebra crossing outside the school, please.' }),
    );
    const other = await submit(
      aSubmission({ siteId, articleId, authorName: 'Olga', content: 'Agreed, publish it.' }),
    );
    expect(await decided(published)).toBe('approved');
    expect(await decided(held)).toBe('held');
    expect(await decided(other)).toBe('approved');
    await eventually(async () => ((await thread(siteId, articleId)).count === 2 ? true : undefined), {
      what: 'both published comments in the thread',
    });
    // The subscriber has its copies of Erin's approval and hold, with her name.
    const hookId = hook.json.id as string;
    const storedPayloads = () =>
      withDb(async (db) => {
        const { rows } = await db.query<{ event_type: string; payload: string }>(
          'SELECT event_type, payload FROM webhooks.deliveries WHERE subscription_id = $1',
          [hookId],
        );
        return rows;
      });
    await eventually(async () => ((await storedPayloads()).length === 3 ? true : undefined), {
      what: 'three deliveries queued for the subscriber',
    });
    expect((await storedPayloads()).filter((d) => d.payload.includes('Erin Example'))).toHaveLength(2);

    // First the reader asks what the site holds about them: their two comments, a page at a time.
    const exportPage = (body: Record<string, unknown>) =>
      postJson(`${system.moderationUrl}/v1/admin/sites/${siteId}/personal-data-exports`, body, admin);
    const first = await exportPage({ email, limit: 1 });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      siteId,
      nextCursor: expect.any(String),
      alsoHeld: expect.any(String),
    });
    expect(first.json.comments).toEqual([
      expect.objectContaining({
        id: published,
        articleId,
        authorName: 'Erin Example',
        authorUrl: 'https://erin.example',
        content: 'The council should publish the audit.',
        status: 'approved',
        published: true,
        userAgent: 'Mozilla/5.0 (erasure test)',
        referer: 'https://news.example/articles/1',
      }),
    ]);
    const second = await exportPage({ email: email.toUpperCase(), limit: 1, cursor: first.json.nextCursor });
    expect(second.json.comments).toEqual([expect.objectContaining({ id: held, status: 'held' })]);
    expect(second.json.nextCursor).toBeNull();
    expect(JSON.stringify([first.json, second.json])).not.toContain('Olga');
    expect((await exportPage({ email: 'nobody@example.org' })).json.comments).toEqual([]);
    expect((await exportPage({ email: 'not an address' })).status).toBe(400);

    // The address as the reader writes it in their request: other case, stray spaces.
    const answer = await erase(siteId, { email: `  ${email.toUpperCase()} ` });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({
      id: expect.any(String),
      siteId,
      comments: 2,
      commentIds: [published, held],
      removed: 0,
      removeComments: false,
      erasedAt: expect.any(String),
    });
    expect(answer.text).not.toContain(email.toLowerCase().split('@')[0]);

    // Moderation keeps the comments and their text, and nothing that points at Erin.
    const [p, h] = await stored([published, held]);
    for (const row of [p, h]) {
      expect(row).toMatchObject(ERASED_ROW);
    }
    expect(p).toMatchObject({
      status: 'approved',
      published: true,
      content: 'The council should publish the audit.',
    });
    expect(h).toMatchObject({ status: 'held', published: false });
    expect(JSON.stringify([p, h])).not.toMatch(/erin\.example|Erin Example/i);
    const [o] = await stored([other]);
    expect(o).toMatchObject({
      author_name: 'Olga',
      author_email_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    // The history says what happened, without the evidence taken from her website.
    const history = await getJson(`${system.moderationUrl}/v1/moderation/comments/${held}/history`, admin);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.json)).toContain('"erase"');
    expect(JSON.stringify(history.json)).not.toContain('erin.example');

    // The thread follows.
    const after = await eventually(
      async () => {
        const t = await thread(siteId, articleId);
        return t.comments.some((c) => c.authorName === 'Anonymous') ? t : undefined;
      },
      { what: 'the thread to show the erased author as Anonymous' },
    );
    expect(after.comments.find((c) => c.id === published)).toMatchObject({
      authorName: 'Anonymous',
      authorUrl: null,
      content: 'The council should publish the audit.',
    });
    expect(after.comments.find((c) => c.id === other)).toMatchObject({ authorName: 'Olga' });

    // Downstream: one author-erased event per comment of hers, published or not, and no address in them.
    const erasedEvents = await eventually(
      async () => {
        const mine = recorder.messages.filter(
          (m) => m.topic === Topics.CommentAuthorErasedV1 && m.value.includes(siteId),
        );
        return mine.length === 2 ? mine : undefined;
      },
      { what: 'two author-erased events' },
    );
    expect(
      erasedEvents.map((m) => (JSON.parse(m.value) as { data: { commentId: string } }).data.commentId).sort(),
    ).toEqual([published, held].sort());
    for (const m of erasedEvents) {
      expect(m.key).toBe(articleKey(siteId, articleId));
      expect(m.value.toLowerCase()).not.toContain(email.toLowerCase());
    }

    // The subscriber's stored copies lose her name too, and it is told.
    await eventually(
      async () => {
        const rows = await storedPayloads();
        return rows.length === 5 && rows.every((d) => !/Erin Example|erin\.example/.test(d.payload))
          ? true
          : undefined;
      },
      { what: "the subscriber's copies anonymised and two author-erased deliveries" },
    );
    const approvedCopy = (await storedPayloads()).find(
      (d) => d.payload.includes(published) && d.event_type.includes('approved'),
    );
    expect(JSON.parse(approvedCopy!.payload).data).toMatchObject({
      authorName: 'Anonymous',
      authorUrl: null,
    });

    // Once erased, nothing is left to find; and her comments can no longer be traced to her for a ban.
    expect((await exportPage({ email })).json.comments).toEqual([]);
    const again = await erase(siteId, { email });
    expect(again.json).toMatchObject({ comments: 0, commentIds: [], removed: 0 });
    const ban = await postJson(
      `${system.moderationUrl}/v1/moderation/bans`,
      { siteId, authorOf: held, match: 'email', reason: 'spam' },
      admin,
    );
    expect(ban.status).toBe(409);
    expect(ban.json).toMatchObject({ code: 'AUTHOR_ERASED' });

    const records = await withDb(async (db) => {
      const { rows } = await db.query<Record<string, unknown>>(
        'SELECT * FROM moderation.erasures WHERE site_id = $1 ORDER BY erased_at',
        [siteId],
      );
      return rows;
    });
    expect(records).toEqual([
      expect.objectContaining({ requested_by: 'admin', remove_comments: false, comments: 2, removed: 0 }),
      expect.objectContaining({ comments: 0 }),
    ]);
    expect(JSON.stringify(records).toLowerCase()).not.toContain('example.org');
  });

  it('finds a reader by any Unicode form of their address: composed or not, the domain in Unicode or ASCII', async () => {
    const siteId = await createSite(NO_FLOOD);
    const tag = randomUUID().slice(0, 8);
    const jose = await submit(aSubmission({ siteId, authorEmail: `jose\u0301-${tag}@example.org` }));
    const jurgen = await submit(aSubmission({ siteId, authorEmail: `jürgen-${tag}@xn--bcher-kva.example` }));
    expect(await decided(jose)).toBe('approved');
    expect(await decided(jurgen)).toBe('approved');
    const exported = async (email: string) =>
      (
        await postJson(
          `${system.moderationUrl}/v1/admin/sites/${siteId}/personal-data-exports`,
          { email },
          admin,
        )
      ).json.comments as { id: string }[];
    expect(await exported(`JOSÉ-${tag}@example.org`)).toEqual([expect.objectContaining({ id: jose })]);
    expect(await exported(`Jürgen-${tag}@Bücher.example`)).toEqual([expect.objectContaining({ id: jurgen })]);
    const erased = await erase(siteId, { email: `josé-${tag}@example.org` });
    expect(erased.json).toMatchObject({ comments: 1, commentIds: [jose] });
  });

  it('with removeComments, takes the published comments down and deletes the text of every one', async () => {
    const siteId = await createSite({ ...NO_FLOOD, suspectWords: ['zebra'] });
    const articleId = uniqueArticleId('erasure-remove');
    const email = `rem-${randomUUID().slice(0, 8)}@example.org`;
    const hook = await postJson(
      `${system.webhooksUrl}/v1/admin/webhooks`,
      {
        siteId,
        url: receiver.url,
        events: [
          Topics.CommentApprovedV1,
          Topics.CommentHeldV1,
          Topics.CommentRemovedV1,
          Topics.CommentAuthorErasedV1,
        ],
        secret: 'whsec-erasure-remove-0123456789',
      },
      admin,
    );
    expect(hook.status).toBe(201);
    const deliveries = () =>
      withDb(async (db) => {
        const { rows } = await db.query<{ event_type: string; payload: string }>(
          'SELECT event_type, payload FROM webhooks.deliveries WHERE subscription_id = $1',
          [hook.json.id],
        );
        return rows;
      });
    const published = await submit(
      aSubmission({ siteId, articleId, authorEmail: email, content: 'Please fix the bus timetable.' }),
    );
    const held = await submit(
      aSubmission({ siteId, articleId, authorEmail: email, content: 'The zebra crossing again.' }),
    );
    expect(await decided(published)).toBe('approved');
    expect(await decided(held)).toBe('held');
    await eventually(async () => ((await thread(siteId, articleId)).count === 1 ? true : undefined), {
      what: 'the published comment in the thread',
    });
    // A moderator's label on the held one, for the feedback export.
    await withDb((db) =>
      db.query(
        `INSERT INTO moderation.labeled_examples (comment_id, site_id, task, label, text, source, created_by)
         VALUES ($1, $2, 'spam', 0, 'The zebra crossing again.', 'test', 'admin')`,
        [held, siteId],
      ),
    );

    const answer = await erase(siteId, { email, removeComments: true });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ comments: 2, removed: 1, removeComments: true });

    const rows = await stored([published, held]);
    for (const row of rows) {
      expect(row).toMatchObject({
        status: 'rejected',
        published: false,
        content: '',
        author_name: 'Anonymous',
      });
    }
    // The rejected queue says what happened to them.
    const queue = await getJson(
      `${system.moderationUrl}/v1/moderation/queue?siteId=${siteId}&status=rejected&limit=200`,
      admin,
    );
    expect((queue.json.items as { id: string }[]).filter((i) => i.id === held)).toEqual([
      expect.objectContaining({ content: '', authorName: 'Anonymous', erasedAt: expect.any(String) }),
    ]);
    // What the checks quoted from the text goes with it; the codes stay.
    const history = await getJson(`${system.moderationUrl}/v1/moderation/comments/${held}/history`, admin);
    expect(JSON.stringify(history.json)).not.toMatch(/zebra/i);
    expect(JSON.stringify(history.json)).toContain('SUSPECT_WORD');
    expect(JSON.stringify(rows.map((r) => r.decision))).not.toMatch(/zebra/i);
    const labels = await withDb(async (db) => {
      const { rows: l } = await db.query<{ n: number }>(
        'SELECT 1 AS n FROM moderation.labeled_examples WHERE comment_id = ANY($1::uuid[])',
        [[published, held]],
      );
      return l;
    });
    expect(labels).toHaveLength(0);

    await eventually(async () => ((await thread(siteId, articleId)).count === 0 ? true : undefined), {
      what: 'the published comment taken down',
    });
    const removal = await eventually(
      async () =>
        recorder.messages.find((m) => m.topic === Topics.CommentRemovedV1 && m.value.includes(published)),
      { what: 'the removal event' },
    );
    expect(JSON.parse(removal.value).data).toMatchObject({
      commentId: published,
      reason: 'erased',
      removedBy: 'admin',
    });

    // The subscriber's stored copies of the approval and the hold, which hold the text, are gone (a
    // replay would send it again); the removal stays, and the subscriber is told of both erasures, as
    // they were sent, so it drops its own copies too.
    const left = await eventually(
      async () => {
        const rows = await deliveries();
        const types = rows.map((r) => r.event_type.replace('org.replyguard.comment.', '')).sort();
        return types.join() === 'author-erased.v1,author-erased.v1,removed.v1' ? rows : undefined;
      },
      {
        what: "the subscriber's deliveries: the removal and two author-erased events, no copy with the text",
      },
    );
    expect(left.map((r) => r.payload).join()).not.toContain('bus timetable');
    for (const r of left.filter((d) => d.event_type.includes('author-erased'))) {
      expect(Object.keys((JSON.parse(r.payload) as { data: object }).data).sort()).toEqual([
        'articleId',
        'authorName',
        'commentId',
        'commentRemoved',
        'erasedAt',
        'siteId',
      ]);
      expect(JSON.parse(r.payload)).toMatchObject({
        data: { commentRemoved: true, authorName: 'Anonymous' },
      });
    }

    // Nothing is left to publish or to label: moderators' decisions are refused.
    const approve = await postJson(
      `${system.moderationUrl}/v1/moderation/comments/${held}/decision`,
      { action: 'approve', expectedVersion: 2 },
      admin,
    );
    expect(approve).toMatchObject({ status: 409, json: { code: 'COMMENT_ERASED' } });
    const bulk = await postJson(
      `${system.moderationUrl}/v1/moderation/decisions`,
      { ids: [published, held], action: 'ham' },
      admin,
    );
    expect(bulk.json.results).toEqual([
      { id: published, ok: false, error: 'COMMENT_ERASED' },
      { id: held, ok: false, error: 'COMMENT_ERASED' },
    ]);
    const feedback = await fetch(`${system.moderationUrl}/v1/admin/feedback?task=spam`, {
      headers: admin,
    }).then((r) => r.text());
    expect(feedback).not.toContain(held);
    expect(feedback).not.toContain(published);
  });

  it("drops the author's evidence from stored decision copies, and fans out nothing of a comment erased with its text", async () => {
    const siteId = await createSite(NO_FLOOD);
    const hook = await postJson(
      `${system.webhooksUrl}/v1/admin/webhooks`,
      {
        siteId,
        url: receiver.url,
        events: [Topics.CommentHeldV1, Topics.CommentApprovedV1],
        secret: 'whsec-erasure-evidence-0123456789',
      },
      admin,
    );
    expect(hook.status).toBe(201);
    const articleId = uniqueArticleId('erasure-evidence');
    const key = articleKey(siteId, articleId);
    const now = new Date().toISOString();
    const kept = uuidv7();
    const gone = uuidv7();
    const meta = (id: string) => ({ source: '/test', subject: id, correlationId: id });
    const held: CommentHeldV1 = {
      commentId: kept,
      siteId,
      articleId,
      parentId: null,
      authorName: 'Spammy Sam',
      authorUrl: 'https://cheap-pills.example',
      content: 'Great post, see my site.',
      submittedAt: now,
      heldAt: now,
      decision: {
        action: 'hold',
        reasons: [
          {
            code: 'SPAM_MODEL',
            message: 'Spam score 0.6',
            evidence: {
              score: 0.6,
              websiteDomain: 'cheap-pills.example',
              authorSignals: ['spam_words_in_website'],
            },
          },
        ],
        scores: { spam: 0.6, toxicity: 0, hate: 0 },
        modelVersions: {},
      },
    };
    const erasedEvent = (commentId: string, commentRemoved: boolean) =>
      createEnvelope(
        CommentAuthorErasedV1.info,
        { commentId, siteId, articleId, authorName: 'Anonymous', erasedAt: now, commentRemoved },
        meta(commentId),
      );
    const lateApproval: CommentApprovedV1 = {
      commentId: gone,
      siteId,
      articleId,
      parentId: null,
      authorName: 'Gone Gary',
      authorUrl: null,
      content: 'Text the author had erased.',
      submittedAt: now,
      approvedAt: now,
      approvedBy: 'auto',
    };
    const producer = testKafka().producer();
    await producer.connect();
    const send = (topic: string, value: unknown) =>
      producer.send({ topic, acks: -1, messages: [{ key, value: JSON.stringify(value) }] });
    await send(Topics.CommentHeldV1, createEnvelope(CommentHeldV1.info, held, meta(kept)));
    const copies = () =>
      withDb(async (db) => {
        const { rows } = await db.query<{ payload: string }>(
          'SELECT payload FROM webhooks.deliveries WHERE subscription_id = $1',
          [hook.json.id],
        );
        return rows;
      });
    await eventually(async () => ((await copies()).length === 1 ? true : undefined), {
      what: 'the held copy',
    });
    await send(Topics.CommentAuthorErasedV1, erasedEvent(kept, false));
    await send(Topics.CommentAuthorErasedV1, erasedEvent(gone, true));
    const copy = await eventually(
      async () => {
        const [c] = await copies();
        return c && !c.payload.includes('Spammy Sam') ? c : undefined;
      },
      { what: 'the held copy anonymised' },
    );
    const data = (JSON.parse(copy.payload) as { data: CommentHeldV1 }).data;
    expect(data.decision.reasons[0].evidence).toEqual({ score: 0.6 });
    expect(JSON.stringify(data)).not.toContain('cheap-pills');

    // An approval of the comment erased with its text, read after the erasure: nothing goes out.
    await eventually(
      () =>
        withDb(async (db) => {
          const { rowCount } = await db.query(
            'SELECT 1 FROM webhooks.erased_authors WHERE comment_id = $1 AND comment_removed',
            [gone],
          );
          return rowCount === 1 ? true : undefined;
        }),
      { what: 'the erasure recorded by the webhooks service' },
    );
    const marker = { ...held, commentId: uuidv7(), authorName: 'Marker' };
    await send(Topics.CommentApprovedV1, createEnvelope(CommentApprovedV1.info, lateApproval, meta(gone)));
    // Same key, same partition, after it: once the marker is queued, the approval was handled.
    await send(Topics.CommentHeldV1, createEnvelope(CommentHeldV1.info, marker, meta(marker.commentId)));
    const all = await eventually(
      async () => {
        const rows = await copies();
        return rows.some((r) => r.payload.includes('Marker')) ? rows : undefined;
      },
      { what: 'the marker queued' },
    );
    await producer.disconnect();
    expect(all.map((r) => r.payload).join()).not.toContain('Text the author had erased');
    expect(all).toHaveLength(2);
  });

  it('refuses a bad request with a 4xx that names the field, and only administrators may erase', async () => {
    const siteId = await createSite(NO_FLOOD);
    const missing = await erase(siteId, {});
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(missing.text).toContain('email');
    const notAnAddress = await erase(siteId, { email: 'not-an-address' });
    expect(notAnAddress.status).toBe(400);
    expect(notAnAddress.text).toContain('email must be a valid email address');
    const flag = await erase(siteId, { email: 'a@example.org', removeComments: 'yes' });
    expect(flag.status).toBe(400);
    expect(flag.text).toContain('removeComments');
    const unknown = await erase('no-such-site', { email: 'a@example.org' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 'SITE_NOT_FOUND' });

    const moderator = await postJson(
      `${system.moderationUrl}/v1/admin/moderators`,
      { name: 'Mo', email: 'mo@news.example', role: 'moderator', sites: [siteId] },
      admin,
    );
    expect(moderator.status).toBe(201);
    const forbidden = await erase(
      siteId,
      { email: 'a@example.org' },
      {
        authorization: `Bearer ${moderator.json.token as string}`,
      },
    );
    expect(forbidden.status).toBe(403);
    expect(await erase(siteId, { email: 'a@example.org' }, {})).toMatchObject({ status: 401 });
  });

  it('erases a comment sent before the erasure and decided after it, as it arrives', async () => {
    // A submission waits on its topic while moderation is busy or down; here it is sent there by hand,
    // with the time it was accepted, after the erasure.
    const siteId = await createSite(NO_FLOOD);
    const articleId = uniqueArticleId('erasure-in-flight');
    const email = `flight-${randomUUID().slice(0, 8)}@example.org`;
    const erasures = await Promise.all([
      erase(siteId, { email }),
      erase(siteId, { email: `gone-${email}`, removeComments: true }),
    ]);
    for (const r of erasures) expect(r.status).toBe(201);
    const sentBefore = new Date(Date.parse(erasures[0].json.erasedAt as string) - 5_000).toISOString();
    const inFlight = (authorEmail: string, content: string): CommentSubmittedV1 => ({
      commentId: uuidv7(),
      siteId,
      articleId,
      parentId: null,
      authorName: 'Flora Flight',
      authorEmail,
      authorUrl: 'https://flora.example',
      content,
      submittedAt: sentBefore,
      client: {
        ipHash: 'a'.repeat(64),
        userAgent: 'Mozilla/5.0 (in flight)',
        referer: 'https://news.example/a',
      },
    });
    const kept = inFlight(email, 'Sent a moment before I asked.');
    const gone = inFlight(`gone-${email}`, 'Take this one down with my name.');
    // Sent after the erasure, by the same address: a new comment, decided as any other.
    const later = { ...inFlight(email, 'Back again, by choice.'), submittedAt: new Date().toISOString() };
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: Topics.CommentSubmittedV1,
      acks: -1,
      messages: [kept, gone, later].map((data) => ({
        key: articleKey(siteId, articleId),
        value: JSON.stringify(
          createEnvelope(CommentSubmittedV1.info, data, {
            source: '/test',
            subject: data.commentId,
            correlationId: data.commentId,
          }),
        ),
      })),
    });
    await producer.disconnect();

    for (const c of [kept, gone, later]) await decided(c.commentId);
    const [k, g, l] = await stored([kept.commentId, gone.commentId, later.commentId]).then((rows) =>
      [kept, gone, later].map((c) => rows.find((r) => r.id === c.commentId)!),
    );
    expect(k).toMatchObject({ ...ERASED_ROW, status: 'approved', content: 'Sent a moment before I asked.' });
    expect(g).toMatchObject({ status: 'rejected', published: false, author_name: 'Anonymous', content: '' });
    expect(l).toMatchObject({ status: 'approved', author_name: 'Flora Flight', erased_at: null });
    expect(l.author_email_hash).not.toBeNull();

    // The thread has the erased comment signed Anonymous, and the new one under its name.
    const t = await eventually(
      async () => {
        const found = await thread(siteId, articleId);
        return found.count === 2 ? found : undefined;
      },
      { what: 'both approved comments published' },
    );
    expect(t.comments.map((c) => [c.id, c.authorName, c.authorUrl])).toEqual(
      expect.arrayContaining([
        [kept.commentId, 'Anonymous', null],
        [later.commentId, 'Flora Flight', 'https://flora.example'],
      ]),
    );
    // Each erasure counts the comment it reached late; the history says how it was erased.
    await withDb(async (db) => {
      const { rows } = await db.query<{ id: string; comments: number }>(
        'SELECT id, comments FROM moderation.erasures WHERE id = ANY($1::uuid[])',
        [erasures.map((r) => r.json.id)],
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, r.comments]))).toEqual({
        [erasures[0].json.id as string]: 1,
        [erasures[1].json.id as string]: 1,
      });
      const history = await db.query<{ comment_id: string; actor: string; reason: string }>(
        'SELECT comment_id, actor, reason FROM moderation.comment_decisions WHERE comment_id = ANY($1::uuid[])',
        [[kept.commentId, gone.commentId]],
      );
      expect(history.rows).toEqual(
        expect.arrayContaining([
          {
            comment_id: kept.commentId,
            actor: 'auto',
            reason: `personal data erased on arrival (erasure ${erasures[0].json.id as string})`,
          },
          {
            comment_id: gone.commentId,
            actor: 'admin',
            reason: `personal data and comment erased on arrival (erasure ${erasures[1].json.id as string})`,
          },
        ]),
      );
      // Nothing of the comment erased with its text reached the outbox.
      const outbox = await db.query('SELECT 1 FROM moderation.outbox WHERE payload LIKE $1', [
        `%${gone.commentId}%`,
      ]);
      expect(outbox.rowCount).toBe(0);
    });
  });

  it('publishes and fans out a comment anonymised when its approval is read after the erasure', async () => {
    // The two travel on different topics, so the article and webhooks services may read them in either order.
    const siteId = await createSite(NO_FLOOD);
    const hook = await postJson(
      `${system.webhooksUrl}/v1/admin/webhooks`,
      {
        siteId,
        url: receiver.url,
        events: [Topics.CommentApprovedV1],
        secret: 'whsec-erasure-order-0123456789',
      },
      admin,
    );
    expect(hook.status).toBe(201);
    const articleId = uniqueArticleId('erasure-order');
    const commentId = uuidv7();
    const now = new Date().toISOString();
    const meta = { source: '/test', subject: commentId, correlationId: commentId };
    const erased: CommentAuthorErasedV1 = {
      commentId,
      siteId,
      articleId,
      authorName: 'Anonymous',
      erasedAt: now,
      commentRemoved: false,
    };
    const approved: CommentApprovedV1 = {
      commentId,
      siteId,
      articleId,
      parentId: null,
      authorName: 'Late Larry',
      authorUrl: 'https://larry.example',
      content: 'Approved before the erasure, read after it.',
      submittedAt: now,
      approvedAt: now,
      approvedBy: 'auto',
    };
    const producer = testKafka().producer();
    await producer.connect();
    const key = articleKey(siteId, articleId);
    await producer.send({
      topic: Topics.CommentAuthorErasedV1,
      acks: -1,
      messages: [{ key, value: JSON.stringify(createEnvelope(CommentAuthorErasedV1.info, erased, meta)) }],
    });
    await eventually(
      () =>
        withDb(async (db) => {
          const { rowCount } = await db.query(
            `SELECT 1 FROM articles.erased_authors a JOIN webhooks.erased_authors w USING (comment_id)
              WHERE comment_id = $1`,
            [commentId],
          );
          return rowCount === 1 ? true : undefined;
        }),
      { what: 'the erasure recorded by the article and webhooks services' },
    );
    await producer.send({
      topic: Topics.CommentApprovedV1,
      acks: -1,
      messages: [{ key, value: JSON.stringify(createEnvelope(CommentApprovedV1.info, approved, meta)) }],
    });
    await producer.disconnect();

    const t = await eventually(
      async () => {
        const found = await thread(siteId, articleId);
        return found.count === 1 ? found : undefined;
      },
      { what: 'the late approval published' },
    );
    expect(t.comments[0]).toMatchObject({
      id: commentId,
      authorName: 'Anonymous',
      authorUrl: null,
      content: 'Approved before the erasure, read after it.',
    });
    const delivery = await eventually(
      () =>
        withDb(async (db) => {
          const { rows } = await db.query<{ payload: string }>(
            'SELECT payload FROM webhooks.deliveries WHERE subscription_id = $1',
            [hook.json.id],
          );
          return rows[0];
        }),
      { what: 'the approval queued for the subscriber' },
    );
    expect(delivery.payload).not.toContain('Late Larry');
    expect(JSON.parse(delivery.payload)).toMatchObject({
      data: { commentId, authorName: 'Anonymous', authorUrl: null },
    });
  });
});
