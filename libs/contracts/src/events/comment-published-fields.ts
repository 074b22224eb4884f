import { IsISO8601, ValidateIf } from 'class-validator';
import { IsArticleId, IsAuthorName, IsAuthorUrl, IsCommentContent, IsCommentId, IsSiteId } from '../fields';

/**
 * The public part of a comment, shared by the decision events. Holds no email and no IP: these
 * events leave the moderation boundary.
 */
export abstract class CommentPublicFieldsV1 {
  @IsCommentId()
  commentId!: string;

  @IsSiteId()
  siteId!: string;

  @IsArticleId()
  articleId!: string;

  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsCommentId()
  parentId!: string | null;

  @IsAuthorName()
  authorName!: string;

  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsAuthorUrl()
  authorUrl!: string | null;

  @IsCommentContent()
  content!: string;

  @IsISO8601({ strict: true })
  submittedAt!: string;
}
