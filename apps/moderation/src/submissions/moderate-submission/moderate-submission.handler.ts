import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentSubmittedV1, EventEnvelope } from '@replyguard/contracts';
import { ERASED_AUTHOR_NAME } from '../../admin/personal-data/erase-author.handler';
import { scrubTextEvidence } from '../../admin/personal-data/scrub-decision';
import { type OutboxRecord, outboxRow, OutboxRelayService } from '@replyguard/messaging';
import {
  DEFAULT_SITE_POLICY,
  type Decision,
  duplicateKey,
  emailDomain,
  ModerationEngine,
  type SitePolicy,
} from '@replyguard/moderation-engine';
import { hashEmail, privacyConfig } from '@replyguard/platform';
import { withoutAuthorEvidence } from '@replyguard/contracts';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { banDomains } from '../../bans/ban-domains';
import { BansRepository } from '../../bans/bans.repository';
import { EXTERNAL_CHECKS, type ExternalCheck, type ServiceVerdict } from '../../checks/external-check';
import {
  approvedEvent,
  type EventMeta,
  heldEvent,
  publicFields,
  rejectedEvent,
} from '../../comments/comment-events';
import type { CommentEntity, CommentStatus, StoredDecision } from '../../comments/comment.entity';
import {
  type AuthorHistory,
  CommentsRepository,
  type ParentInfo,
  type PendingErasure,
} from '../../comments/comments.repository';
import { MODERATION_OUTBOX } from '../../database/database.options';
import { ModerationMetrics } from '../../metrics/moderation.metrics';
import { SitePoliciesRepository } from '../../sites/site-policies.repository';

const DUPLICATE_WINDOW_SECONDS = 600;

const STATUS_OF: Record<Decision['action'], CommentStatus> = {
  approve: 'approved',
  hold: 'held',
  reject: 'rejected',
};

/**
 * Decides one submission: looks up what the engine needs to know (policy, parent, the author's
 * history), runs the engine, and in one statement stores the comment, its audit record and the
 * decision event in the outbox. A redelivered submission finds its comment stored and does nothing.
 */
@Injectable()
export class ModerateSubmissionHandler {
  private readonly logger = new Logger(ModerateSubmissionHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: ModerationEngine,
    private readonly policies: SitePoliciesRepository,
    private readonly comments: CommentsRepository,
    private readonly bans: BansRepository,
    private readonly outbox: OutboxRelayService,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
    private readonly metrics: ModerationMetrics,
    @Inject(EXTERNAL_CHECKS) private readonly externalChecks: ExternalCheck[] = [],
  ) {}

  execute(event: EventEnvelope<CommentSubmittedV1>): Promise<void> {
    return this.executeBatch([event]);
  }

  /**
   * Decides a batch of submissions (in partition order) and stores it in one statement: the
   * lookups are one query each for the whole batch, run side by side before it; each submission sees
   * the ones before it in the batch, exactly as if they had been decided one by one.
   * Redeliveries are skipped.
   */
  async executeBatch(events: EventEnvelope<CommentSubmittedV1>[]): Promise<void> {
    const unique = [...new Map(events.map((e) => [e.data.commentId, e])).values()];
    // Calls to other services happen before any query, so no connection waits on them.
    const external = await Promise.all(
      unique.map(async (e) => (await Promise.all(this.externalChecks.map((c) => c.check(e.data)))).flat()),
    );
    const items: Pending[] = [];
    for (const [i, event] of unique.entries()) {
      const s = event.data;
      const sitePolicy = await this.policies.policyOf(s.siteId);
      const verdicts: ServiceVerdict[] = [...external[i]];
      if (!sitePolicy) {
        verdicts.push({
          action: 'hold',
          reason: { code: 'SITE_UNKNOWN', message: 'the site is not configured here' },
        });
      }
      const authorDomain = emailDomain(s.authorEmail) || null;
      items.push({
        event,
        policy: sitePolicy ?? DEFAULT_SITE_POLICY,
        verdicts,
        submittedAt: new Date(s.submittedAt),
        emailHash: hashEmail(this.privacy.hashSecret, s.authorEmail),
        ipHash: s.client.ipHash ?? null,
        // The same reply under two comments is two replies; under one, a repeat.
        contentHash: createHash('sha256')
          .update(`${s.parentId ?? ''}\n${duplicateKey(s.content)}`)
          .digest('hex'),
        authorDomain,
        domains: banDomains(s.authorEmail, s.authorUrl),
      });
    }

    // The three lookups run side by side, each on its own connection: under READ COMMITTED every
    // statement sees the latest commits anyway, so a transaction around them would add nothing but
    // make them wait on each other. One of them reads the batch's own ids (redeliveries) and its
    // replies' parents together.
    const reader = this.dataSource.manager;
    const commentIds = items.map((p) => p.event.data.commentId);
    const parentIds = [
      ...new Set(items.flatMap((p) => (p.event.data.parentId ? [p.event.data.parentId] : []))),
    ];
    const [stored, histories, bans, erasures] = await Promise.all([
      this.comments.storedByIds(reader, [...new Set([...commentIds, ...parentIds])]),
      this.comments.authorHistories(
        reader,
        items.map((p) => ({
          siteId: p.event.data.siteId,
          articleId: p.event.data.articleId,
          authorName: p.event.data.authorName,
          emailHash: p.emailHash,
          ipHash: p.ipHash,
          contentHash: p.contentHash,
          floodWindowSeconds: p.policy.flood.windowSeconds,
          at: p.submittedAt,
        })),
        DUPLICATE_WINDOW_SECONDS,
      ),
      this.bans.activeForMany(
        reader,
        items.map((p) => ({
          siteId: p.event.data.siteId,
          emailHash: p.emailHash,
          ipHash: p.ipHash,
          domains: p.domains,
          at: p.submittedAt,
        })),
      ),
      this.comments.pendingErasures(
        reader,
        items.map((p) => ({ siteId: p.event.data.siteId, emailHash: p.emailHash, at: p.submittedAt })),
      ),
    ]);
    const existing = new Set(commentIds.filter((id) => stored.has(id)));
    // Every stored comment the batch knows of can be a parent; the batch's new ones join as decided.
    const parents = stored;
    // Redeliveries (already stored) are skipped, and do not count as earlier comments of the batch.
    const fresh = items.flatMap((p, i) =>
      existing.has(p.event.data.commentId)
        ? []
        : [{ p, history: histories[i], banned: bans[i], erasure: erasures[i] }],
    );

    if (fresh.length === 0) {
      this.logDecisions(events, new Set());
      return;
    }
    const rows: Parameters<CommentsRepository['storeDecided']>[2] = [];
    const done: Decided[] = [];
    for (const { p, history: storedHistory, banned, erasure } of fresh) {
      const s = p.event.data;
      const { depth, parentId } = this.placeInThread(s, p.policy.maxDepth, p.verdicts, parents);
      const history = withEarlierInBatch(storedHistory, p, done);
      const engineDecision = this.runChecks(p.verdicts, () =>
        this.engine.moderate(
          {
            content: s.content,
            authorName: s.authorName,
            authorEmail: s.authorEmail,
            authorUrl: s.authorUrl ?? undefined,
            honeypot: s.honeypot,
          },
          p.policy,
          {
            trustedAuthor: history.trusted,
            duplicateRecent: history.duplicateRecent,
            recentFromEmail: history.recentFromEmail,
            recentFromIp: history.recentFromIp,
            blocked: banned,
          },
        ),
      );
      const decided = applyServiceVerdicts(engineDecision, p.verdicts);
      const decidedAt = new Date();
      const comment: CommentEntity = {
        id: s.commentId,
        siteId: s.siteId,
        articleId: s.articleId,
        parentId,
        depth,
        authorName: s.authorName,
        authorEmailHash: p.emailHash,
        authorUrl: s.authorUrl,
        content: s.content,
        contentHash: p.contentHash,
        ipHash: p.ipHash,
        userAgent: s.client.userAgent ?? null,
        referer: s.client.referer ?? null,
        status: STATUS_OF[decided.action],
        decision: decided,
        submittedAt: p.submittedAt,
        decidedAt,
        decidedBy: 'auto',
        published: decided.action === 'approve',
        reportCount: 0,
        authorDomain: p.authorDomain,
        version: 1,
      };
      const stored = erasure ? erasedOnArrival(comment, erasure) : comment;
      const { status, decision } = stored;
      // A later reply in this batch may answer this comment.
      parents.set(s.commentId, { siteId: s.siteId, articleId: s.articleId, parentId, status, depth });
      // An erased comment counts for nobody's trust, flood or duplicates, as once stored.
      const counted = erasure ? { ...p, emailHash: '', ipHash: null } : p;
      done.push({ pending: counted, status, decision, decidedAt });
      const published = { ...s, parentId, authorName: stored.authorName, authorUrl: stored.authorUrl };
      rows.push({
        comment: stored,
        // Erased with its text: nothing of it was ever published, so nothing is said of it.
        event:
          erasure?.removeComments === true
            ? null
            : outboxRow(decisionEvent(p.event, published, decision, decidedAt)),
        auditReason: erasure ? erasedOnArrivalReason(erasure) : undefined,
        erasureId: erasure?.id,
      });
    }

    // One statement: the comments, their audit rows and their events (atomic without a transaction).
    const inserted = await this.comments.storeDecided(this.dataSource.manager, MODERATION_OUTBOX, rows);
    if (inserted.size > 0) this.outbox.wake();
    for (const d of done) {
      if (!inserted.has(d.pending.event.data.commentId)) continue;
      this.metrics.decisionRecorded({ actor: 'auto', action: d.decision.action, decision: d.decision });
      this.metrics.autoDecision(d.decision.action, d.pending.submittedAt, d.decidedAt);
    }
    this.logDecisions(events, inserted);
  }

  private logDecisions(events: EventEnvelope<CommentSubmittedV1>[], decided: ReadonlySet<string>): void {
    const logged = new Set<string>();
    for (const e of events) {
      const fields = { commentId: e.data.commentId, correlationId: e.correlationid };
      if (decided.has(e.data.commentId) && !logged.has(e.data.commentId)) {
        logged.add(e.data.commentId);
        this.logger.log(fields, 'submission decided');
      } else {
        this.logger.log(fields, 'redelivered submission ignored');
      }
    }
  }

  /** Fail closed: a check that throws holds the comment for a human, never approves it. */
  private runChecks(verdicts: ServiceVerdict[], check: () => Decision): Decision {
    try {
      return check();
    } catch (error) {
      this.logger.error({ err: error }, 'a moderation check failed; holding the comment for a human');
      verdicts.push({
        action: 'hold',
        reason: { code: 'CHECK_FAILED', message: 'an automatic check failed; a moderator decides' },
      });
      return { action: 'approve', reasons: [], scores: { spam: 0, toxicity: 0, hate: 0 }, modelVersions: {} };
    }
  }

  /**
   * Where the new comment goes in its thread: its depth and parent. Adds a verdict when its parent is
   * missing, held or unpublished. A reply that would nest deeper than the site's `maxDepth` goes
   * beside the comment it answers (under that one's parent), as WordPress shows replies past its
   * thread depth: the reader's reply is kept and published, not refused after ingest accepted it. A
   * reply to a comment still held waits under it, beyond the limit, until that one is decided.
   */
  private placeInThread(
    s: CommentSubmittedV1,
    maxDepth: number,
    verdicts: ServiceVerdict[],
    parents: Map<string, ParentInfo>,
  ): { depth: number; parentId: string | null } {
    if (!s.parentId) return { depth: 1, parentId: null };
    const parent = parents.get(s.parentId);
    const sameArticle = parent?.siteId === s.siteId && parent.articleId === s.articleId;
    // A reply to a comment waiting for a moderator (every comment, on a pre-moderated site) waits too:
    // rejected, it was lost once the parent was approved. It is published after its parent.
    if (sameArticle && parent.status === 'held') {
      verdicts.push({
        action: 'hold',
        reason: {
          code: 'PARENT_HELD',
          message: 'the comment replies to a comment waiting for a moderator; approve that one first',
          evidence: { parentId: s.parentId },
        },
      });
    } else if (!sameArticle || parent.status !== 'approved') {
      verdicts.push({
        action: 'reject',
        reason: {
          code: 'PARENT_NOT_FOUND',
          message: 'the comment replies to a comment that is not published on this article',
          evidence: { parentId: s.parentId },
        },
      });
      return { depth: 1, parentId: s.parentId };
    }
    // Only beside a published comment: a reply to one still held keeps it as its parent, so that it
    // is published only after that one (PARENT_NOT_PUBLISHED), one level deeper than the limit.
    if (parent.depth + 1 > maxDepth && parent.status === 'approved') {
      return { depth: parent.depth, parentId: parent.parentId };
    }
    return { depth: parent.depth + 1, parentId: s.parentId };
  }
}

/** A submission of the batch with what was derived from it before the lookups. */
interface Pending {
  event: EventEnvelope<CommentSubmittedV1>;
  policy: SitePolicy;
  verdicts: ServiceVerdict[];
  submittedAt: Date;
  emailHash: string;
  ipHash: string | null;
  contentHash: string;
  authorDomain: string | null;
  domains: string[];
}

interface Decided {
  pending: Pending;
  status: CommentStatus;
  decision: StoredDecision;
  decidedAt: Date;
}

/**
 * The stored history plus the submissions decided earlier in the same batch (not yet in the
 * database), so a batch decides exactly as one-by-one processing would.
 */
function withEarlierInBatch(
  stored: AuthorHistory,
  p: Pick<Pending, 'event' | 'policy' | 'submittedAt' | 'emailHash' | 'ipHash' | 'contentHash'>,
  earlier: readonly Pick<Decided, 'pending' | 'status'>[],
): AuthorHistory {
  const h = { ...stored };
  const s = p.event.data;
  const at = p.submittedAt.getTime();
  const floodFrom = at - p.policy.flood.windowSeconds * 1000;
  for (const d of earlier) {
    const e = d.pending;
    if (e.event.data.siteId !== s.siteId) continue;
    const t = e.submittedAt.getTime();
    if (e.emailHash === p.emailHash) {
      if (d.status === 'approved' && sameAuthorName(e.event.data.authorName, s.authorName)) h.trusted = true;
      if (
        e.event.data.articleId === s.articleId &&
        e.contentHash === p.contentHash &&
        t > at - DUPLICATE_WINDOW_SECONDS * 1000
      ) {
        h.duplicateRecent = true;
      }
      if (t > floodFrom) h.recentFromEmail += 1;
    }
    if (p.ipHash !== null && e.ipHash === p.ipHash && t > floodFrom) h.recentFromIp += 1;
  }
  return h;
}

/** Names as trust compares them (as `authorHistories` does in SQL): trimmed, case-insensitive. */
function sameAuthorName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The strictest verdict wins: reject over hold over approve; every reason is kept, but the engine's
 * NO_FLAGS ("No rule or model flagged this comment") once a service verdict holds or rejects the comment,
 * where it would read as a contradiction (`reject: PARENT_NOT_FOUND, NO_FLAGS`); its scores stay.
 */
export function applyServiceVerdicts(decision: Decision, verdicts: ServiceVerdict[]): StoredDecision {
  const rank = { approve: 0, hold: 1, reject: 2 } as const;
  let action: Decision['action'] = decision.action;
  const reasons: StoredDecision['reasons'] = [];
  for (const v of verdicts) {
    if (rank[v.action] > rank[action]) action = v.action;
    reasons.push(v.reason);
  }
  const flagged = action !== 'approve';
  for (const r of decision.reasons) if (!(flagged && r.code === 'NO_FLAGS')) reasons.push({ ...r });
  return { action, reasons, scores: { ...decision.scores }, modelVersions: { ...decision.modelVersions } };
}

/**
 * A comment whose author's personal data was erased after they submitted it and before it was decided
 * (an erasure cannot reach a submission still on its way): stored as that erasure left their other
 * comments. Signed `Anonymous`, without website, hashes, client details or the evidence the decision
 * took from the author fields; with `removeComments`, without its text too, and rejected by whoever
 * asked for the erasure.
 */
export function erasedOnArrival(c: CommentEntity, erasure: PendingErasure): CommentEntity {
  const scrubbed: CommentEntity = {
    ...c,
    authorName: ERASED_AUTHOR_NAME,
    authorUrl: null,
    authorEmailHash: null,
    ipHash: null,
    authorDomain: null,
    userAgent: null,
    referer: null,
    erasedAt: erasure.erasedAt,
    decision: withoutAuthorEvidence(c.decision),
  };
  if (!erasure.removeComments) return scrubbed;
  return {
    ...scrubbed,
    content: '',
    contentHash: '',
    status: 'rejected',
    published: false,
    decidedBy: erasure.requestedBy,
    decision: scrubTextEvidence(scrubbed.decision),
  };
}

function erasedOnArrivalReason(erasure: PendingErasure): string {
  const what = erasure.removeComments ? 'personal data and comment erased' : 'personal data erased';
  return `${what} on arrival (erasure ${erasure.id})`;
}

function decisionEvent(
  submitted: EventEnvelope<CommentSubmittedV1>,
  data: CommentSubmittedV1,
  decision: StoredDecision,
  decidedAt: Date,
): OutboxRecord {
  const comment = publicFields(data);
  const meta: EventMeta = {
    correlationId: submitted.correlationid,
    causationId: submitted.id,
    at: decidedAt,
  };
  switch (decision.action) {
    case 'approve':
      return approvedEvent(comment, 'auto', meta);
    case 'hold':
      return heldEvent(comment, decision, meta);
    case 'reject':
      return rejectedEvent(comment, 'auto', decision, meta);
  }
}
