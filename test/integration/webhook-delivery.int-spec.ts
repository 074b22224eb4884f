import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  articleKey,
  CommentApprovedV1,
  CommentHeldV1,
  createEnvelope,
  type EventEnvelope,
  SiteConfiguredV1,
  SiteConfiguredV2,
  Topics,
} from '@replyguard/contracts';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { verifySignature } from '../../apps/webhooks/src/deliveries/dispatch/signature';
import { SecretBox } from '../../apps/webhooks/src/shared/secret-box';
import { createWebhooksApp } from '../../apps/webhooks/src/webhooks.app';
import { uniqueArticleId } from '../support/factories';
import { withDb } from '../support/fixtures';
import { testKafka } from '../support/kafka';
import { eventually, getJson, postJson, TEST_ADMIN_TOKEN } from '../support/system';
import { sendFrom } from '../support/readers';
import { type ReceivedRequest, startReceiver } from '../support/webhook-receiver';

const SECRET = 'whsec-integration-0123456789';
const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

interface Delivery {
  id: string;
  eventId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  recentAttempts: { statusCode: number | null; error: string | null }[];
}

function approval(siteId: string): EventEnvelope<CommentApprovedV1> {
  const commentId = uuidv7();
  const now = new Date().toISOString();
  const data: CommentApprovedV1 = {
    commentId,
    siteId,
    articleId: uniqueArticleId(),
    parentId: null,
    authorName: 'Ann',
    authorUrl: null,
    content: 'A public comment, delivered by webhook.',
    submittedAt: now,
    approvedAt: now,
    approvedBy: 'auto',
  };
  return createEnvelope(CommentApprovedV1.info, data, {
    source: '/test',
    subject: commentId,
    correlationId: commentId,
  });
}

function held(siteId: string): EventEnvelope<CommentHeldV1> {
  const { data: approved } = approval(siteId);
  const { approvedAt: _a, approvedBy: _b, ...fields } = approved;
  const data: CommentHeldV1 = {
    ...fields,
    heldAt: new Date().toISOString(),
    decision: { action: 'hold', reasons: [], scores: { spam: 0.5, toxicity: 0, hate: 0 }, modelVersions: {} },
  };
  return createEnvelope(CommentHeldV1.info, data, {
    source: '/test',
    subject: data.commentId,
    correlationId: data.commentId,
  });
}

/** A site the service knows, as if sites.configured had brought it. */
async function knownSite(): Promise<string> {
  const siteId = `site-${randomUUID().slice(0, 8)}`;
  await withDb((db) => db.query('INSERT INTO webhooks.sites (id, name) VALUES ($1, $1)', [siteId]));
  return siteId;
}

function configured(
  version: 1 | 2,
  siteId: string,
  fields: { name: string; active: boolean },
  at: number,
): EventEnvelope<SiteConfiguredV1> {
  const data = { siteId, allowedOrigins: [], ...fields };
  const meta = { source: '/test', subject: siteId, correlationId: siteId, time: new Date(at) };
  return version === 1
    ? createEnvelope(SiteConfiguredV1.info, data, meta)
    : createEnvelope(SiteConfiguredV2.info, { ...data, articleUrlTemplate: null, language: null }, meta);
}

/** A webhooks service started with `env` set on top of the current environment, and a producer. */
async function startWebhooks(
  env: Record<string, string>,
): Promise<{ app: NestFastifyApplication; url: string; producer: Producer }> {
  Object.assign(process.env, env);
  const app = await createWebhooksApp();
  await app.listen(0, '127.0.0.1');
  const producer = testKafka().producer();
  await producer.connect();
  return { app, url: await app.getUrl(), producer };
}

describe('webhooks: signed deliveries from Kafka, retried, dead-lettered and replayed', () => {
  let app: NestFastifyApplication;
  let url: string;
  let producer: Producer;
  let savedAuthFailures: string | undefined;

  const api = (path: string) => `${url}${path}`;
  const publish = async (topic: string, envelope: EventEnvelope<{ siteId: string; articleId: string }>) => {
    await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: articleKey(envelope.data.siteId, envelope.data.articleId), value: JSON.stringify(envelope) },
      ],
    });
  };
  const subscribe = async (
    siteId: string,
    receiverUrl: string,
    events: string[] = [Topics.CommentApprovedV1],
  ) => {
    const res = await postJson(
      api('/v1/admin/webhooks'),
      { siteId, url: receiverUrl, events, secret: SECRET },
      admin,
    );
    expect(res.status).toBe(201);
    return res.json.id as string;
  };
  const deliveries = async (webhookId: string) =>
    (await getJson(api(`/v1/admin/webhooks/${webhookId}/deliveries?limit=100`), admin)).json
      .deliveries as Delivery[];
  const deliveryWhere = (webhookId: string, what: string, ok: (d: Delivery) => boolean) =>
    eventually(
      async () => {
        const [latest] = await deliveries(webhookId);
        return latest && ok(latest) ? latest : undefined;
      },
      { what, timeoutMs: 20000 },
    );
  const remove = (id: string) => fetch(api(`/v1/admin/webhooks/${id}`), { method: 'DELETE', headers: admin });
  const verifies = (r: ReceivedRequest) =>
    verifySignature(SECRET, r.body, r.headers['replyguard-signature'] as string, {
      nowSeconds: Date.now() / 1000,
    });

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    process.env.NODE_ENV ??= 'test';
    process.env.ADMIN_TOKEN ??= TEST_ADMIN_TOKEN;
    // Failed tokens per client IP per minute: other suites in this process may have raised it.
    savedAuthFailures = process.env.WEBHOOK_AUTH_FAILURES_PER_MIN;
    ({ app, url, producer } = await startWebhooks({
      // Time made small: retries after 100, 200, then every 400 ms, for 3 s (room for four attempts
      // on a busy machine, where each takes longer than its wait).
      WEBHOOK_RETRY_SCHEDULE_MS: '100,200,400',
      WEBHOOK_RETRY_FOR_MS: '3000',
      WEBHOOK_POLL_MS: '25',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_SITE_WAIT_MS: '500',
      WEBHOOK_AUTH_FAILURES_PER_MIN: '10',
    }));
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    if (savedAuthFailures === undefined) delete process.env.WEBHOOK_AUTH_FAILURES_PER_MIN;
    else process.env.WEBHOOK_AUTH_FAILURES_PER_MIN = savedAuthFailures;
  });

  it('retries a failing receiver until it answers 2xx, each request signed, every attempt listed', async () => {
    const siteId = await knownSite();
    // 500, a dropped connection, 503, then 200.
    const receiver = await startReceiver((n) => ([500, 'drop', 503] as const)[n] ?? 200);
    try {
      const webhookId = await subscribe(siteId, receiver.url);
      const event = approval(siteId);
      await publish(Topics.CommentApprovedV1, event);
      // Not subscribed to: another site's approval, and this site's held event.
      await publish(Topics.CommentApprovedV1, approval(`other-${siteId}`));
      await publish(Topics.CommentHeldV1, held(siteId));

      const delivery = await deliveryWhere(
        webhookId,
        'the delivery to succeed',
        (d) => d.status === 'delivered',
      );
      expect(delivery).toMatchObject({
        eventId: event.id,
        attempts: 4,
        lastStatusCode: 200,
        nextAttemptAt: null,
      });
      expect(delivery.recentAttempts.map((a) => a.statusCode)).toEqual([200, 503, null, 500]);
      expect(delivery.recentAttempts[2].error).toMatch(/connection failed|request failed/);
      expect(delivery.recentAttempts[3].error).toBe('HTTP 500');

      expect(receiver.requests).toHaveLength(4);
      for (const [i, r] of receiver.requests.entries()) {
        expect(r.body).toBe(receiver.requests[0].body);
        expect(verifies(r)).toBe(true);
        expect(r.headers['ce-id']).toBe(event.id);
        expect(r.headers['ce-type']).toBe('org.replyguard.comment.approved.v1');
        expect(r.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
        expect(r.headers['replyguard-delivery']).toBe(delivery.id);
        expect(r.headers['replyguard-attempt']).toBe(String(i + 1));
      }
      // Backoff: the gaps follow the schedule (±10% jitter, plus the poll).
      const gaps = receiver.requests.slice(1).map((r, i) => r.at - receiver.requests[i].at);
      expect(gaps[0]).toBeGreaterThanOrEqual(90);
      expect(gaps[1]).toBeGreaterThanOrEqual(180);
      expect(gaps[2]).toBeGreaterThanOrEqual(360);
      const body = JSON.parse(receiver.requests[0].body) as EventEnvelope<Record<string, unknown>>;
      expect(body).toMatchObject({ specversion: '1.0', id: event.id, type: event.type, data: event.data });
      expect(Object.keys(body.data)).not.toEqual(expect.arrayContaining(['authorEmail']));
      // Exactly one delivery: the other site's approval and the held event were not for this webhook.
      expect(await deliveries(webhookId)).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('creates one delivery per subscription when the same event arrives twice', async () => {
    const siteId = await knownSite();
    const receiver = await startReceiver();
    try {
      const first = await subscribe(siteId, receiver.url);
      const second = await subscribe(siteId, receiver.url, [Topics.CommentApprovedV1, Topics.CommentHeldV1]);
      const event = approval(siteId);
      const marker = approval(siteId);
      await publish(Topics.CommentApprovedV1, event);
      await publish(Topics.CommentApprovedV1, event);
      // Same site, same partition as the duplicate only by chance; wait for the marker on both hooks.
      await publish(Topics.CommentApprovedV1, marker);
      for (const id of [first, second]) {
        await eventually(
          async () => {
            const list = await deliveries(id);
            return list.length === 2 && list.every((d) => d.status === 'delivered') ? list : undefined;
          },
          { what: 'both events delivered' },
        );
      }
      const forEvent = receiver.requests.filter((r) => r.headers['ce-id'] === event.id);
      expect(forEvent).toHaveLength(2);
      expect(new Set(forEvent.map((r) => r.headers['replyguard-delivery'])).size).toBe(2);
    } finally {
      await receiver.close();
    }
  });

  /** Whether a delivery carries a valid signature with this secret. */
  const withKey = (secret: string, r: ReceivedRequest) =>
    verifySignature(secret, r.body, r.headers['replyguard-signature'] as string, {
      nowSeconds: Date.now() / 1000,
    });
  const rotate = async (id: string, body: Record<string, unknown>) => {
    const res = await fetch(api(`/v1/admin/webhooks/${id}/secret`), {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it('ends the old secret sooner when the secret in use is sent again with a shorter previousSecretValidForSeconds', async () => {
    const siteId = await knownSite();
    const receiver = await startReceiver();
    const NEW_SECRET = 'whsec-integration-shortened-1234567';
    try {
      const webhookId = await subscribe(siteId, receiver.url);
      const rotated = await rotate(webhookId, { secret: NEW_SECRET, previousSecretValidForSeconds: 86_400 });
      expect(rotated.status).toBe(200);
      // Never later than it was: a longer time changes nothing.
      const longer = await rotate(webhookId, { secret: NEW_SECRET, previousSecretValidForSeconds: 604_800 });
      expect(longer.json.previousSecretExpiresAt).toBe(rotated.json.previousSecretExpiresAt);
      // A shorter one brings it forward; the secret in use and its rotation time stay.
      const before = Date.now();
      const hour = await rotate(webhookId, { secret: NEW_SECRET, previousSecretValidForSeconds: 3600 });
      expect(hour.status).toBe(200);
      expect(Date.parse(hour.json.previousSecretExpiresAt as string)).toBeGreaterThanOrEqual(
        before + 3_599_000,
      );
      expect(Date.parse(hour.json.previousSecretExpiresAt as string)).toBeLessThanOrEqual(
        Date.now() + 3_601_000,
      );
      expect(hour.json.secretRotatedAt).toBe(rotated.json.secretRotatedAt);
      // The old secret leaked: 0 stops it signing now.
      const cut = await rotate(webhookId, { secret: NEW_SECRET, previousSecretValidForSeconds: 0 });
      expect(cut.status).toBe(200);
      expect(cut.json.previousSecretExpiresAt).toBeUndefined();
      expect(cut.json.secretRotatedAt).toBe(rotated.json.secretRotatedAt);

      await publish(Topics.CommentApprovedV1, approval(siteId));
      await eventually(async () => (receiver.requests.length === 1 ? true : undefined), {
        what: 'the delivery',
      });
      const [delivered] = receiver.requests;
      expect((delivered?.headers['replyguard-signature'] as string).match(/v1=/g)).toHaveLength(1);
      expect(withKey(NEW_SECRET, delivered)).toBe(true);
      expect(withKey(SECRET, delivered)).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  it('rotates the signing secret: both sign while the old one is valid, then only the new one', async () => {
    const siteId = await knownSite();
    const receiver = await startReceiver();
    const NEW_SECRET = 'whsec-integration-rotated-9876543210';
    try {
      const webhookId = await subscribe(siteId, receiver.url);
      const before = Date.now();
      const rotated = await rotate(webhookId, { secret: NEW_SECRET, previousSecretValidForSeconds: 3600 });
      expect(rotated.status).toBe(200);
      expect(rotated.json).toMatchObject({ id: webhookId, siteId });
      expect(JSON.stringify(rotated.json)).not.toContain('whsec');
      const expires = Date.parse(rotated.json.previousSecretExpiresAt as string);
      expect(expires).toBeGreaterThanOrEqual(before + 3_599_000);
      expect(expires).toBeLessThanOrEqual(Date.now() + 3_601_000);
      expect(Date.parse(rotated.json.secretRotatedAt as string)).toBeGreaterThanOrEqual(before - 1000);
      // The same request again (a retry) changes nothing: the old secret still signs until it expires.
      const again = await rotate(webhookId, { secret: NEW_SECRET, previousSecretValidForSeconds: 3600 });
      expect(again.status).toBe(200);
      expect(again.json.previousSecretExpiresAt).toBe(rotated.json.previousSecretExpiresAt);
      expect(again.json.secretRotatedAt).toBe(rotated.json.secretRotatedAt);

      await publish(Topics.CommentApprovedV1, approval(siteId));
      await eventually(async () => (receiver.requests.length === 1 ? true : undefined), {
        what: 'the first delivery',
      });
      const [during] = receiver.requests;
      expect((during?.headers['replyguard-signature'] as string).match(/v1=/g)).toHaveLength(2);
      expect(withKey(NEW_SECRET, during)).toBe(true);
      expect(withKey(SECRET, during)).toBe(true);

      // Listed as it was answered; then a rotation that drops the old secret at once.
      const listed = (await getJson(api(`/v1/admin/webhooks?siteId=${siteId}`), admin)).json.webhooks as {
        previousSecretExpiresAt?: string;
      }[];
      expect(listed[0]?.previousSecretExpiresAt).toBe(rotated.json.previousSecretExpiresAt);
      const THIRD = 'whsec-integration-third-000000000';
      const final = await rotate(webhookId, { secret: THIRD, previousSecretValidForSeconds: 0 });
      expect(final.status).toBe(200);
      expect(final.json.previousSecretExpiresAt).toBeUndefined();
      await publish(Topics.CommentApprovedV1, approval(siteId));
      await eventually(async () => (receiver.requests.length === 2 ? true : undefined), {
        what: 'the second delivery',
      });
      const after = receiver.requests[1];
      expect((after.headers['replyguard-signature'] as string).match(/v1=/g)).toHaveLength(1);
      expect(withKey(THIRD, after)).toBe(true);
      expect(withKey(NEW_SECRET, after)).toBe(false);

      const unknown = await rotate(randomUUID(), { secret: THIRD });
      expect(unknown.status).toBe(404);
      expect(unknown.json.code).toBe('WEBHOOK_NOT_FOUND');
      const bad = await rotate(webhookId, { secret: 'short', previousSecretValidForSeconds: 8 * 86_400 });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.json)).toContain('secret');
      expect(JSON.stringify(bad.json)).toContain('previousSecretValidForSeconds');
    } finally {
      await receiver.close();
    }
  });

  it('dead-letters a delivery after its retry window; a replay sends it again', async () => {
    const siteId = await knownSite();
    const receiver = await startReceiver(() => 500);
    try {
      const webhookId = await subscribe(siteId, receiver.url);
      const event = approval(siteId);
      await publish(Topics.CommentApprovedV1, event);
      const dead = await deliveryWhere(webhookId, 'the delivery to be dead', (d) => d.status === 'dead');
      expect(dead).toMatchObject({ lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: null });
      // 0, 100, 300, 700, 1100, 1500, … ms: the failure at or after 3 s is the last.
      expect(dead.attempts).toBeGreaterThanOrEqual(5);
      expect(receiver.requests).toHaveLength(dead.attempts);
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.requests).toHaveLength(dead.attempts);

      receiver.setBehaviour(() => 204);
      const replay = await postJson(
        api(`/v1/admin/webhooks/${webhookId}/deliveries/${dead.id}/replay`),
        {},
        admin,
      );
      expect(replay.status).toBe(202);
      const delivered = await deliveryWhere(webhookId, 'the replay', (d) => d.status === 'delivered');
      expect(delivered.attempts).toBe(dead.attempts + 1);
      const last = receiver.requests[receiver.requests.length - 1];
      expect(last.headers['ce-id']).toBe(event.id);
      expect(verifies(last)).toBe(true);

      // A delivered one can be replayed too (a receiver that lost its copy).
      const again = await postJson(
        api(`/v1/admin/webhooks/${webhookId}/deliveries/${dead.id}/replay`),
        {},
        admin,
      );
      expect(again.status).toBe(202);
      await deliveryWhere(
        webhookId,
        'the second replay',
        (d) => d.status === 'delivered' && d.attempts === dead.attempts + 2,
      );
      expect(receiver.requests).toHaveLength(dead.attempts + 2);
    } finally {
      await receiver.close();
    }
  });

  it('knows the sites from sites.configured v1 and v2; a late, older record changes nothing', async () => {
    const siteId = `site-${randomUUID().slice(0, 8)}`;
    const body = {
      siteId,
      url: 'https://hooks.example/x',
      events: [Topics.CommentApprovedV1],
      secret: SECRET,
    };
    const unknown = await postJson(api('/v1/admin/webhooks'), body, admin);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 'SITE_NOT_FOUND', details: { field: 'siteId' } });
    expect(unknown.json.message).toMatch(/not known .* yet/);

    const stored = async (id: string) =>
      (
        await withDb((db) =>
          db.query<{ name: string; active: boolean }>(
            'SELECT name, active FROM webhooks.sites WHERE id = $1',
            [id],
          ),
        )
      ).rows[0];
    const send = (topic: string, envelopes: EventEnvelope<SiteConfiguredV1>[], partition?: number) =>
      producer.send({
        topic,
        acks: -1,
        messages: envelopes.map((e) => ({ key: e.data.siteId, value: JSON.stringify(e), partition })),
      });
    const t0 = Date.now();
    // Closed at t0 + 2 s, on v2: known, inactive, and subscribable all the same.
    await send(Topics.SiteConfiguredV2, [
      configured(2, siteId, { name: 'Closed', active: false }, t0 + 2000),
    ]);
    await eventually(async () => ((await stored(siteId))?.active === false ? true : undefined), {
      what: 'the inactive site in the webhooks copy',
    });
    expect((await postJson(api('/v1/admin/webhooks'), body, admin)).status).toBe(201);

    // The v1 record of an earlier state arrives late, followed on its partition by another site's.
    const marker = `site-${randomUUID().slice(0, 8)}`;
    await send(
      Topics.SiteConfiguredV1,
      [
        configured(1, siteId, { name: 'Open', active: true }, t0 + 1000),
        configured(1, marker, { name: marker, active: true }, t0),
      ],
      0,
    );
    await eventually(async () => await stored(marker), { what: 'the marker site' });
    expect(await stored(siteId)).toEqual({ name: 'Closed', active: false });

    // A later change, on v1 this time, applies.
    await send(Topics.SiteConfiguredV1, [
      configured(1, siteId, { name: 'Reopened', active: true }, t0 + 3000),
    ]);
    await eventually(async () => ((await stored(siteId))?.active ? true : undefined), {
      what: 'the reopened site',
    });
    expect(await stored(siteId)).toEqual({ name: 'Reopened', active: true });
  });

  it('answers 429 to an address that failed 10 tokens in a minute, whatever it tries next', async () => {
    const list = (ip: string, token: string) =>
      sendFrom(ip, api('/v1/admin/webhooks?siteId=default'), {
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < 10; i++) {
      expect((await list('127.0.0.77', `guess-${i}-0123456789abcdef`)).status).toBe(401);
    }
    const blocked = await list('127.0.0.77', `guess-10-0123456789abcdef`);
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Not even the right token is checked from there for a while; another address is not affected.
    expect((await list('127.0.0.77', TEST_ADMIN_TOKEN)).status).toBe(429);
    expect((await list('127.0.0.78', TEST_ADMIN_TOKEN)).status).toBe(200);
  });

  it('admin API: bearer token, validation, no secret in answers, delete', async () => {
    const siteId = await knownSite();
    const body = {
      siteId,
      url: 'https://hooks.example/x',
      events: [Topics.CommentApprovedV1],
      secret: SECRET,
    };
    expect((await postJson(api('/v1/admin/webhooks'), body)).status).toBe(401);
    const adminList = await fetch(api(`/v1/admin/webhooks?siteId=${siteId}`), { headers: admin });
    expect([adminList.status, adminList.headers.get('cache-control')]).toEqual([200, 'no-store']);
    expect(
      (await postJson(api('/v1/admin/webhooks'), body, { authorization: 'Bearer not-the-admin-token' }))
        .status,
    ).toBe(401);
    for (const bad of [
      { url: 'ftp://hooks.example/x' },
      { url: 'javascript:alert(1)' },
      { events: [Topics.CommentSubmittedV1] },
      { events: [] },
      { secret: 'too-short' },
      { siteId: '../etc' },
      { extra: true },
    ]) {
      const res = await postJson(api('/v1/admin/webhooks'), { ...body, ...bad }, admin);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    const created = await postJson(api('/v1/admin/webhooks'), body, admin);
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(String),
      siteId,
      url: body.url,
      events: body.events,
      createdAt: expect.any(String),
    });
    const listed = await getJson(api(`/v1/admin/webhooks?siteId=${siteId}`), admin);
    expect(listed.json.webhooks).toEqual([created.json]);
    expect(JSON.stringify(listed.json)).not.toContain(SECRET);
    const stored = await withDb((db) =>
      db.query<{ secret_sealed: string }>('SELECT secret_sealed FROM webhooks.subscriptions WHERE id = $1', [
        created.json.id,
      ]),
    );
    expect(stored.rows[0].secret_sealed).not.toContain(SECRET);

    const id = created.json.id as string;
    const missing = randomUUID();
    const noDelivery = await postJson(
      api(`/v1/admin/webhooks/${id}/deliveries/${missing}/replay`),
      {},
      admin,
    );
    expect([noDelivery.status, noDelivery.json.code]).toEqual([404, 'DELIVERY_NOT_FOUND']);
    const noWebhook = await postJson(
      api(`/v1/admin/webhooks/${randomUUID()}/deliveries/${missing}/replay`),
      {},
      admin,
    );
    expect([noWebhook.status, noWebhook.json.code]).toEqual([404, 'WEBHOOK_NOT_FOUND']);
    expect((await remove(id)).status).toBe(204);
    expect((await remove(id)).status).toBe(404);
    expect((await getJson(api(`/v1/admin/webhooks/${id}/deliveries`), admin)).status).toBe(404);
    expect((await getJson(api(`/v1/admin/webhooks/${id}/deliveries?limit=501`), admin)).status).toBe(400);
  });

  it('documents every route, its answers and its errors in OpenAPI; exposes delivery metrics', async () => {
    const doc = (await getJson(api('/docs/openapi.json'))).json as {
      paths: Record<
        string,
        Record<string, { summary?: string; responses?: Record<string, { description?: string }> }>
      >;
    };
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        const responses = Object.entries(op.responses ?? {});
        if (!op.summary?.trim()) missing.push(`${where}: no summary`);
        for (const [code, r] of responses)
          if (!r.description?.trim()) missing.push(`${where} ${code}: no description`);
        if (!path.startsWith('/health') && !responses.some(([code]) => code.startsWith('4'))) {
          missing.push(`${where}: no error response`);
        }
      }
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/admin/webhooks',
        '/v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay',
      ]),
    );
    expect(missing).toEqual([]);

    const metrics = await (await fetch(api('/metrics'))).text();
    // The earlier tests delivered, retried and dead-lettered.
    for (const outcome of ['delivered', 'retry', 'dead']) {
      expect(metrics).toMatch(
        new RegExp(`replyguard_webhook_attempts_total\\{[^}]*outcome="${outcome}"[^}]*\\} [1-9]`),
      );
    }
    expect(metrics).toMatch(/replyguard_webhook_pending\{[^}]*\} \d+/);
  });
});

describe('webhooks with WEBHOOK_PRIVATE_TARGETS=refuse (production): no receiver inside the network', () => {
  let app: NestFastifyApplication;
  let url: string;
  let producer: Producer;
  const saved = { ...process.env };

  beforeAll(async () => {
    ({ app, url, producer } = await startWebhooks({
      WEBHOOK_PRIVATE_TARGETS: 'refuse',
      WEBHOOK_RETRY_SCHEDULE_MS: '100',
      WEBHOOK_RETRY_FOR_MS: '300',
      WEBHOOK_POLL_MS: '25',
      WEBHOOK_SITE_WAIT_MS: '0',
    }));
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    process.env = { ...saved };
  });

  it('refuses to register one (400 naming url and publicAddress) and to deliver to one stored before', async () => {
    const siteId = await knownSite();
    const receiver = await startReceiver(() => 204);
    try {
      for (const target of [
        receiver.url,
        'http://169.254.169.254/latest/meta-data/',
        'http://localhost:9/x',
      ]) {
        const res = await postJson(
          `${url}/v1/admin/webhooks`,
          { siteId, url: target, events: [Topics.CommentApprovedV1], secret: SECRET },
          admin,
        );
        expect(res.status).toBe(400);
        expect(res.json).toMatchObject({
          code: 'VALIDATION_FAILED',
          fields: [{ field: 'url', rules: ['publicAddress'] }],
        });
        expect(res.json.message).toMatch(/^url must reach a public address: /);
      }
      expect((await getJson(`${url}/v1/admin/webhooks?siteId=${siteId}`, admin)).json).toEqual({
        webhooks: [],
      });

      // A subscription registered while private receivers were allowed (the setting changed since).
      const webhookId = randomUUID();
      await withDb((db) =>
        db.query(
          `INSERT INTO webhooks.subscriptions (id, site_id, url, events, secret_sealed) VALUES ($1, $2, $3, $4, $5)`,
          [webhookId, siteId, receiver.url, [Topics.CommentApprovedV1], app.get(SecretBox).seal(SECRET)],
        ),
      );
      const event = approval(siteId);
      await producer.send({
        topic: Topics.CommentApprovedV1,
        acks: -1,
        messages: [{ key: articleKey(siteId, event.data.articleId), value: JSON.stringify(event) }],
      });
      const dead = await eventually(
        async () => {
          const list = (await getJson(`${url}/v1/admin/webhooks/${webhookId}/deliveries`, admin)).json
            .deliveries as Delivery[];
          return list[0]?.status === 'dead' ? list[0] : undefined;
        },
        { what: 'the delivery to a private receiver to be dead-lettered', timeoutMs: 20000 },
      );
      expect(dead.lastError).toMatch(
        /^refused: 127\.0\.0\.1 is not a public address \(WEBHOOK_PRIVATE_TARGETS\)$/,
      );
      expect(receiver.requests).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
