import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  articleKey,
  CommentApprovedV1,
  CommentHeldV1,
  CommentRejectedV1,
  type CommentSubmittedV1,
  createEnvelope,
  type EventEnvelope,
  Topics,
} from '@replyguard/contracts';
import { enqueueOutbox, type OutboxRecord, OutboxRelayService } from '@replyguard/messaging';
import {
  DEFAULT_SITE_POLICY,
  type Decision,
  type DecisionReason,
  ModerationEngine,
} from '@replyguard/moderation-engine';
import { hashPii, privacyConfig } from '@replyguard/platform';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { CommentStatus, StoredDecision } from '../../comments/comment.entity';
import { CommentsRepository } from '../../comments/comments.repository';
import { MODERATION_OUTBOX } from '../../database/database.options';
import { SitePoliciesRepository } from '../../sites/site-policies.repository';

const DUPLICATE_WINDOW_SECONDS = 600;
const SOURCE = '/replyguard/moderation';

/** A rule of the service (not of the engine) that overrides the engine's verdict. */
interface ServiceVerdict {
  action: 'hold' | 'reject';
  reason: { code: string; message: string; evidence?: Record<string, unknown> };
}

const STATUS_OF: Record<Decision['action'], CommentStatus> = {
  approve: 'approved',
  hold: 'held',
  reject: 'rejected',
};

/**
 * Decides one submission: looks up what the engine needs to know (policy, parent, the author's
 * history), runs the engine, and in one transaction stores the comment, its audit record and the
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
    private readonly outbox: OutboxRelayService,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
  ) {}

  async execute(event: EventEnvelope<CommentSubmittedV1>): Promise<void> {
    const s = event.data;
    const stored = await this.dataSource.transaction(async (manager) => {
      const sitePolicy = await this.policies.policyOf(s.siteId);
      const policy = sitePolicy ?? DEFAULT_SITE_POLICY;
      const submittedAt = new Date(s.submittedAt);
      const emailHash = hashPii(this.privacy.hashSecret, s.authorEmail);
      const contentHash = createHash('sha256').update(s.content.trim().toLowerCase()).digest('hex');

      const verdicts: ServiceVerdict[] = [];
      if (!sitePolicy) {
        verdicts.push({
          action: 'hold',
          reason: { code: 'SITE_UNKNOWN', message: 'the site is not configured here' },
        });
      }
      const depth = await this.threadDepth(manager, s, policy.maxDepth, verdicts);

      const history = await this.comments.authorHistory(manager, {
        siteId: s.siteId,
        articleId: s.articleId,
        emailHash,
        ipHash: s.client.ipHash ?? null,
        contentHash,
        duplicateWindowSeconds: DUPLICATE_WINDOW_SECONDS,
        floodWindowSeconds: policy.flood.windowSeconds,
        at: submittedAt,
      });
      const engineDecision = this.engine.moderate(
        {
          content: s.content,
          authorName: s.authorName,
          authorEmail: s.authorEmail,
          authorUrl: s.authorUrl ?? undefined,
          honeypot: s.honeypot,
        },
        policy,
        {
          trustedAuthor: history.trusted,
          duplicateRecent: history.duplicateRecent,
          recentFromEmail: history.recentFromEmail,
          recentFromIp: history.recentFromIp,
        },
      );
      const decision = applyServiceVerdicts(engineDecision, verdicts);
      const decidedAt = new Date();
      const status = STATUS_OF[decision.action];

      const inserted = await this.comments.insertIfNew(manager, {
        id: s.commentId,
        siteId: s.siteId,
        articleId: s.articleId,
        parentId: s.parentId,
        depth,
        authorName: s.authorName,
        authorEmailHash: emailHash,
        authorUrl: s.authorUrl,
        content: s.content,
        contentHash,
        ipHash: s.client.ipHash ?? null,
        userAgent: s.client.userAgent ?? null,
        referer: s.client.referer ?? null,
        status,
        decision,
        submittedAt,
        decidedAt,
        decidedBy: 'auto',
        version: 1,
      });
      if (!inserted) return false;
      await this.comments.recordDecision(manager, {
        commentId: s.commentId,
        actor: 'auto',
        action: decision.action,
        previousStatus: null,
        newStatus: status,
        decision,
      });
      await enqueueOutbox(manager, MODERATION_OUTBOX, [decisionEvent(event, decision, decidedAt)]);
      return true;
    });
    if (stored) {
      this.outbox.wake();
      this.logger.log({ commentId: s.commentId, correlationId: event.correlationid }, 'submission decided');
    } else {
      this.logger.log(
        { commentId: s.commentId, correlationId: event.correlationid },
        'redelivered submission ignored',
      );
    }
  }

  /** Depth of the new comment; adds a verdict when its parent is missing, unpublished or too deep. */
  private async threadDepth(
    manager: EntityManager,
    s: CommentSubmittedV1,
    maxDepth: number,
    verdicts: ServiceVerdict[],
  ): Promise<number> {
    if (!s.parentId) return 1;
    const parent = await this.comments.parentInfo(manager, s.parentId);
    if (
      !parent ||
      parent.siteId !== s.siteId ||
      parent.articleId !== s.articleId ||
      parent.status !== 'approved'
    ) {
      verdicts.push({
        action: 'reject',
        reason: {
          code: 'PARENT_NOT_FOUND',
          message: 'the comment replies to a comment that is not published on this article',
          evidence: { parentId: s.parentId },
        },
      });
      return 1;
    }
    const depth = parent.depth + 1;
    if (depth > maxDepth) {
      verdicts.push({
        action: 'reject',
        reason: {
          code: 'THREAD_TOO_DEEP',
          message: `replies may nest at most ${maxDepth} levels deep`,
          evidence: { depth, maxDepth },
        },
      });
    }
    return depth;
  }
}

/** The strictest verdict wins: reject over hold over approve; every reason is kept. */
export function applyServiceVerdicts(decision: Decision, verdicts: ServiceVerdict[]): StoredDecision {
  const rank = { approve: 0, hold: 1, reject: 2 } as const;
  let action: Decision['action'] = decision.action;
  const reasons: StoredDecision['reasons'] = [];
  for (const v of verdicts) {
    if (rank[v.action] > rank[action]) action = v.action;
    reasons.push(v.reason);
  }
  reasons.push(...decision.reasons.map((r: DecisionReason) => ({ ...r })));
  return { action, reasons, scores: { ...decision.scores }, modelVersions: { ...decision.modelVersions } };
}

function decisionEvent(
  submitted: EventEnvelope<CommentSubmittedV1>,
  decision: StoredDecision,
  decidedAt: Date,
): OutboxRecord {
  const s = submitted.data;
  // The public part only: never the email, never the IP hash.
  const publicFields = {
    commentId: s.commentId,
    siteId: s.siteId,
    articleId: s.articleId,
    parentId: s.parentId,
    authorName: s.authorName,
    authorUrl: s.authorUrl,
    content: s.content,
    submittedAt: s.submittedAt,
  };
  const meta = {
    source: SOURCE,
    subject: s.commentId,
    correlationId: submitted.correlationid,
    causationId: submitted.id,
    time: decidedAt,
  };
  const key = articleKey(s.siteId, s.articleId);
  const at = decidedAt.toISOString();
  switch (decision.action) {
    case 'approve': {
      const data: CommentApprovedV1 = { ...publicFields, approvedAt: at, approvedBy: 'auto' };
      return {
        topic: Topics.CommentApprovedV1,
        key,
        envelope: createEnvelope(CommentApprovedV1.info, data, meta),
      };
    }
    case 'hold': {
      const data: CommentHeldV1 = { ...publicFields, heldAt: at, decision };
      return { topic: Topics.CommentHeldV1, key, envelope: createEnvelope(CommentHeldV1.info, data, meta) };
    }
    case 'reject': {
      const data: CommentRejectedV1 = { ...publicFields, rejectedAt: at, rejectedBy: 'auto', decision };
      return {
        topic: Topics.CommentRejectedV1,
        key,
        envelope: createEnvelope(CommentRejectedV1.info, data, meta),
      };
    }
  }
}
