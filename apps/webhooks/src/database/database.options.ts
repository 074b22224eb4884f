import { databaseConfig, serviceDataSourceOptions } from '@replyguard/platform';
import type { DataSourceOptions } from 'typeorm';
import { CreateWebhooksSchema1764600000000 } from './migrations/1764600000000-CreateWebhooksSchema';
import { WebhooksSites1764610000000 } from './migrations/1764610000000-WebhooksSites';
import { ErasedAuthors1764620000000 } from './migrations/1764620000000-ErasedAuthors';
import { ErasedCommentRemoved1764630000000 } from './migrations/1764630000000-ErasedCommentRemoved';
import { SecretRotation1764640000000 } from './migrations/1764640000000-SecretRotation';

export const WEBHOOKS_PROCESSED = 'webhooks.processed_messages' as const;

/** The repositories speak SQL (row locks, upserts), so there are no entities. */
export function webhooksDataSourceOptions(db = databaseConfig()): DataSourceOptions {
  return serviceDataSourceOptions({
    ...db,
    schema: 'webhooks',
    entities: [],
    migrations: [
      CreateWebhooksSchema1764600000000,
      WebhooksSites1764610000000,
      ErasedAuthors1764620000000,
      ErasedCommentRemoved1764630000000,
      SecretRotation1764640000000,
    ],
  });
}
