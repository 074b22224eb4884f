import { gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Topics } from '@replyguard/contracts';
import { randomUUID } from 'node:crypto';
import { createIngestApp } from '../../apps/ingest/src/ingest.app';
import { aSubmission, uniqueArticleId } from '../support/factories';
import { createSite, withDb } from '../support/fixtures';
import { deepJson, HOSTILE_STRINGS, prng, rawRequest, type RawResponse, WRONG_TYPES } from '../support/fuzz';
import { recordTopics } from '../support/kafka';
import {
  eventually,
  getJson,
  postJson,
  type RunningSystem,
  startSystem,
  TEST_ADMIN_TOKEN,
} from '../support/system';

interface Case {
  name: string;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

const FIELDS = [
  'siteId',
  'articleId',
  'parentId',
  'authorName',
  'authorEmail',
  'authorUrl',
  'content',
  'honeypot',
];
const json = { 'content-type': 'application/json' };

describe('hostile input', () => {
  let system: RunningSystem;
  let recorder: Awaited<ReturnType<typeof recordTopics>>;
  const responses: RawResponse[] = [];
  const startedAt = new Date().toISOString();

  beforeAll(async () => {
    system = await startSystem();
    recorder = await recordTopics([
      Topics.CommentApprovedV1,
      Topics.CommentHeldV1,
      Topics.CommentRejectedV1,
      Topics.CommentRemovedV1,
    ]);
  });

  afterAll(async () => {
    await system?.close();
    await recorder?.stop();
  });

  function submissionCases(siteId: string): Case[] {
    const url = `${system.ingestUrl}/v1/comments`;
    const valid = () => aSubmission({ siteId, authorEmail: 'fuzzer@privacy.example' });
    const post = (name: string, body: unknown, headers: Record<string, string> = json): Case => ({
      name,
      url,
      headers,
      body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
    const cases: Case[] = [];
    for (const field of FIELDS) {
      WRONG_TYPES.forEach((v, i) =>
        cases.push(post(`${field} wrong type #${i}`, { ...valid(), [field]: v })),
      );
      HOSTILE_STRINGS.forEach((v, i) =>
        cases.push(post(`${field} hostile #${i}`, { ...valid(), [field]: v })),
      );
      const missing = valid();
      delete missing[field];
      cases.push(post(`${field} missing`, missing));
    }
    for (const key of ['__proto__', 'constructor', 'prototype', 'isAdmin', 'status', 'id']) {
      cases.push(
        post(`extra ${key}`, JSON.stringify(valid()).replace(/^\{/, `{"${key}": {"isAdmin": true},`)),
      );
    }
    for (const depth of [10, 1000, 10_000, 100_000]) {
      cases.push(post(`body nested ${depth}`, deepJson(depth)));
      cases.push(
        post(
          `field nested ${depth}`,
          JSON.stringify(valid()).replace(/"content":"[^"]*"/, `"content":${deepJson(depth)}`),
        ),
      );
    }
    cases.push(post('body 70 KiB', { ...valid(), content: 'x'.repeat(70 * 1024) }));
    cases.push(post('body 300 KiB', { ...valid(), content: 'x'.repeat(300 * 1024) }));
    cases.push(post('body 2 MiB', 'x'.repeat(2 * 1024 * 1024)));
    cases.push(post('not JSON', '{"siteId": '));
    cases.push(post('empty body', ''));
    cases.push(post('JSON array', '[]'));
    cases.push(post('JSON string', '"hello"'));
    cases.push(post('JSON null', 'null'));
    const invalidUtf8 = Buffer.concat([
      Buffer.from(JSON.stringify(valid()).slice(0, -2)),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    cases.push(post('invalid UTF-8', invalidUtf8));
    cases.push(post('text/plain', JSON.stringify(valid()), { 'content-type': 'text/plain' }));
    cases.push(post('xml', '<comment/>', { 'content-type': 'application/xml' }));
    cases.push(post('form', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' }));
    cases.push(post('no content type', JSON.stringify(valid()), {}));
    cases.push(
      post('utf-16 charset', JSON.stringify(valid()), { 'content-type': 'application/json; charset=utf-16' }),
    );
    cases.push(post('foreign origin', valid(), { ...json, origin: 'https://evil.example' }));
    cases.push(
      post('garbage forwarded-for', valid(), {
        ...json,
        'x-forwarded-for': "'; DROP TABLE x; --, ::::, 999.1.1.1",
      }),
    );
    cases.push(post('huge user agent', valid(), { ...json, 'user-agent': 'u'.repeat(8000) }));
    cases.push(post('huge header', valid(), { ...json, 'x-junk': 'j'.repeat(20_000) }));
    cases.push({ name: 'GET on POST route', url, method: 'GET' });
    cases.push({
      name: 'PUT on POST route',
      url,
      method: 'PUT',
      headers: json,
      body: JSON.stringify(valid()),
    });
    // Random combinations, replayable from the seed.
    const random = prng(20261127);
    const pool = [...WRONG_TYPES, ...HOSTILE_STRINGS.slice(0, -1), undefined];
    for (let i = 0; i < 700; i++) {
      const body: Record<string, unknown> = valid();
      const n = 1 + Math.floor(random() * 3);
      for (let k = 0; k < n; k++) {
        const field = FIELDS[Math.floor(random() * FIELDS.length)];
        body[field] = pool[Math.floor(random() * pool.length)];
      }
      cases.push(post(`random #${i}`, body));
    }
    return cases;
  }

  function otherEndpointCases(): Case[] {
    const cases: Case[] = [];
    for (const [i, s] of HOSTILE_STRINGS.entries()) {
      // Lone surrogates cannot be percent-encoded; raw bad escapes get their own cases below.
      const seg = encodeURIComponent(s.slice(0, 2000).replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
      cases.push({ name: `status ${i}`, url: `${system.moderationUrl}/v1/comments/${seg}`, method: 'GET' });
      cases.push({
        name: `thread site ${i}`,
        url: `${system.articlesUrl}/v1/sites/${seg}/articles/a/comments`,
        method: 'GET',
      });
      cases.push({
        name: `thread article ${i}`,
        url: `${system.articlesUrl}/v1/sites/default/articles/${seg}/comments`,
        method: 'GET',
      });
      cases.push({
        name: `report ${i}`,
        url: `${system.moderationUrl}/v1/comments/${randomUUID()}/reports`,
        headers: json,
        body: JSON.stringify({ reason: s, note: s }),
      });
      cases.push({
        name: `report path ${i}`,
        url: `${system.moderationUrl}/v1/comments/${seg}/reports`,
        headers: json,
        body: '{}',
      });
    }
    for (const bad of ['%', '%ED%A0%80', '%FF%FE', '..%2F..%2F', '%00']) {
      cases.push({
        name: `bad escape ${bad}`,
        url: `${system.moderationUrl}/v1/comments/${bad}`,
        method: 'GET',
      });
      cases.push({
        name: `bad escape thread ${bad}`,
        url: `${system.articlesUrl}/v1/sites/${bad}/articles/a/comments`,
        method: 'GET',
      });
    }
    return cases;
  }

  it('answers over 1,000 malformed requests with a clear 4xx, never a 5xx, and stores nothing it refused', async () => {
    const siteId = await createSite({});
    const cases = [...submissionCases(siteId), ...otherEndpointCases()];
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const failures: string[] = [];
    let accepted = 0;
    for (const c of cases) {
      let res: RawResponse;
      try {
        res = await rawRequest(c.url, { method: c.method, headers: c.headers, body: c.body });
      } catch (error) {
        failures.push(`${c.name}: no answer (${(error as Error).message})`);
        continue;
      }
      responses.push(res);
      if (res.status >= 500 || res.status < 200)
        failures.push(`${c.name}: ${res.status} ${res.body.slice(0, 200)}`);
      else if (res.status === 202 && c.url.endsWith('/v1/comments')) accepted++;
      else if (res.status >= 400 && res.status !== 404 && res.status !== 405 && !/"message"/.test(res.body)) {
        failures.push(`${c.name}: ${res.status} without a message: ${res.body.slice(0, 200)}`);
      }
    }
    process.stdout.write(
      `fuzz: ${cases.length} requests, ${accepted} accepted, ${cases.length - accepted} refused\n`,
    );
    expect(failures).toEqual([]);
    expect((await getJson(`${system.ingestUrl}/health/live`)).status).toBe(200);
    // Every accepted submission is stored once moderation has it; nothing refused is.
    await eventually(
      async () => {
        const n = await withDb(async (db) => {
          const r = await db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM moderation.comments WHERE site_id = $1',
            [siteId],
          );
          return r.rows[0].n;
        });
        return n === accepted ? n : undefined;
      },
      { what: `${accepted} stored comments`, timeoutMs: 30000 },
    );
  });

  /** A WordPress comment form post (answered 202: these sites have no article address to go back to). */
  const wpFormPost = (ingestUrl: string, siteId: string) =>
    fetch(`${ingestUrl}/v1/sites/${siteId}/wp-comments-post`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        comment: 'Posted without JavaScript.',
        author: 'Ann',
        email: `ann-${randomUUID().slice(0, 8)}@example.org`,
        comment_post_ID: uniqueArticleId(),
      }),
    });

  it('limits submissions per client IP and per site, the JSON intake and the WordPress form together, with 429 and Retry-After', async () => {
    const saved = {
      ip: process.env.INGEST_RATE_LIMIT_PER_IP,
      site: process.env.INGEST_RATE_LIMIT_PER_SITE,
      group: process.env.KAFKA_GROUP_PREFIX,
    };
    // Its own consumer group, so the main ingest's group is not rebalanced.
    process.env.KAFKA_GROUP_PREFIX = `rate-limit-${randomUUID().slice(0, 8)}`;
    let ingest: NestFastifyApplication | undefined;
    try {
      process.env.INGEST_RATE_LIMIT_PER_IP = '3';
      process.env.INGEST_RATE_LIMIT_PER_SITE = '1000';
      ingest = await createIngestApp();
      await ingest.listen(0, '127.0.0.1');
      const url = `${await ingest.getUrl()}/v1/comments`;
      const statuses: number[] = [];
      // The WordPress form counts against the same limit as the JSON intake.
      for (let i = 0; i < 2; i++) statuses.push((await postJson(url, aSubmission())).status);
      statuses.push((await wpFormPost(await ingest.getUrl(), 'default')).status);
      statuses.push((await postJson(url, aSubmission())).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      expect((await wpFormPost(await ingest.getUrl(), 'default')).status).toBe(429);
      const limited = await postJson(url, aSubmission());
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(String(limited.json.message)).toContain('retry after');
    } finally {
      await ingest?.close();
      process.env.INGEST_RATE_LIMIT_PER_IP = saved.ip;
      if (saved.site === undefined) delete process.env.INGEST_RATE_LIMIT_PER_SITE;
      else process.env.INGEST_RATE_LIMIT_PER_SITE = saved.site;
    }
    try {
      process.env.INGEST_RATE_LIMIT_PER_SITE = '2';
      ingest = await createIngestApp();
      await ingest.listen(0, '127.0.0.1');
      const url = `${await ingest.getUrl()}/v1/comments`;
      const siteId = await createSite({});
      const statuses: number[] = [
        (await postJson(url, aSubmission({ siteId }))).status,
        (await wpFormPost(await ingest.getUrl(), siteId)).status,
        (await postJson(url, aSubmission({ siteId }))).status,
        (await wpFormPost(await ingest.getUrl(), siteId)).status,
      ];
      expect(statuses).toEqual([202, 202, 429, 429]);
      // Another site is not held back by this one's limit.
      expect((await postJson(url, aSubmission())).status).toBe(202);
    } finally {
      await ingest?.close();
      if (saved.site === undefined) delete process.env.INGEST_RATE_LIMIT_PER_SITE;
      else process.env.INGEST_RATE_LIMIT_PER_SITE = saved.site;
      if (saved.group === undefined) delete process.env.KAFKA_GROUP_PREFIX;
      else process.env.KAFKA_GROUP_PREFIX = saved.group;
    }
  });

  it('enforces the authorisation matrix on every moderator and admin endpoint', async () => {
    const admin = `Bearer ${TEST_ADMIN_TOKEN}`;
    const adminH = { authorization: admin };
    const site = `site-${randomUUID().slice(0, 8)}`;
    expect(
      (await postJson(`${system.moderationUrl}/v1/admin/sites`, { id: site, name: site }, adminH)).status,
    ).toBe(201);
    const other = `site-${randomUUID().slice(0, 8)}`;
    expect(
      (await postJson(`${system.moderationUrl}/v1/admin/sites`, { id: other, name: other }, adminH)).status,
    ).toBe(201);
    const token = async (sites: string[]) =>
      `Bearer ${(await postJson(`${system.moderationUrl}/v1/admin/moderators`, { name: 'm', email: 'm@news.example', role: 'moderator', sites }, adminH)).json.token as string}`;
    const actors = {
      none: undefined,
      bad: 'Bearer rgm_not-a-token',
      other: await token([other]),
      moderator: await token([site]),
      admin,
    };
    // A comment of `site`, for the per-comment endpoints.
    await withDb((db) =>
      db.query(
        `UPDATE moderation.sites SET policy = '{"flood":{"maxPerWindow":100000,"windowSeconds":60}}' WHERE id = $1`,
        [site],
      ),
    );
    await eventually(
      async () => {
        const r = await postJson(`${system.ingestUrl}/v1/comments`, aSubmission({ siteId: site }));
        return r.status === 202 ? r : undefined;
      },
      { what: 'ingest to know the site' },
    );
    const commentId = await eventually(
      async () =>
        withDb(
          async (db) =>
            (
              await db.query<{ id: string }>(
                'SELECT id FROM moderation.comments WHERE site_id = $1 LIMIT 1',
                [site],
              )
            ).rows[0]?.id,
        ),
      { what: 'a comment on the site' },
    );

    type Expect = [none: number, bad: number, other: number, moderator: number, admin: number];
    const m = system.moderationUrl;
    const ban = await postJson(
      `${m}/v1/moderation/bans`,
      { siteId: site, domain: `lift-${randomUUID().slice(0, 6)}.example`, reason: 'to lift' },
      adminH,
    );
    const banId = ban.json.id as string;
    // Revoked by the admin's row of the matrix: not one of the actors, whose tokens must keep working.
    const revokee = await postJson(
      `${m}/v1/admin/moderators`,
      { name: 'revokee', email: 'revokee@news.example', role: 'moderator', sites: [site] },
      adminH,
    );
    const revokeeId = revokee.json.id as string;
    const matrix: [string, string, string, unknown, Expect][] = [
      ['GET', `${m}/v1/moderation/me`, 'me', undefined, [401, 401, 200, 200, 200]],
      [
        'GET',
        `${m}/v1/moderation/queue?siteId=${site}&status=approved`,
        'queue',
        undefined,
        [401, 401, 403, 200, 200],
      ],
      [
        'GET',
        `${m}/v1/moderation/queue/summary?siteId=${site}`,
        'queue summary',
        undefined,
        [401, 401, 403, 200, 200],
      ],
      [
        'GET',
        `${m}/v1/moderation/comments/${commentId}/history`,
        'history',
        undefined,
        [401, 401, 403, 200, 200],
      ],
      [
        'GET',
        `${m}/v1/moderation/comments/${commentId}/reports`,
        'reports',
        undefined,
        [401, 401, 403, 200, 200],
      ],
      [
        'POST',
        `${m}/v1/moderation/comments/${commentId}/decision`,
        'decision',
        { action: 'approve', expectedVersion: 999 },
        [401, 401, 403, 409, 409],
      ],
      [
        'POST',
        `${m}/v1/moderation/decisions`,
        'bulk',
        { ids: [commentId], action: 'approve' },
        [401, 401, 200, 200, 200],
      ],
      [
        'POST',
        `${m}/v1/moderation/bans`,
        'ban',
        { siteId: site, domain: `matrix-${randomUUID().slice(0, 6)}.example`, reason: 'matrix' },
        [401, 401, 403, 201, 201],
      ],
      [
        'POST',
        `${m}/v1/admin/sites`,
        'create site',
        { id: `s-${randomUUID().slice(0, 8)}`, name: 'x' },
        [401, 401, 403, 403, 201],
      ],
      ['GET', `${m}/v1/moderation/bans?siteId=${site}`, 'list bans', undefined, [401, 401, 403, 200, 200]],
      ['DELETE', `${m}/v1/moderation/bans/${banId}`, 'lift ban', undefined, [401, 401, 403, 200, 200]],
      ['GET', `${m}/v1/admin/sites/${site}`, 'get site', undefined, [401, 401, 403, 403, 200]],
      ['PATCH', `${m}/v1/admin/sites/${site}`, 'patch site', { name: 'renamed' }, [401, 401, 403, 403, 200]],
      [
        'POST',
        `${m}/v1/admin/moderators`,
        'create moderator',
        { name: 'n', email: 'n@news.example', role: 'moderator', sites: [] },
        [401, 401, 403, 403, 201],
      ],
      ['GET', `${m}/v1/admin/feedback?task=spam`, 'feedback', undefined, [401, 401, 403, 403, 200]],
      ['GET', `${m}/v1/admin/sites`, 'list sites', undefined, [401, 401, 403, 403, 200]],
      [
        'GET',
        `${m}/v1/admin/moderators?siteId=${site}`,
        'list moderators',
        undefined,
        [401, 401, 403, 403, 200],
      ],
      [
        'DELETE',
        `${m}/v1/admin/moderators/${revokeeId}`,
        'revoke moderator',
        undefined,
        [401, 401, 403, 403, 200],
      ],
    ];
    const got: string[] = [];
    const want: string[] = [];
    for (const [method, url, name, body, expected] of matrix) {
      for (const [i, actor] of Object.values(actors).entries()) {
        // No body, no content type: Fastify refuses an empty body declared as JSON.
        const headers: Record<string, string> = {
          ...(body === undefined ? {} : json),
          ...(actor ? { authorization: actor } : {}),
        };
        // Bodies that create things must be unique per call.
        const payload =
          body && typeof body === 'object' && 'id' in body
            ? { ...body, id: `s-${randomUUID().slice(0, 8)}` }
            : body;
        const res = await fetch(url, {
          method,
          headers,
          body: payload === undefined ? undefined : JSON.stringify(payload),
        });
        const text = await res.text();
        got.push(`${name} as ${Object.keys(actors)[i]}: ${res.status}`);
        want.push(`${name} as ${Object.keys(actors)[i]}: ${expected[i]}`);
        if (res.status === 403 || res.status === 401) expect(text).not.toContain(commentId);
        if (name === 'bulk' && Object.keys(actors)[i] === 'other')
          expect(JSON.parse(text).results[0]).toMatchObject({ ok: false, error: 'FORBIDDEN' });
      }
    }
    expect(got).toEqual(want);
  });

  it('answers bad admin input with a 400 that names the field, and stores nothing of it', async () => {
    const m = system.moderationUrl;
    const adminH = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const site = `site-${randomUUID().slice(0, 8)}`;
    expect((await postJson(`${m}/v1/admin/sites`, { id: site, name: site }, adminH)).status).toBe(201);
    // null in a PATCH used to reach the NOT NULL columns: a 500.
    for (const field of [
      'name',
      'allowedOrigins',
      'policy',
      'reportThreshold',
      'unpublishOnReports',
      'active',
    ]) {
      const res = await postJson(`${m}/v1/admin/sites/${site}`, { [field]: null }, adminH, 'PATCH');
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(res.json)).toContain(field);
    }
    // A misspelt policy setting used to be stored and ignored.
    const typo = await postJson(
      `${m}/v1/admin/sites/${site}`,
      { policy: { thresholds: { toxicty: { hold: 0.4 } } } },
      adminH,
      'PATCH',
    );
    expect(typo).toMatchObject({
      status: 400,
      json: {
        error: 'POLICY_INVALID',
        details: { field: 'policy.thresholds.toxicty', code: 'POLICY_UNKNOWN_FIELD' },
      },
    });
    const stored = await getJson(`${m}/v1/admin/sites/${site}`, adminH);
    expect(stored.json).toMatchObject({ name: site, policy: {}, active: true });
    // The CSV export's bad query used to be a 500 (a JSON error sent as text/csv).
    for (const query of ['', '?task=nope']) {
      const res = await fetch(`${m}/v1/admin/feedback${query}`, { headers: adminH });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(await res.text()).toContain('task');
    }
    expect(
      (await fetch(`${m}/v1/admin/feedback?task=spam`, { headers: adminH })).headers.get('content-type'),
    ).toContain('text/csv');
  });

  it('gives every error answer a code a client can branch on', async () => {
    const ingest = `${system.ingestUrl}/v1/comments`;
    const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(ingest, { method: 'POST', headers, body });
    const cases: [string, Promise<Response>, number, string][] = [
      ['invalid JSON', post('{"siteId": '), 400, 'BAD_REQUEST'],
      [
        'a body over the limit',
        post(JSON.stringify({ content: 'x'.repeat(300 * 1024) })),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'a text body where JSON is expected',
        post('a=1', { 'content-type': 'text/plain' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      ['a missing field', post(JSON.stringify({ siteId: 'default' })), 400, 'VALIDATION_FAILED'],
      [
        'JSON nested 10,000 deep (20 KB)',
        post(JSON.stringify(aSubmission()).replace(/"content":"[^"]*"/, `"content":${deepJson(10_000)}`)),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'JSON nested 33 deep, on another service',
        fetch(`${system.moderationUrl}/v1/admin/sites`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
          body: `{"id":"deep","name":"Deep","policy":${deepJson(33)}}`,
        }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown site',
        post(JSON.stringify(aSubmission({ siteId: 'no-such-site' }))),
        404,
        'SITE_NOT_FOUND',
      ],
      ['an unknown route', fetch(`${system.ingestUrl}/v1/nothing-here`), 404, 'NOT_FOUND'],
      [
        'a malformed id in the path',
        fetch(`${system.moderationUrl}/v1/comments/not-a-uuid`),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    const got: string[] = [];
    const want: string[] = [];
    for (const [what, response, status, code] of cases) {
      const res = await response;
      const body = (await res.json()) as { code?: unknown };
      got.push(`${what}: ${res.status} ${String(body.code)}`);
      want.push(`${what}: ${status} ${code}`);
    }
    expect(got).toEqual(want);

    // A JSON body sent as text: which content types the route reads, not every field "missing".
    const asText = await postJson(ingest, JSON.stringify(aSubmission()), { 'content-type': 'text/plain' });
    expect(asText).toMatchObject({
      status: 415,
      json: {
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'content-type text/plain is not accepted here; send application/json',
        details: { expected: ['application/json'] },
      },
    });
    // A compressed body: no route reads one; say so, not that its size does not match Content-Length.
    const gzipped = await fetch(ingest, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(aSubmission())),
    });
    expect({ status: gzipped.status, json: await gzipped.json() }).toMatchObject({
      status: 415,
      json: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'content-encoding gzip is not accepted here; send the body uncompressed',
        details: { expected: ['application/json'], contentEncoding: ['identity'] },
      },
    });
    // A form to a JSON route (which a page may send across sites unasked), and JSON to the form route.
    const formTo = async (url: string, method = 'POST', body = 'name=x') => {
      const res = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    for (const [url, method] of [
      [ingest, 'POST'],
      [`${system.moderationUrl}/v1/admin/sites/default`, 'PATCH'],
      [`${system.moderationUrl}/v1/moderation/decisions`, 'POST'],
    ] as const) {
      expect({ url, ...(await formTo(url, method)) }).toMatchObject({
        url,
        status: 415,
        json: { code: 'UNSUPPORTED_MEDIA_TYPE', details: { expected: ['application/json'] } },
      });
    }
    const jsonToForm = await postJson(
      `${system.ingestUrl}/v1/sites/default/wp-comments-post`,
      JSON.stringify({ comment: 'x' }),
      { 'content-type': 'application/json' },
    );
    // The form route answers with its failure page, as it does every refusal.
    expect(jsonToForm.status).toBe(415);
    expect(jsonToForm.text).toContain('<strong>Error:</strong>');
    const akismetAsText = await postJson(`${system.moderationUrl}/1.1/verify-key`, 'key=x', {
      'content-type': 'text/plain',
    });
    expect(akismetAsText).toMatchObject({
      status: 415,
      json: { code: 'UNSUPPORTED_MEDIA_TYPE', details: { expected: ['application/x-www-form-urlencoded'] } },
    });

    // Every validation failure names its field the same way: a path id, a body field, a domain rule.
    const pathId = (await (await fetch(`${system.moderationUrl}/v1/comments/not-a-uuid`)).json()) as Record<
      string,
      unknown
    >;
    expect(pathId).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'id', rules: ['isUuid'], messages: ['id must be a UUID'] }],
    });
    const badCursor = await getJson(
      `${system.moderationUrl}/v1/moderation/queue?siteId=default&status=held&cursor=bm90LWEtY3Vyc29y`,
      {
        authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
      },
    );
    expect(badCursor.json).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'cursor' }] });
  });

  it("sends security headers and answers CORS only for a site's allowed origins", async () => {
    const res = await fetch(`${system.ingestUrl}/v1/comments`, { method: 'POST', headers: json, body: '{}' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
    const preflight = (origin: string) =>
      fetch(`${system.ingestUrl}/v1/comments`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    // The default site allows the demo page's origin.
    const allowed = await preflight('http://127.0.0.1:3002');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3002');
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    // A browser post from a foreign origin is refused even without the preflight.
    const post = await postJson(`${system.ingestUrl}/v1/comments`, aSubmission(), {
      origin: 'https://evil.example',
    });
    expect(post.status).toBe(403);
    expect(post.json.error).toBe('ORIGIN_NOT_ALLOWED');
    // An allowed page may read a 429's Retry-After, to tell its reader how long to wait.
    const fromPage = await postJson(`${system.ingestUrl}/v1/comments`, aSubmission(), {
      origin: 'http://127.0.0.1:3002',
    });
    expect(fromPage.status).toBe(202);
    expect(fromPage.headers.get('access-control-expose-headers')).toBe('retry-after');
  });

  it('limits the moderator API per token', async () => {
    const headers = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const statuses = await Promise.all(
      Array.from({ length: 620 }, () =>
        fetch(`${system.moderationUrl}/v1/moderation/me`, { headers }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(600);
  });

  it('never publishes an email or an IP address in a response or an event', async () => {
    const emails = [
      `privacy-${randomUUID().slice(0, 6)}@example.org`,
      `privacy-${randomUUID().slice(0, 6)}@example.org`,
    ];
    const articleId = uniqueArticleId();
    const ids: string[] = [];
    for (const [i, content] of [
      'A calm and ordinary remark.',
      'Visit https://a.example https://b.example https://c.example now',
    ].entries()) {
      const res = await postJson(
        `${system.ingestUrl}/v1/comments`,
        aSubmission({ articleId, authorEmail: emails[i], content }),
        {
          'x-forwarded-for': '198.51.100.23',
        },
      );
      responses.push({ status: res.status, body: res.text, headers: {} });
      ids.push(res.json.id as string);
    }
    await eventually(
      async () =>
        recorder.messages.filter((m) => ids.some((id) => m.value.includes(id))).length >= 2
          ? true
          : undefined,
      {
        what: 'decision events for both comments',
      },
    );
    for (const url of [
      `${system.articlesUrl}/v1/sites/default/articles/${articleId}/comments`,
      `${system.moderationUrl}/v1/comments/${ids[0]}`,
      `${system.moderationUrl}/v1/moderation/queue?siteId=default&status=held&limit=200`,
    ]) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
      responses.push({ status: res.status, body: await res.text(), headers: {} });
    }
    // This run's events only: the broker holds earlier tests' events (and their poison messages,
    // which are not JSON) and, when long-lived (KAFKA_BROKERS), earlier runs' events.
    const events = recorder.messages.filter((m) => {
      try {
        const { time } = JSON.parse(m.value) as { time?: unknown };
        return typeof time === 'string' && time >= startedAt;
      } catch {
        return false;
      }
    });
    const haystack = [
      ...responses.map((r) => r.body),
      ...events.map((m) => m.value + JSON.stringify(m.headers)),
    ];
    const needles = [...emails, 'fuzzer@privacy.example', '127.0.0.1', '198.51.100.23'];
    const hits = needles.flatMap((n) =>
      haystack.filter((h) => h.includes(n)).map((h) => `${n} in ${h.slice(0, 120)}`),
    );
    expect(hits).toEqual([]);
    expect(events.length).toBeGreaterThan(2);
  });
});
