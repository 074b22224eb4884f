import { CommentSubmittedV1, createEnvelope, type EventEnvelope } from '@replyguard/contracts';
import type { OutboxRelayService } from '@replyguard/messaging';
import { DEFAULT_SITE_POLICY, ModerationEngine, type SitePolicy } from '@replyguard/moderation-engine';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { BansRepository } from '../../bans/bans.repository';
import type { ExternalCheck } from '../../checks/external-check';
import type { CommentEntity } from '../../comments/comment.entity';
import type { AuthorHistoryQuery, CommentsRepository } from '../../comments/comments.repository';
import type { ModerationMetrics } from '../../metrics/moderation.metrics';
import type { SitePoliciesRepository } from '../../sites/site-policies.repository';
import { hashEmail } from '@replyguard/platform';
import { ModerateSubmissionHandler } from './moderate-submission.handler';

function submission(
  content: string,
  over: Partial<CommentSubmittedV1> = {},
): EventEnvelope<CommentSubmittedV1> {
  const id = over.commentId ?? uuidv7();
  return createEnvelope(
    CommentSubmittedV1.info,
    {
      commentId: id,
      siteId: 'default',
      articleId: 'a1',
      parentId: null,
      authorName: 'Ann',
      authorEmail: 'ann@example.org',
      authorUrl: null,
      content,
      submittedAt: new Date().toISOString(),
      client: { ipHash: 'f'.repeat(64), userAgent: null, referer: null },
      ...over,
    },
    { source: '/test', subject: id, correlationId: id },
  );
}

function setup(
  engine: Pick<ModerationEngine, 'moderate' | 'modelVersions'>,
  external: ExternalCheck[] = [],
  site: {
    policy?: SitePolicy;
    trustedNames?: string[];
    erasures?: { id: string; emailHash: string; removeComments: boolean; erasedAt: Date }[];
  } = {},
) {
  const auditReasons: (string | undefined)[] = [];
  const stored: CommentEntity[] = [];
  const outboxPayloads: string[] = [];
  const decisionsCounted: { action: string; reason: string | undefined }[] = [];
  const delays: { action: string; submittedAt: Date; decidedAt: Date }[] = [];
  const dataSource = { manager: {} as EntityManager } as unknown as DataSource;
  const comments = {
    storedByIds: (_m: EntityManager, ids: string[]) =>
      Promise.resolve(
        new Map(
          stored
            .filter((c) => ids.includes(c.id))
            .map((c) => [
              c.id,
              {
                siteId: c.siteId,
                articleId: c.articleId,
                parentId: c.parentId,
                status: c.status,
                depth: c.depth,
              },
            ]),
        ),
      ),
    // The stored history: authors with an approved comment under one of `trustedNames`.
    authorHistories: (_m: EntityManager, queries: AuthorHistoryQuery[]) =>
      Promise.resolve(
        queries.map((q) => ({
          trusted: (site.trustedNames ?? []).includes(q.authorName),
          duplicateRecent: false,
          recentFromEmail: 0,
          recentFromIp: 0,
        })),
      ),
    pendingErasures: (_m: EntityManager, queries: { emailHash: string; at: Date }[]) =>
      Promise.resolve(
        queries.map((q) => {
          const e = site.erasures?.find((x) => x.emailHash === q.emailHash && x.erasedAt >= q.at);
          return e
            ? { id: e.id, removeComments: e.removeComments, requestedBy: 'admin', erasedAt: e.erasedAt }
            : null;
        }),
      ),
    storeDecided: (
      _m: EntityManager,
      _table: string,
      items: { comment: CommentEntity; event: { payload: string } | null; auditReason?: string }[],
    ) => {
      stored.push(...items.map((i) => i.comment));
      outboxPayloads.push(...items.flatMap((i) => (i.event ? [i.event.payload] : [])));
      auditReasons.push(...items.map((i) => i.auditReason));
      return Promise.resolve(new Set(items.map((i) => i.comment.id)));
    },
  } as unknown as CommentsRepository;
  const metrics = {
    decisionRecorded: (d: { actor: string; action: string; decision: { reasons: { code: string }[] } }) =>
      decisionsCounted.push({ action: d.action, reason: d.decision.reasons[0]?.code }),
    autoDecision: (action: string, submittedAt: Date, decidedAt: Date) =>
      delays.push({ action, submittedAt, decidedAt }),
  } as unknown as ModerationMetrics;
  const handler = new ModerateSubmissionHandler(
    dataSource,
    engine as ModerationEngine,
    {
      policyOf: () => Promise.resolve(site.policy ?? DEFAULT_SITE_POLICY),
    } as unknown as SitePoliciesRepository,
    comments,
    {
      activeForMany: (_m: EntityManager, queries: unknown[]) =>
        Promise.resolve(queries.map(() => ({ email: false, ipHash: false, domain: false }))),
    } as unknown as BansRepository,
    { wake: () => undefined } as unknown as OutboxRelayService,
    { hashSecret: 'unit-test-secret-0123456789' },
    metrics,
    external,
  );
  return { handler, stored, outboxPayloads, decisionsCounted, delays, auditReasons };
}

describe(ModerateSubmissionHandler.name, () => {
  it('holds the comment for a human when a check throws (fail closed)', async () => {
    const broken = {
      modelVersions: {},
      moderate: () => {
        throw new Error('model file corrupt');
      },
    };
    const { handler, stored, outboxPayloads, decisionsCounted } = setup(broken);
    await handler.execute(submission('A perfectly ordinary remark.'));
    expect(decisionsCounted).toEqual([{ action: 'hold', reason: 'CHECK_FAILED' }]);
    expect(stored).toHaveLength(1);
    expect(stored[0].status).toBe('held');
    expect(stored[0].decision.reasons.map((r) => r.code)).toEqual(['CHECK_FAILED']);
    expect(outboxPayloads.join()).toContain('org.replyguard.comment.held.v1');
    expect(outboxPayloads.join()).not.toContain('ann@example.org');
  });

  it('holds an ordinary comment when an external check says so', async () => {
    const akismet: ExternalCheck = {
      name: 'fake',
      check: () => Promise.resolve([{ action: 'hold', reason: { code: 'AKISMET_SPAM', message: 'spam' } }]),
    };
    const { handler, stored } = setup(ModerationEngine.rulesOnly(), [akismet]);
    await handler.execute(submission('A perfectly ordinary remark.'));
    expect(stored[0].status).toBe('held');
    // Not also "No rule or model flagged this comment": the engine's scores are kept, its NO_FLAGS is not.
    expect(stored[0].decision.reasons.map((r) => r.code)).toEqual(['AKISMET_SPAM']);
    expect(stored[0].decision.scores.spam).toEqual(expect.any(Number));
  });

  it('approves an ordinary comment and stores only a hash of the email', async () => {
    const { handler, stored, outboxPayloads } = setup(ModerationEngine.rulesOnly());
    await handler.execute(submission('A perfectly ordinary remark.'));
    expect(stored[0].status).toBe('approved');
    expect(stored[0].published).toBe(true);
    expect(stored[0].authorEmailHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored[0])).not.toContain('ann@example.org');
    expect(outboxPayloads.join()).toContain('org.replyguard.comment.approved.v1');
  });

  describe('a batch', () => {
    it('decides each submission as if one by one: a repeat in the same batch is a duplicate', async () => {
      const { handler, stored, outboxPayloads, decisionsCounted } = setup(ModerationEngine.rulesOnly());
      await handler.executeBatch([
        submission('The same remark twice.'),
        submission('The same remark twice.'),
      ]);
      expect(stored.map((c) => c.status)).toEqual(['approved', 'rejected']);
      expect(decisionsCounted.map((d) => d.action)).toEqual(['approve', 'reject']);
      expect(stored[1].decision.reasons.map((r) => r.code)).toContain('DUPLICATE');
      expect(outboxPayloads).toHaveLength(2);
    });

    it('a repeat that differs only in case, spacing and punctuation is a duplicate too', async () => {
      const { handler, stored } = setup(ModerationEngine.rulesOnly());
      await handler.executeBatch([
        submission('Great post, thanks!'),
        submission('great   POST thanks!!!'),
        submission('Great post, thanks, I learned a lot.'),
      ]);
      expect(stored.map((c) => c.status)).toEqual(['approved', 'rejected', 'approved']);
      expect(stored[1].decision.reasons.map((r) => r.code)).toContain('DUPLICATE');
    });

    it('the same short reply under two different comments is two replies, under one it is a repeat', async () => {
      const { handler, stored } = setup(ModerationEngine.rulesOnly());
      const a = submission('Budgets are about choices.', { authorEmail: 'bob@example.org' });
      const b = submission('Transport spending fell again.', { authorEmail: 'cy@example.org' });
      await handler.executeBatch([
        a,
        b,
        submission('Thanks for sharing, good point.', { parentId: a.data.commentId }),
        submission('Thanks for sharing, good point.', { parentId: b.data.commentId }),
        submission('Thanks for sharing, good point!', { parentId: a.data.commentId }),
      ]);
      expect(stored.map((c) => c.status)).toEqual([
        'approved',
        'approved',
        'approved',
        'approved',
        'rejected',
      ]);
      expect(stored[4].decision.reasons.map((r) => r.code)).toContain('DUPLICATE');
    });

    it('times each stored decision from its submission, once: a redelivered batch adds nothing', async () => {
      const { handler, stored, delays } = setup(ModerationEngine.rulesOnly());
      const batch = [submission('A first remark.'), submission('Another remark.')];
      await handler.executeBatch(batch);
      await handler.executeBatch(batch);
      expect(delays.map((d) => d.action)).toEqual(['approve', 'approve']);
      expect(delays.map((d) => d.submittedAt)).toEqual(stored.map((c) => c.submittedAt));
      expect(delays.map((d) => d.decidedAt)).toEqual(stored.map((c) => c.decidedAt));
      for (const d of delays) expect(d.decidedAt.getTime()).toBeGreaterThanOrEqual(d.submittedAt.getTime());
    });

    it('accepts a reply to a comment approved earlier in the same batch, one level deeper', async () => {
      const { handler, stored } = setup(ModerationEngine.rulesOnly());
      const parent = submission('A first remark.');
      await handler.executeBatch([parent, submission('A reply.', { parentId: parent.data.commentId })]);
      expect(stored.map((c) => [c.status, c.depth])).toEqual([
        ['approved', 1],
        ['approved', 2],
      ]);
    });

    it("places a reply deeper than the site's maxDepth beside the comment it answers, published, not refused", async () => {
      const { handler, stored, outboxPayloads } = setup(ModerationEngine.rulesOnly());
      const chain: EventEnvelope<CommentSubmittedV1>[] = [];
      for (let level = 1; level <= DEFAULT_SITE_POLICY.maxDepth; level++) {
        const reply = submission(`Level ${level} of the thread.`, {
          authorEmail: `reader${level}@example.org`,
          parentId: chain[level - 2]?.data.commentId ?? null,
        });
        chain.push(reply);
        await handler.executeBatch([reply]); // one batch each: the parent comes from the store
      }
      const deepest = chain[chain.length - 1];
      const tooDeep = submission('A reply to the fifth level.', {
        authorEmail: 'late@example.org',
        parentId: deepest.data.commentId,
      });
      // And a reply to that one, in the same batch: beside it again.
      const deeper = submission('And a reply to that.', {
        authorEmail: 'later@example.org',
        parentId: tooDeep.data.commentId,
      });
      await handler.executeBatch([tooDeep, deeper]);
      const fourth = chain[chain.length - 2].data.commentId;
      expect(stored.map((c) => c.depth)).toEqual([1, 2, 3, 4, 5, 5, 5]);
      for (const placed of stored.slice(-2)) {
        expect(placed).toMatchObject({
          status: 'approved',
          parentId: fourth,
          depth: DEFAULT_SITE_POLICY.maxDepth,
        });
      }
      const events = outboxPayloads
        .slice(-2)
        .map((e) => JSON.parse(e) as EventEnvelope<{ parentId: string }>);
      expect(events.map((e) => [e.type, e.data.parentId])).toEqual([
        ['org.replyguard.comment.approved.v1', fourth],
        ['org.replyguard.comment.approved.v1', fourth],
      ]);
    });

    it('keeps a too-deep reply under the comment it answers while that one is held, so it is never published first', async () => {
      const twoDeep = { ...DEFAULT_SITE_POLICY, maxDepth: 2 };
      const { handler, stored } = setup(ModerationEngine.rulesOnly(), [], { policy: twoDeep });
      const root = submission('A remark.');
      await handler.executeBatch([root]);
      const held = submission('Buy now: three links http://a.example http://b.example http://c.example', {
        authorEmail: 'links@example.org',
        parentId: root.data.commentId,
      });
      await handler.executeBatch([held]);
      expect(stored[1]).toMatchObject({ status: 'held', depth: 2 });
      await handler.executeBatch([
        submission('A reply to the held one.', {
          authorEmail: 'cy@example.org',
          parentId: held.data.commentId,
        }),
      ]);
      expect(stored[2]).toMatchObject({ status: 'held', parentId: held.data.commentId, depth: 3 });
      expect(stored[2].decision.reasons.map((r) => r.code)).toContain('PARENT_HELD');
    });

    it('makes a reply a top-level comment on a site whose threads are flat (maxDepth 1)', async () => {
      const flat = { ...DEFAULT_SITE_POLICY, maxDepth: 1 };
      const { handler, stored } = setup(ModerationEngine.rulesOnly(), [], { policy: flat });
      const first = submission('A remark.');
      await handler.executeBatch([
        first,
        submission('A reply.', { authorEmail: 'bo@example.org', parentId: first.data.commentId }),
      ]);
      expect(stored.map((c) => [c.status, c.depth, c.parentId])).toEqual([
        ['approved', 1, null],
        ['approved', 1, null],
      ]);
    });

    it('holds the comment past the flood limit when the earlier ones are in the same batch', async () => {
      const { handler, stored } = setup(ModerationEngine.rulesOnly());
      const max = DEFAULT_SITE_POLICY.flood.maxPerWindow;
      await handler.executeBatch(
        Array.from({ length: max + 1 }, (_, i) => submission(`Remark number ${i}.`)),
      );
      expect(stored.slice(0, max).every((c) => c.status === 'approved')).toBe(true);
      expect(stored[max].status).toBe('held');
      expect(stored[max].decision.reasons.map((r) => r.code)).toContain('FLOOD');
    });

    it('trusts an author approved earlier in the batch only under the same name (any case), not the e-mail alone', async () => {
      const pre = { ...DEFAULT_SITE_POLICY, mode: 'pre' as const };
      const { handler, stored } = setup(ModerationEngine.rulesOnly(), [], {
        policy: pre,
        trustedNames: ['Ann'],
      });
      await handler.executeBatch([
        submission('Ann, trusted from an earlier approved comment.'),
        submission('Someone else who knows her address.', { authorName: 'Ann’s Editor' }),
        submission('Ann again, typing her name in capitals.', { authorName: 'ANN' }),
      ]);
      expect(stored.map((c) => [c.authorName, c.status])).toEqual([
        ['Ann', 'approved'],
        ['Ann’s Editor', 'held'],
        ['ANN', 'approved'],
      ]);
      expect(stored[1].decision.reasons.map((r) => r.code)).toEqual(['PREMODERATION']);
    });

    it('skips a redelivered submission and one repeated within the batch', async () => {
      const { handler, stored, outboxPayloads } = setup(ModerationEngine.rulesOnly());
      const first = submission('Said once.');
      await handler.executeBatch([first]);
      const again = submission('Said once, delivered twice.');
      await handler.executeBatch([first, again, again]);
      expect(stored.map((c) => c.id)).toEqual([first.data.commentId, again.data.commentId]);
      expect(outboxPayloads).toHaveLength(2);
    });
  });

  describe('a submission sent before its author asked for erasure, decided after', () => {
    const ann = hashEmail('unit-test-secret-0123456789', 'ann@example.org');
    const erasedAt = new Date(Date.now() + 60_000);
    const erasure = (removeComments: boolean) => ({ id: 'e-1', emailHash: ann, removeComments, erasedAt });

    it('is stored erased: Anonymous, no website, hashes or client details, and its event says so', async () => {
      const { handler, stored, outboxPayloads, auditReasons } = setup(ModerationEngine.rulesOnly(), [], {
        erasures: [erasure(false)],
      });
      await handler.executeBatch([
        submission('Sent just before asking.', {
          authorUrl: 'https://ann.example',
          client: { ipHash: 'f'.repeat(64), userAgent: 'Mozilla/5.0', referer: 'https://news.example/a' },
        }),
        // Someone else in the same batch keeps their name.
        submission('Not hers.', { authorName: 'Bo', authorEmail: 'bo@example.org' }),
      ]);
      expect(stored[0]).toMatchObject({
        authorName: 'Anonymous',
        authorUrl: null,
        authorEmailHash: null,
        ipHash: null,
        authorDomain: null,
        userAgent: null,
        referer: null,
        content: 'Sent just before asking.',
        status: 'approved',
        published: true,
      });
      expect(stored[0].erasedAt).toEqual(erasedAt);
      expect(stored[1].authorName).toBe('Bo');
      expect(stored[1].erasedAt ?? null).toBeNull();
      expect(outboxPayloads).toHaveLength(2);
      expect(outboxPayloads[0]).not.toContain('ann.example');
      expect(JSON.parse(outboxPayloads[0])).toMatchObject({
        data: { authorName: 'Anonymous', authorUrl: null },
      });
      expect(auditReasons).toEqual(['personal data erased on arrival (erasure e-1)', undefined]);
    });

    it('with removeComments, is stored rejected without its text, and nothing is published of it', async () => {
      const { handler, stored, outboxPayloads, auditReasons } = setup(ModerationEngine.rulesOnly(), [], {
        policy: { ...DEFAULT_SITE_POLICY, suspectWords: ['pills'] },
        erasures: [erasure(true)],
      });
      await handler.executeBatch([submission('Buy cheap pills at pills.example now!!!')]);
      expect(stored[0]).toMatchObject({
        authorName: 'Anonymous',
        content: '',
        contentHash: '',
        status: 'rejected',
        published: false,
        decidedBy: 'admin',
      });
      expect(stored[0].decision.reasons.map((r) => r.code)).toContain('SUSPECT_WORD');
      for (const r of stored[0].decision.reasons)
        expect(r).toEqual({ code: r.code, message: expect.not.stringContaining('pills') });
      expect(outboxPayloads).toEqual([]);
      expect(auditReasons).toEqual([`personal data and comment erased on arrival (erasure e-1)`]);
    });

    it('is decided as usual when it was sent after the erasure: a new comment', async () => {
      const { handler, stored } = setup(ModerationEngine.rulesOnly(), [], {
        erasures: [{ ...erasure(true), erasedAt: new Date(Date.now() - 60_000) }],
      });
      await handler.executeBatch([submission('Back again, by choice.')]);
      expect(stored[0]).toMatchObject({
        authorName: 'Ann',
        content: 'Back again, by choice.',
        status: 'approved',
      });
    });
  });
});
