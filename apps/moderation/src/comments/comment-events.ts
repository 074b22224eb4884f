import {
  articleKey,
  CommentApprovedV1,
  CommentAuthorErasedV1,
  CommentHeldV1,
  CommentRejectedV1,
  CommentRemovedV1,
  createEnvelope,
  Topics,
} from '@replyguard/contracts';
import type { OutboxRecord } from '@replyguard/messaging';
import type { StoredDecision } from './comment.entity';

const SOURCE = '/replyguard/moderation';

/** The public part of a comment: what decision events may carry. Never the email or an IP hash. */
export interface PublicComment {
  commentId: string;
  siteId: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  authorUrl: string | null;
  content: string;
  submittedAt: string;
}

export interface EventMeta {
  /** The submission id: every event about a comment carries it. */
  correlationId: string;
  causationId?: string;
  at: Date;
}

function meta(c: Pick<PublicComment, 'commentId'>, m: EventMeta) {
  return {
    source: SOURCE,
    subject: c.commentId,
    correlationId: m.correlationId,
    causationId: m.causationId,
    time: m.at,
  };
}

export function publicFields(c: PublicComment): PublicComment {
  return {
    commentId: c.commentId,
    siteId: c.siteId,
    articleId: c.articleId,
    parentId: c.parentId,
    authorName: c.authorName,
    authorUrl: c.authorUrl,
    content: c.content,
    submittedAt: c.submittedAt,
  };
}

export function approvedEvent(c: PublicComment, by: string, m: EventMeta): OutboxRecord {
  const data: CommentApprovedV1 = { ...publicFields(c), approvedAt: m.at.toISOString(), approvedBy: by };
  return {
    topic: Topics.CommentApprovedV1,
    key: articleKey(c.siteId, c.articleId),
    envelope: createEnvelope(CommentApprovedV1.info, data, meta(c, m)),
  };
}

export function heldEvent(c: PublicComment, decision: StoredDecision, m: EventMeta): OutboxRecord {
  const data: CommentHeldV1 = { ...publicFields(c), heldAt: m.at.toISOString(), decision };
  return {
    topic: Topics.CommentHeldV1,
    key: articleKey(c.siteId, c.articleId),
    envelope: createEnvelope(CommentHeldV1.info, data, meta(c, m)),
  };
}

export function rejectedEvent(
  c: PublicComment,
  by: string,
  decision: StoredDecision,
  m: EventMeta,
): OutboxRecord {
  const data: CommentRejectedV1 = {
    ...publicFields(c),
    rejectedAt: m.at.toISOString(),
    rejectedBy: by,
    decision,
  };
  return {
    topic: Topics.CommentRejectedV1,
    key: articleKey(c.siteId, c.articleId),
    envelope: createEnvelope(CommentRejectedV1.info, data, meta(c, m)),
  };
}

export function removedEvent(
  c: Pick<PublicComment, 'commentId' | 'siteId' | 'articleId'>,
  by: string,
  reason: string,
  m: EventMeta,
): OutboxRecord {
  const data: CommentRemovedV1 = {
    commentId: c.commentId,
    siteId: c.siteId,
    articleId: c.articleId,
    removedAt: m.at.toISOString(),
    removedBy: by,
    reason,
  };
  return {
    topic: Topics.CommentRemovedV1,
    key: articleKey(c.siteId, c.articleId),
    envelope: createEnvelope(CommentRemovedV1.info, data, meta(c, m)),
  };
}

/** Copies of the comment drop the author's name and website. Keyed by article, after its earlier events. */
export function authorErasedEvent(
  c: Pick<PublicComment, 'commentId' | 'siteId' | 'articleId' | 'authorName'>,
  commentRemoved: boolean,
  m: EventMeta,
): OutboxRecord {
  const data: CommentAuthorErasedV1 = {
    commentId: c.commentId,
    siteId: c.siteId,
    articleId: c.articleId,
    authorName: c.authorName,
    erasedAt: m.at.toISOString(),
    commentRemoved,
  };
  return {
    topic: Topics.CommentAuthorErasedV1,
    key: articleKey(c.siteId, c.articleId),
    envelope: createEnvelope(CommentAuthorErasedV1.info, data, meta(c, m)),
  };
}
