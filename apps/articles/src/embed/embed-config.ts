import { createHash } from 'node:crypto';
import type { ConfigType } from '@nestjs/config';
import { DEFAULT_SITE_POLICY } from '@replyguard/moderation-engine';
import type { articlesConfig } from '../config/articles.config';

/**
 * `/embed/v1/config.json`: what the widget cannot learn from its own address (that is the article
 * service's): where readers' browsers reach ingest and moderation, and how deep a reply may go.
 */
export interface EmbedConfigV1 {
  /** `POST {ingestUrl}/v1/comments` */
  ingestUrl: string;
  /** `GET {moderationUrl}/v1/comments/{id}` */
  moderationUrl: string;
  /**
   * Comments this deep get no Reply link: moderation would place the reply beside the comment, not
   * under it. The default policy's `maxDepth`, as on the demo page: the article service does not
   * know a site's (a container's `data-max-reply-depth` gives it).
   */
  maxReplyDepth: number;
}

/** The config document and its ETag, built once: it changes only with the service's configuration. */
export function embedConfigDocument(config: ConfigType<typeof articlesConfig>): {
  body: string;
  etag: string;
} {
  const document: EmbedConfigV1 = {
    ingestUrl: config.ingestPublicUrl,
    moderationUrl: config.moderationPublicUrl,
    maxReplyDepth: DEFAULT_SITE_POLICY.maxDepth,
  };
  const body = JSON.stringify(document);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}
