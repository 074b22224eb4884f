import { configArea, toInt } from '@replyguard/platform';
import { IsInt, IsUrl, Max, Min } from 'class-validator';

class ArticlesEnv {
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  ARTICLES_PORT = 3002;

  /** Where readers' browsers post the demo page's form: the ingest service as they reach it. */
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'INGEST_PUBLIC_URL must be an http or https URL' },
  )
  INGEST_PUBLIC_URL = 'http://127.0.0.1:3000';
}

export const articlesConfig = configArea('articles', ArticlesEnv, (env) => ({
  port: env.ARTICLES_PORT,
  ingestPublicUrl: env.INGEST_PUBLIC_URL.replace(/\/+$/, ''),
}));

/** The config areas the articles service validates at start-up beside the shared ones. */
export const articlesConfigAreas = [articlesConfig];
