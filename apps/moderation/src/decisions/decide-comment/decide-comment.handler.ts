import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DecisionResponseV1, ModeratorActionV1 } from '@replyguard/contracts';
import { enqueueOutbox, type OutboxRecord, OutboxRelayService } from '@replyguard/messaging';
import { DomainError } from '@replyguard/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, canActOn } from '../../auth/actor';
import { approvedEvent, type EventMeta, rejectedEvent, removedEvent } from '../../comments/comment-events';
import { CommentEntity, type CommentStatus, type StoredDecision } from '../../comments/comment.entity';
import { CommentsRepository } from '../../comments/comments.repository';
import { type LabeledExample, LabeledExamplesRepository } from '../../comments/labeled-examples.repository';
import { MODERATION_OUTBOX } from '../../database/database.options';

export interface DecideCommentCommand {
  action: ModeratorActionV1;
  reason?: string;
  note?: string;
  /** The version the moderator saw; omitted by bulk decisions, which take the current one. */
  expectedVersion?: number;
}

const TOXIC_REASONS = new Set(['abusive', 'toxic', 'hate', 'harassment', 'offensive']);

/**
 * A moderator's decision on one comment. The row is locked and its version checked, so when two
 * moderators decide at once the second gets VERSION_CONFLICT and only one event is ever emitted.
 * Taking down a published comment emits `comments.removed.v1`; approving an unpublished one emits
 * `comments.approved.v1`; rejecting an unpublished one emits `comments.rejected.v1`.
 */
@Injectable()
export class DecideCommentHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly comments: CommentsRepository,
    private readonly examples: LabeledExamplesRepository,
    private readonly outbox: OutboxRelayService,
  ) {}

  async execute(actor: Actor, id: string, command: DecideCommentCommand): Promise<DecisionResponseV1> {
    const result = await this.dataSource.transaction((manager) => this.decide(manager, actor, id, command));
    this.outbox.wake();
    return result;
  }

  /** Inside the caller's transaction (bans reject pending comments this way). */
  async decide(
    manager: EntityManager,
    actor: Actor,
    id: string,
    command: DecideCommentCommand,
  ): Promise<DecisionResponseV1> {
    const row = await manager.findOne(CommentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new DomainError('COMMENT_NOT_FOUND', `comment ${id} does not exist`);
    if (!canActOn(actor, row.siteId)) throw new DomainError('FORBIDDEN', 'you may not moderate this comment');
    if (row.erasedAt && row.content === '') {
      // Erased with its text at the author's request: nothing is left to publish or to label.
      throw new DomainError('COMMENT_ERASED', "this comment was erased at its author's request", {
        status: row.status,
      });
    }
    if (command.expectedVersion !== undefined && command.expectedVersion !== row.version) {
      throw new DomainError(
        'VERSION_CONFLICT',
        'this comment changed since you saw it (someone decided it, or its author was erased); reload it',
        {
          currentVersion: row.version,
          status: row.status,
        },
      );
    }

    const newStatus: CommentStatus =
      command.action === 'approve' || command.action === 'ham' ? 'approved' : 'rejected';
    if (newStatus === 'approved' && !row.published && row.parentId) await assertParentPublished(manager, row);
    const at = new Date();
    const decision = moderatorDecision(row.decision, command);
    const comment = {
      commentId: row.id,
      siteId: row.siteId,
      articleId: row.articleId,
      parentId: row.parentId,
      authorName: row.authorName,
      authorUrl: row.authorUrl,
      content: row.content,
      submittedAt: row.submittedAt.toISOString(),
    };
    const meta: EventMeta = { correlationId: row.id, at };
    const events: OutboxRecord[] = [];
    let published = row.published;
    if (newStatus === 'approved' && !row.published) {
      events.push(approvedEvent(comment, actor.id, meta));
      published = true;
    } else if (newStatus === 'rejected' && row.published) {
      events.push(removedEvent(comment, actor.id, command.action === 'spam' ? 'spam' : 'rejected', meta));
      published = false;
    } else if (newStatus === 'rejected' && row.status !== 'rejected') {
      events.push(rejectedEvent(comment, actor.id, decision, meta));
    }

    // Deciding what the comment already is (approving an approved one, marking a rejected one as spam)
    // changes no state: the decision is recorded, with its labels, but the version stays, so a
    // colleague's view of the comment is not made stale for nothing.
    const changed = newStatus !== row.status || published !== row.published;
    const version = changed ? row.version + 1 : row.version;
    // A moderator who approves a reported comment has heard its readers out: their reports stay on
    // record, but the count starts again, or the next single report would undo the decision.
    const reportCount = row.status === 'reported' && newStatus === 'approved' ? 0 : row.reportCount;
    if (changed) {
      await manager.update(
        CommentEntity,
        { id, version: row.version },
        { status: newStatus, version, published, decidedAt: at, decidedBy: actor.id, reportCount },
      );
    }
    await this.comments.recordDecision(manager, {
      commentId: id,
      actor: actor.id,
      action: command.action,
      previousStatus: row.status,
      newStatus,
      decision,
      reason: command.reason ?? null,
      note: command.note ?? null,
    });
    await this.examples.upsert(manager, labelsFor(row, actor, command));
    await enqueueOutbox(manager, MODERATION_OUTBOX, events);
    return { id, status: newStatus, version };
  }
}

function moderatorDecision(previous: StoredDecision, command: DecideCommentCommand): StoredDecision {
  const approve = command.action === 'approve' || command.action === 'ham';
  return {
    action: approve ? 'approve' : 'reject',
    reasons: [
      {
        code: `MODERATOR_${command.action.toUpperCase()}`,
        message: command.reason ? `moderator: ${command.reason}` : `${command.action} by a moderator`,
      },
    ],
    scores: previous.scores,
    modelVersions: previous.modelVersions,
  };
}

/** spam/ham label the spam task; approve says neither spam nor toxic; reject for abuse labels toxicity. */
function labelsFor(row: CommentEntity, actor: Actor, command: DecideCommentCommand): LabeledExample[] {
  const base = {
    commentId: row.id,
    siteId: row.siteId,
    text: row.content,
    source: 'replyguard-moderators',
    createdBy: actor.id,
  };
  switch (command.action) {
    case 'spam':
      return [{ ...base, task: 'spam', label: 1 }];
    case 'ham':
      return [{ ...base, task: 'spam', label: 0 }];
    case 'approve':
      return [
        { ...base, task: 'spam', label: 0 },
        { ...base, task: 'toxicity', label: 0 },
      ];
    case 'reject':
      return command.reason && TOXIC_REASONS.has(command.reason.toLowerCase())
        ? [{ ...base, task: 'toxicity', label: 1 }]
        : [];
  }
}

/**
 * A reply is published only under a published comment of its own article: approved before its parent
 * (or with a parent from another article, refused at intake as PARENT_NOT_FOUND), it would reach the
 * thread pointing at a comment that is not there. The moderator approves the parent first.
 */
async function assertParentPublished(manager: EntityManager, row: CommentEntity): Promise<void> {
  const [parent] = await manager.query<{ site_id: string; article_id: string; published: boolean }[]>(
    'SELECT site_id, article_id, published FROM moderation.comments WHERE id = $1',
    [row.parentId],
  );
  const sameArticle = parent?.site_id === row.siteId && parent.article_id === row.articleId;
  if (sameArticle && parent.published) return;
  throw new DomainError(
    'PARENT_NOT_PUBLISHED',
    sameArticle
      ? "this reply's parent is not published; approve the parent first"
      : "this reply's parent is not a comment of the same article, so it cannot be published",
    { field: 'parentId', parentId: row.parentId },
  );
}
