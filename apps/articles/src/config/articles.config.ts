import { configArea, toInt } from '@replyguard/platform';
import { IsInt, IsOptional, IsUrl, Max, Min } from 'class-validator';

class ArticlesEnv {
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  ARTICLES_PORT = 3002;

  /** Where readers' browsers post the demo page's form: the ingest service as they reach it. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'INGEST_PUBLIC_URL must be an http or https URL' },
  )
  INGEST_PUBLIC_URL?: string;

  /** Ingest's port on this machine: without INGEST_PUBLIC_URL, the form posts to 127.0.0.1 on it. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  INGEST_PORT = 3000;

  /**
   * Where readers' browsers reach the moderation service: the embedded comments widget follows a
   * reader's comment there (`GET /v1/comments/{id}`) until it is decided.
   */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'MODERATION_PUBLIC_URL must be an http or https URL' },
  )
  MODERATION_PUBLIC_URL?: string;

  /** Moderation's port on this machine: without MODERATION_PUBLIC_URL, the widget asks 127.0.0.1 on it. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  MODERATION_PORT = 3001;
}

export const articlesConfig = configArea('articles', ArticlesEnv, (env) => ({
  port: env.ARTICLES_PORT,
  ingestPublicUrl: (env.INGEST_PUBLIC_URL ?? `http://127.0.0.1:${env.INGEST_PORT}`).replace(/\/+$/, ''),
  moderationPublicUrl: (env.MODERATION_PUBLIC_URL ?? `http://127.0.0.1:${env.MODERATION_PORT}`).replace(
    /\/+$/,
    '',
  ),
}));

/** The config areas the articles service validates at start-up beside the shared ones. */
export const articlesConfigAreas = [articlesConfig];
