import { ApiProperty } from '@nestjs/swagger';

/** A published comment in a thread. No email, no IP. */
export class ThreadCommentV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) parentId!: string | null;
  @ApiProperty() authorName!: string;
  @ApiProperty({ nullable: true, type: String }) authorUrl!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: () => [ThreadCommentV1] }) replies!: ThreadCommentV1[];
}

/** `GET /v1/sites/{siteId}/articles/{articleId}/comments`. */
export class ArticleThreadV1 {
  @ApiProperty() siteId!: string;
  @ApiProperty() articleId!: string;
  @ApiProperty({ description: 'All published comments, replies included' }) count!: number;
  @ApiProperty({ type: [ThreadCommentV1] }) comments!: ThreadCommentV1[];
}

export type CommentStatusV1 = 'pending' | 'approved' | 'held' | 'rejected';

/** `GET /v1/comments/{id}` on moderation. */
export class CommentStatusResponseV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'held', 'rejected'] }) status!: CommentStatusV1;
}
