import { IsBoolean, IsISO8601 } from 'class-validator';
import type { EventTypeInfo } from '../envelope';
import { IsArticleId, IsAuthorName, IsCommentId, IsSiteId } from '../fields';

/**
 * The author of a comment asked for their personal data to be erased. Whoever keeps a copy of the
 * comment (the article service's thread, a subscriber's cache of the decision events) replaces the
 * author's name with `authorName`, drops the author's website and the decision evidence taken from the
 * author's fields (`AUTHOR_EVIDENCE_KEYS`). The comment's text stays, unless `commentRemoved` says it
 * was erased too. Sent for every comment of the author, published or not.
 * No email, no IP.
 */
export class CommentAuthorErasedV1 {
  static readonly info: EventTypeInfo = {
    type: 'org.replyguard.comment.author-erased.v1',
    dataschema: 'urn:replyguard:asyncapi:comments.author-erased.v1',
  };

  @IsCommentId()
  commentId!: string;

  @IsSiteId()
  siteId!: string;

  @IsArticleId()
  articleId!: string;

  /** What the comment is now signed with (`Anonymous`). */
  @IsAuthorName()
  authorName!: string;

  @IsISO8601({ strict: true })
  erasedAt!: string;

  /**
   * The comment itself was erased too (its text deleted): drop your copy of it, and of its earlier
   * decision events, altogether. A published one also gets `comments.removed.v1` (reason `erased`).
   */
  @IsBoolean()
  commentRemoved!: boolean;
}
