import { databaseConfig, serviceDataSourceOptions } from '@replyguard/platform';
import type { DataSourceOptions } from 'typeorm';
import { PublishedCommentEntity } from '../comments/published-comment.entity';
import { CreateArticlesSchema1764252200000 } from './migrations/1764252200000-CreateArticlesSchema';
import { ErasedAuthors1764285100000 } from './migrations/1764285100000-ErasedAuthors';
import { CommentRemovals1764285200000 } from './migrations/1764285200000-CommentRemovals';
import { ThreadPageIndexes1764731000000 } from './migrations/1764731000000-ThreadPageIndexes';

export const ARTICLES_PROCESSED = 'articles.processed_messages' as const;

export function articlesDataSourceOptions(db = databaseConfig()): DataSourceOptions {
  return serviceDataSourceOptions({
    ...db,
    schema: 'articles',
    entities: [PublishedCommentEntity],
    migrations: [
      CreateArticlesSchema1764252200000,
      ErasedAuthors1764285100000,
      CommentRemovals1764285200000,
      ThreadPageIndexes1764731000000,
    ],
  });
}
