import { Topics } from '@replyguard/contracts';
import { randomUUID } from 'node:crypto';
import { verifySignature } from '../../apps/webhooks/src/deliveries/dispatch/signature';
import { aSubmission } from '../support/factories';
import { withDb } from '../support/fixtures';
import {
  eventually,
  getJson,
  postJson,
  type RunningSystem,
  startSystem,
  TEST_ADMIN_TOKEN,
} from '../support/system';
import { type ReceivedRequest, startReceiver } from '../support/webhook-receiver';

const SECRET = 'whsec-e2e-0123456789abcdef';

interface Delivery {
  id: string;
  eventId: string;
  status: string;
  attempts: number;
  recentAttempts: { statusCode: number | null; error: string | null }[];
}

describe('a downstream service without Kafka follows decisions by webhook', () => {
  let system: RunningSystem;
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  const verifies = (r: ReceivedRequest) =>
    verifySignature(SECRET, r.body, r.headers['replyguard-signature'] as string, {
      nowSeconds: Date.now() / 1000,
    });

  beforeAll(async () => {
    // The default schedule in miniature: retries after 200 ms, 400 ms, then every 800 ms.
    process.env.WEBHOOK_RETRY_SCHEDULE_MS = '200,400,800';
    process.env.WEBHOOK_RETRY_FOR_MS = '60000';
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.close();
  });

  it('refuses a webhook for a site that does not exist: 404 SITE_NOT_FOUND naming siteId, nothing stored', async () => {
    const siteId = `no-such-site-${randomUUID().slice(0, 8)}`;
    const res = await postJson(
      `${system.webhooksUrl}/v1/admin/webhooks`,
      { siteId, url: 'https://hooks.example/x', events: [Topics.CommentApprovedV1], secret: SECRET },
      admin,
    );
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 'SITE_NOT_FOUND', details: { field: 'siteId' } });
    expect(res.json.message).toContain(siteId);
    const listed = await getJson(`${system.webhooksUrl}/v1/admin/webhooks?siteId=${siteId}`, admin);
    expect(listed.json.webhooks).toEqual([]);
  });

  it('refuses a receiver URL with a user name or password in it', async () => {
    const res = await postJson(
      `${system.webhooksUrl}/v1/admin/webhooks`,
      {
        siteId: 'default',
        url: 'https://user:pass@hooks.example/x',
        events: [Topics.CommentApprovedV1],
        secret: SECRET,
      },
      admin,
    );
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.text).toContain('url must not contain a user name or password');
  });

  it('takes a webhook for an inactive site, once the deactivation has reached the webhooks service', async () => {
    const siteId = `site-${randomUUID().slice(0, 8)}`;
    expect(
      (await postJson(`${system.moderationUrl}/v1/admin/sites`, { id: siteId, name: siteId }, admin)).status,
    ).toBe(201);
    expect(
      (await postJson(`${system.moderationUrl}/v1/admin/sites/${siteId}`, { active: false }, admin, 'PATCH'))
        .status,
    ).toBe(200);
    await eventually(
      async () => {
        const { rows } = await withDb((db) =>
          db.query<{ active: boolean }>('SELECT active FROM webhooks.sites WHERE id = $1', [siteId]),
        );
        return rows[0]?.active === false ? true : undefined;
      },
      { what: 'the inactive site in the webhooks copy' },
    );
    const hook = await postJson(
      `${system.webhooksUrl}/v1/admin/webhooks`,
      { siteId, url: 'https://hooks.example/x', events: [Topics.CommentRemovedV1], secret: SECRET },
      admin,
    );
    expect(hook.status).toBe(201);
    expect(hook.json).toMatchObject({ siteId });
  });

  it('misses nothing while the receiver is down, then gets the signed approval; the list shows the attempts; a replay re-sends', async () => {
    const siteId = `site-${randomUUID().slice(0, 8)}`;
    const site = await postJson(
      `${system.moderationUrl}/v1/admin/sites`,
      { id: siteId, name: siteId, policy: { flood: { maxPerWindow: 100_000, windowSeconds: 60 } } },
      admin,
    );
    expect(site.status).toBe(201);

    // The receiver's address is known, but nothing listens there yet: it is down.
    const probe = await startReceiver();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    // The webhooks service learns the new site from sites.configured, as ingest does; until then 404.
    const hook = await eventually(
      async () => {
        const r = await postJson(
          `${system.webhooksUrl}/v1/admin/webhooks`,
          {
            siteId,
            url: probe.url,
            events: [Topics.CommentApprovedV1, Topics.CommentRemovedV1],
            secret: SECRET,
          },
          admin,
        );
        return r.status === 404 ? undefined : r;
      },
      { what: 'the webhooks service to know the new site' },
    );
    expect(hook.status).toBe(201);
    const deliveries = async () =>
      (await getJson(`${system.webhooksUrl}/v1/admin/webhooks/${String(hook.json.id)}/deliveries`, admin))
        .json.deliveries as Delivery[];

    const submission = aSubmission({ siteId, content: 'A plain, friendly comment about the article.' });
    const submitted = await eventually(
      async () => {
        // Ingest learns the new site from sites.configured.
        const r = await postJson(`${system.ingestUrl}/v1/comments`, submission);
        return r.status === 202 ? r : undefined;
      },
      { what: 'ingest to accept the comment' },
    );
    const commentId = submitted.json.id as string;

    // Down: attempts fail with connection refused and are retried.
    const failing = await eventually(
      async () => {
        const [d] = await deliveries();
        return d && d.attempts >= 2 ? d : undefined;
      },
      { what: 'failed attempts while the receiver is down', timeoutMs: 30000 },
    );
    expect(failing.status).toBe('pending');
    expect(failing.recentAttempts[0]).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/ECONNREFUSED/),
    });

    // Back up where it was, failing once more with a 500 before it recovers.
    const receiver = await startReceiver((n) => (n === 0 ? 500 : 200), port);
    try {
      const delivered = await eventually(
        async () => {
          const [d] = await deliveries();
          return d?.status === 'delivered' ? d : undefined;
        },
        { what: 'the delivery once the receiver is back', timeoutMs: 30000 },
      );
      expect(delivered.attempts).toBeGreaterThanOrEqual(failing.attempts + 2);
      expect(delivered.recentAttempts[0].statusCode).toBe(200);
      expect(delivered.recentAttempts[1].statusCode).toBe(500);

      const ok = receiver.requests[receiver.requests.length - 1];
      expect(verifies(ok)).toBe(true);
      expect(ok.headers['ce-type']).toBe('org.replyguard.comment.approved.v1');
      expect(ok.headers['ce-id']).toBe(delivered.eventId);
      const event = JSON.parse(ok.body) as { id: string; subject: string; data: Record<string, unknown> };
      expect(event.id).toBe(delivered.eventId);
      expect(event.data).toMatchObject({ commentId, siteId, content: submission.content, authorName: 'Ann' });
      // The public decision event: no email, no IP, in any form.
      expect(ok.body).not.toContain(String(submission.authorEmail));
      expect(ok.body).not.toContain('127.0.0.1');
      expect(Object.keys(event.data)).not.toContain('authorEmail');
      expect(Object.keys(event.data)).not.toContain('ipHash');

      const before = receiver.requests.length;
      const replay = await postJson(
        `${system.webhooksUrl}/v1/admin/webhooks/${String(hook.json.id)}/deliveries/${delivered.id}/replay`,
        {},
        admin,
      );
      expect(replay.status).toBe(202);
      await eventually(async () => (receiver.requests.length > before ? true : undefined), {
        what: 'the replay',
      });
      const replayed = receiver.requests[before];
      expect(replayed.body).toBe(ok.body);
      expect(replayed.headers['ce-id']).toBe(delivered.eventId);
      expect(verifies(replayed)).toBe(true);
      await eventually(
        async () => {
          const [d] = await deliveries();
          return d?.status === 'delivered' && d.attempts === delivered.attempts + 1 ? d : undefined;
        },
        { what: 'the replay recorded' },
      );
    } finally {
      await receiver.close();
    }
  });
});
