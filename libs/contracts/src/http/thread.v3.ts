import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageCursor, PageLimit } from './paging';
import { ThreadCommentV2 } from './thread.v2';

export const THREAD_ORDERS = ['oldest', 'newest'] as const;
export type ThreadOrderV3 = (typeof THREAD_ORDERS)[number];

/** Most top-level comments one page holds. */
export const THREAD_PAGE_MAX_LIMIT = 100;

/** Query of `GET /v3/sites/{siteId}/articles/{articleId}/comments`. */
export class ThreadPageQueryV3 {
  @PageLimit(THREAD_PAGE_MAX_LIMIT) limit?: number;

  @ApiPropertyOptional({
    enum: THREAD_ORDERS,
    default: 'oldest',
    description: 'Order of the top-level comments; replies are always oldest first within their parent',
  })
  @IsOptional()
  @IsIn(THREAD_ORDERS)
  order?: ThreadOrderV3;

  /** The previous page's `nextCursor`, with the same `order`. */
  @PageCursor() cursor?: string;
}

/**
 * `GET /v3/sites/{siteId}/articles/{articleId}/comments`: one page of an article's top-level comments,
 * each with its whole reply tree, every comment in thread v2's shape (a taken-down comment with
 * published replies below it stays as `removed`). Read every page and you have thread v2's comments.
 */
export class ArticleThreadV3 {
  @ApiProperty() siteId!: string;
  @ApiProperty() articleId!: string;
  @ApiProperty({
    description:
      "All the article's published comments, replies included, on every page (as v1 and v2 count " +
      'them); placeholders do not count',
  })
  count!: number;
  @ApiProperty({
    type: [ThreadCommentV2],
    description:
      'Up to `limit` top-level comments in the order asked for, each with all its replies nested below it, ' +
      'oldest first at every level',
  })
  comments!: ThreadCommentV2[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` (with the same `order`) for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
