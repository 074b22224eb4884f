import { configArea, toInt } from '@replyguard/platform';
import { IsInt, Max, Min } from 'class-validator';

class ArticlesEnv {
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  ARTICLES_PORT = 3002;
}

export const articlesConfig = configArea('articles', ArticlesEnv, (env) => ({ port: env.ARTICLES_PORT }));
