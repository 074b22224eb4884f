import { ApiProperty } from '@nestjs/swagger';

/**
 * A comment in a thread v2: published, or taken down but kept as a placeholder because published
 * replies hang below it. No email, no IP.
 */
export class ThreadCommentV2 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) parentId!: string | null;
  @ApiProperty({
    enum: ['published', 'removed'],
    description: '`removed`: taken down; shown so its replies keep their place ("This comment was removed.")',
  })
  state!: 'published' | 'removed';
  @ApiProperty({ nullable: true, type: String, description: 'null when removed' }) authorName!: string | null;
  @ApiProperty({ nullable: true, type: String }) authorUrl!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when removed' }) content!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: () => [ThreadCommentV2] }) replies!: ThreadCommentV2[];
}

/**
 * `GET /v2/sites/{siteId}/articles/{articleId}/comments`. v1 is unchanged: it leaves taken-down comments
 * out and shows their replies at the top level.
 */
export class ArticleThreadV2 {
  @ApiProperty() siteId!: string;
  @ApiProperty() articleId!: string;
  @ApiProperty({ description: 'Published comments, replies included; placeholders do not count' })
  count!: number;
  @ApiProperty({ type: [ThreadCommentV2] }) comments!: ThreadCommentV2[];
}
