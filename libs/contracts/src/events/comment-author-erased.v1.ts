import { IsISO8601 } from 'class-validator';
import type { EventTypeInfo } from '../envelope';
import { IsArticleId, IsAuthorName, IsCommentId, IsSiteId } from '../fields';

/**
 * The author of a comment asked for their personal data to be erased. Whoever keeps a copy of the
 * comment (the article service's thread, a subscriber's cache of the decision events) replaces the
 * author's name with `authorName` and drops the author's website. The comment's text is not touched:
 * when the erasure also removes the comments, a `comments.removed.v1` event with reason `erased`
 * follows for each published one. Sent for every comment of the author, published or not.
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
}
