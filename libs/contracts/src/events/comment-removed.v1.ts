import { IsISO8601, IsString, MaxLength } from 'class-validator';
import type { EventTypeInfo } from '../envelope';
import { IsArticleId, IsCommentId, IsSiteId } from '../fields';

/** A published comment was taken down; the article service unpublishes it. No email, no IP. */
export class CommentRemovedV1 {
  static readonly info: EventTypeInfo = {
    type: 'org.replyguard.comment.removed.v1',
    dataschema: 'urn:replyguard:asyncapi:comments.removed.v1',
  };

  @IsCommentId()
  commentId!: string;

  @IsSiteId()
  siteId!: string;

  @IsArticleId()
  articleId!: string;

  @IsISO8601({ strict: true })
  removedAt!: string;

  /** A moderator id, or `readers` when reports unpublished it. */
  @IsString()
  @MaxLength(64)
  removedBy!: string;

  /** `rejected`, `spam`, `reported`, or `erased` (the author asked for their comments to be erased). */
  @IsString()
  @MaxLength(64)
  reason!: string;
}
