import { databaseConfig, serviceDataSourceOptions } from '@replyguard/platform';
import type { DataSourceOptions } from 'typeorm';
import { CommentDecisionEntity } from '../comments/comment-decision.entity';
import { CommentEntity } from '../comments/comment.entity';
import { SiteEntity } from '../sites/site.entity';
import { CreateModerationSchema1764252100000 } from './migrations/1764252100000-CreateModerationSchema';
import { ModeratorsQueuesBans1764256000000 } from './migrations/1764256000000-ModeratorsQueuesBans';
import { AkismetKeysAndSitePages1764260000000 } from './migrations/1764260000000-AkismetKeysAndSitePages';
import { TrustedAuthorIndex1764270000000 } from './migrations/1764270000000-TrustedAuthorIndex';
import { BanLifting1764280000000 } from './migrations/1764280000000-BanLifting';
import { AuthorErasure1764285000000 } from './migrations/1764285000000-AuthorErasure';
import { ModeratorRevocation1764290000000 } from './migrations/1764290000000-ModeratorRevocation';
import { ReportsNewestIndex1764295000000 } from './migrations/1764295000000-ReportsNewestIndex';
import { RetentionIndexes1764296000000 } from './migrations/1764296000000-RetentionIndexes';
import { TrustedAuthorNameIndex1764700000000 } from './migrations/1764700000000-TrustedAuthorNameIndex';
import { ErasureKeepsHash1764705000000 } from './migrations/1764705000000-ErasureKeepsHash';

export const MODERATION_OUTBOX = 'moderation.outbox' as const;

export function moderationDataSourceOptions(db = databaseConfig()): DataSourceOptions {
  return serviceDataSourceOptions({
    ...db,
    schema: 'moderation',
    entities: [SiteEntity, CommentEntity, CommentDecisionEntity],
    migrations: [
      CreateModerationSchema1764252100000,
      ModeratorsQueuesBans1764256000000,
      AkismetKeysAndSitePages1764260000000,
      TrustedAuthorIndex1764270000000,
      BanLifting1764280000000,
      AuthorErasure1764285000000,
      ModeratorRevocation1764290000000,
      ReportsNewestIndex1764295000000,
      RetentionIndexes1764296000000,
      TrustedAuthorNameIndex1764700000000,
      ErasureKeepsHash1764705000000,
    ],
  });
}
