import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentSubmittedV1, EventEnvelope } from '@replyguard/contracts';
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
import { BansRepository } from '../../bans/bans.repository';
import { EXTERNAL_CHECKS, type ExternalCheck, type ServiceVerdict } from '../../checks/external-check';
import {
  approvedEvent,
  type EventMeta,
  heldEvent,
  publicFields,
  rejectedEvent,
} from '../../comments/comment-events';
import type { CommentStatus, StoredDecision } from '../../comments/comment.entity';
import { CommentsRepository } from '../../comments/comments.repository';
import { MODERATION_OUTBOX } from '../../database/database.options';
import { SitePoliciesRepository } from '../../sites/site-policies.repository';

const DUPLICATE_WINDOW_SECONDS = 600;

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
    private readonly bans: BansRepository,
    private readonly outbox: OutboxRelayService,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
    @Inject(EXTERNAL_CHECKS) private readonly externalChecks: ExternalCheck[] = [],
  ) {}

  async execute(event: EventEnvelope<CommentSubmittedV1>): Promise<void> {
    const s = event.data;
    // Calls to other services happen before the transaction, so no connection waits on them.
    const external = (await Promise.all(this.externalChecks.map((c) => c.check(s)))).flat();
    const stored = await this.dataSource.transaction(async (manager) => {
      const sitePolicy = await this.policies.policyOf(s.siteId);
      const policy = sitePolicy ?? DEFAULT_SITE_POLICY;
      const submittedAt = new Date(s.submittedAt);
      const emailHash = hashPii(this.privacy.hashSecret, s.authorEmail);
      const contentHash = createHash('sha256').update(s.content.trim().toLowerCase()).digest('hex');

      const verdicts: ServiceVerdict[] = [...external];
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
      const authorDomain = domainOf(s.authorEmail);
      const banned = await this.bans.activeFor(manager, {
        siteId: s.siteId,
        emailHash,
        ipHash: s.client.ipHash ?? null,
        domains: [authorDomain, s.authorUrl ? hostOf(s.authorUrl) : null].filter((d): d is string => !!d),
        at: submittedAt,
      });
      const engineDecision = this.runChecks(verdicts, () =>
        this.engine.moderate(
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
            blocked: banned,
          },
        ),
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
        published: status === 'approved',
        reportCount: 0,
        authorDomain,
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
        reason: null,
        note: null,
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
  const comment = publicFields(submitted.data);
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

function domainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0
    ? email
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
