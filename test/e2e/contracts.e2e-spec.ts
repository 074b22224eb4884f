import { Parser } from '@asyncapi/parser';
import { deadLetterTopic, Topics } from '@replyguard/contracts';
import { topicConfig } from '@replyguard/messaging';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { aSubmission } from '../support/factories';
import { recordTopics } from '../support/kafka';
import {
  eventually,
  getJson,
  postJson,
  type RunningSystem,
  startSystem,
  TEST_ADMIN_TOKEN,
} from '../support/system';

const ASYNCAPI = join(__dirname, '../../docs/asyncapi.yaml');

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        parameters?: { name: string; in: string; required?: boolean }[];
        requestBody?: unknown;
        responses?: Record<string, { description?: string }>;
      }
    >
  >;
  components?: { schemas?: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
}

async function loadAsyncApi() {
  const { document, diagnostics } = await new Parser().parse(readFileSync(ASYNCAPI, 'utf8'));
  return {
    document,
    errors: diagnostics
      .filter((d) => Number(d.severity) === 0 /* error */)
      .map((d) => `${d.message} at ${d.path.join('.')}`),
  };
}

describe('contracts people can read', () => {
  let system: RunningSystem;
  let recorder: Awaited<ReturnType<typeof recordTopics>>;

  beforeAll(async () => {
    system = await startSystem();
    recorder = await recordTopics([...Object.values(Topics)]);
  });

  afterAll(async () => {
    await system?.close();
    await recorder?.stop();
  });

  it('documents every HTTP route with a summary and every response with a description', async () => {
    const missing: string[] = [];
    for (const base of [system.ingestUrl, system.moderationUrl, system.articlesUrl, system.webhooksUrl]) {
      const res = await getJson(`${base}/docs/openapi.json`);
      expect(res.status).toBe(200);
      const doc = res.json as unknown as OpenApiDoc;
      expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          const where = `${method.toUpperCase()} ${path}`;
          if (!op.summary?.trim()) missing.push(`${where}: no summary`);
          const responses = Object.entries(op.responses ?? {});
          if (responses.length === 0) missing.push(`${where}: no responses`);
          // Success answers are described by their schema; every error answer says when it happens.
          for (const [code, r] of responses) {
            if (!code.startsWith('2') && !r.description?.trim())
              missing.push(`${where} ${code}: no description`);
          }
          // Health checks, and Akismet's protocol (its errors are 200 answers with a debug header), aside.
          const exempt = path.startsWith('/health') || path.startsWith('/1.1/');
          if (!exempt && !responses.some(([code]) => code.startsWith('4'))) {
            missing.push(`${where}: no error response`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists 400 wherever a parameter is taken, 413 and 415 wherever a body is, and 429 on every rate-limited route of moderation and webhooks', async () => {
    const missing: string[] = [];
    for (const base of [system.ingestUrl, system.moderationUrl, system.articlesUrl, system.webhooksUrl]) {
      const doc = (await getJson(`${base}/docs/openapi.json`)).json as unknown as OpenApiDoc;
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          const where = `${method.toUpperCase()} ${path}`;
          const codes = Object.keys(op.responses ?? {});
          if (op.requestBody && !codes.includes('413')) missing.push(`${where}: no 413`);
          if (op.requestBody && !codes.includes('415')) missing.push(`${where}: no 415`);
          // Every path and query parameter is validated.
          if ((op.parameters ?? []).some((p) => p.in !== 'header') && !codes.includes('400'))
            missing.push(`${where}: no 400`);
          // Moderation's rate limit guards every route but its health checks and metrics.
          // Webhooks' admin routes answer 429 to an address that failed too many tokens.
          const limited =
            (base === system.moderationUrl && !/^\/(health|metrics)(\/|$)/.test(path)) ||
            (base === system.webhooksUrl && path.startsWith('/v1/admin/'));
          if (limited && !codes.includes('429')) missing.push(`${where}: no 429`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares every parameter of every path, as OpenAPI requires', async () => {
    const undeclared: string[] = [];
    for (const base of [system.ingestUrl, system.moderationUrl, system.articlesUrl, system.webhooksUrl]) {
      const doc = (await getJson(`${base}/docs/openapi.json`)).json as unknown as OpenApiDoc;
      for (const [path, methods] of Object.entries(doc.paths)) {
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        for (const [method, op] of Object.entries(methods)) {
          const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
          const where = `${method.toUpperCase()} ${path}`;
          for (const name of inPath) {
            const p = declared.find((d) => d.name === name);
            if (!p) undeclared.push(`${where}: {${name}} not declared`);
            else if (p.required !== true) undeclared.push(`${where}: {${name}} not required`);
          }
          for (const d of declared) {
            if (!inPath.includes(d.name))
              undeclared.push(`${where}: path parameter ${d.name} not in the path`);
          }
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('gives every schema property a type a client generator can use', async () => {
    const untyped: string[] = [];
    for (const base of [system.ingestUrl, system.moderationUrl, system.articlesUrl, system.webhooksUrl]) {
      const doc = (await getJson(`${base}/docs/openapi.json`)).json as unknown as OpenApiDoc;
      for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
        for (const [prop, p] of Object.entries(schema.properties ?? {})) {
          const stringish = ['format', 'maxLength', 'minLength', 'pattern'].some((k) => k in p);
          // A `string | null` property without an explicit type is documented as an object.
          const unionAsObject =
            p.nullable === true && (p.type === undefined || p.type === 'object') && !p.$ref && !p.allOf;
          // OpenAPI 3.0: `nullable` does not add null to an `enum`, which must list it itself.
          const enumWithoutNull = p.nullable === true && Array.isArray(p.enum) && !p.enum.includes(null);
          if ((stringish && p.type !== 'string') || unionAsObject || enumWithoutNull) {
            untyped.push(`${name}.${prop}: ${JSON.stringify(p)}`);
          }
        }
      }
    }
    expect(untyped).toEqual([]);
  });

  it('has a valid AsyncAPI document with a channel for every topic and every dead-letter topic', async () => {
    const { document, errors } = await loadAsyncApi();
    expect(errors).toEqual([]);
    const addresses = document!
      .channels()
      .all()
      .map((c) => c.address());
    const topics = Object.values(Topics);
    const missing = [...topics, ...topics.map(deadLetterTopic)].filter((t) => !addresses.includes(t));
    expect(missing).toEqual([]);
  });

  it("describes each topic's configuration as the services create it", async () => {
    const { document } = await loadAsyncApi();
    const wrong: string[] = [];
    for (const channel of document!.channels().all()) {
      const address = channel.address() ?? '';
      const binding = channel.bindings().get('kafka')?.value<{
        partitions?: number;
        topicConfiguration?: Record<string, unknown>;
      }>();
      // The document's figures are the defaults: KAFKA_PII_RETENTION_HOURS 72, KAFKA_TOPIC_PARTITIONS 6.
      const expected = topicConfig(address, { personalDataRetentionHours: 72 });
      const documented = Object.fromEntries(
        Object.entries(binding?.topicConfiguration ?? {}).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(',') : String(v),
        ]),
      );
      if (JSON.stringify(documented) !== JSON.stringify(expected))
        wrong.push(`${address}: ${JSON.stringify(documented)}, created with ${JSON.stringify(expected)}`);
      if (binding?.partitions !== (address.endsWith('.dlq') ? 1 : 6))
        wrong.push(`${address}: ${binding?.partitions} partitions`);
    }
    expect(wrong).toEqual([]);
  });

  it('validates every event the services emit against the AsyncAPI schemas', async () => {
    const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const siteId = `site-${randomUUID().slice(0, 8)}`;
    const created = await postJson(
      `${system.moderationUrl}/v1/admin/sites`,
      {
        id: siteId,
        name: 'Contracts',
        policy: { bannedWords: ['grifter'], flood: { maxPerWindow: 100000, windowSeconds: 60 } },
      },
      admin,
    );
    expect(created.status).toBe(201);
    const submit = async (body: Record<string, unknown>) =>
      eventually(
        async () => {
          const r = await postJson(`${system.ingestUrl}/v1/comments`, aSubmission({ siteId, ...body }));
          return r.status === 202 ? (r.json.id as string) : undefined;
        },
        { what: 'ingest to accept' },
      );
    // An internationalised address goes out as a URI (the schemas' `format: uri`).
    const approved = await submit({
      content: 'A fair and ordinary remark.',
      authorUrl: 'https://bücher.example/straße',
    });
    const held = await submit({
      content:
        'Sources: https://www.stats.gov.cn/english/, https://www.customs.gov.cn/ and https://comtrade.un.org/ today.',
    });
    const rejected = await submit({ content: 'What a grifter.' });
    // What the intake accepts at its edges: an internationalised address with a quoted local part
    // (validator.js's isEmail), and a name and a text at their longest as the contract counts them (a
    // character with its variation selector counts once: twice the code points).
    const unusual = await submit({
      authorEmail: '"Jürgen Groß"@Bücher.example',
      authorName: 'J\uFE0F'.repeat(245),
      content: '\u2764\uFE0F'.repeat(10_000),
    });
    const version = await eventually(
      async () => {
        const page = (
          await getJson(`${system.moderationUrl}/v1/moderation/queue?siteId=${siteId}&status=approved`, admin)
        ).json as {
          items: { id: string; version: number }[];
        };
        return page.items.find((i) => i.id === approved)?.version;
      },
      { what: 'the approved comment in the queue' },
    );
    const takedown = await postJson(
      `${system.moderationUrl}/v1/moderation/comments/${approved}/decision`,
      { action: 'reject', expectedVersion: version },
      admin,
    );
    expect(takedown.status).toBe(200);

    const wanted: [string, string][] = [
      [Topics.SiteConfiguredV1, siteId],
      [Topics.SiteConfiguredV2, siteId],
      [Topics.CommentSubmittedV1, approved],
      [Topics.CommentApprovedV1, approved],
      [Topics.CommentHeldV1, held],
      [Topics.CommentRejectedV1, rejected],
      [Topics.CommentRemovedV1, approved],
      [Topics.CommentSubmittedV1, unusual],
    ];
    const decisions: string[] = [Topics.CommentApprovedV1, Topics.CommentHeldV1, Topics.CommentRejectedV1];
    await eventually(
      async () =>
        wanted.every(([t, id]) => recorder.messages.some((m) => m.topic === t && m.value.includes(id))) &&
        recorder.messages.some((m) => decisions.includes(m.topic) && m.value.includes(unusual))
          ? true
          : undefined,
      { what: 'one event of every type' },
    );

    const { document } = await loadAsyncApi();
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // ajv-formats has no `idn-email` (RFC 6531); the intake's own rule (validator.js) is the judge.
    ajv.addFormat('idn-email', /^.+@[^\s@]+$/u);
    const validators = new Map<string, ValidateFunction>();
    for (const channel of document!.channels().all()) {
      const message = channel.messages().all()[0];
      const schema = message?.payload()?.json();
      if (schema) validators.set(channel.address() ?? '', ajv.compile(schema));
    }
    const mine = recorder.messages.filter((m) => wanted.some(([, id]) => m.value.includes(id)));
    expect(new Set(mine.map((m) => m.topic))).toEqual(new Set(wanted.map(([t]) => t)));
    const invalid: string[] = [];
    for (const m of mine) {
      const validate = validators.get(m.topic);
      if (!validate) invalid.push(`${m.topic}: no schema in the AsyncAPI document`);
      else if (!validate(JSON.parse(m.value))) invalid.push(`${m.topic}: ${ajv.errorsText(validate.errors)}`);
      if (m.headers['content-type'] !== 'application/cloudevents+json; charset=UTF-8')
        invalid.push(`${m.topic}: content-type`);
    }
    expect(invalid).toEqual([]);
    const websites = mine
      .filter((m) => m.value.includes(approved))
      .filter((m) => m.topic === Topics.CommentSubmittedV1 || m.topic === Topics.CommentApprovedV1)
      .map((m) => (JSON.parse(m.value) as { data: { authorUrl: string } }).data.authorUrl);
    expect(websites).toEqual([
      'https://xn--bcher-kva.example/stra%C3%9Fe',
      'https://xn--bcher-kva.example/stra%C3%9Fe',
    ]);
  });
});
