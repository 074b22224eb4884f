import { ConfigError, configArea, toInt } from '@replyguard/platform';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

class ModerationEnv {
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  MODERATION_PORT = 3001;

  /** Folder of the trained model files; defaults to the committed ones. */
  @IsOptional()
  @IsString()
  MODELS_DIR?: string;

  /** How long a site's policy may be served from memory after a change (no restart needed). */
  @toInt
  @IsInt()
  @Min(0)
  @Max(600000)
  POLICY_CACHE_MS = 2000;

  /** Bearer token of the built-in administrator; production refuses to start without one. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  ADMIN_TOKEN?: string;

  /** Requests per minute per moderator token (or per client IP without one). */
  @toInt
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  MODERATION_RATE_LIMIT_PER_MIN = 600;

  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';
}

export const moderationConfig = configArea('moderation', ModerationEnv, (env) => {
  if (env.NODE_ENV === 'production' && !env.ADMIN_TOKEN) {
    throw new ConfigError('ADMIN_TOKEN is required in production');
  }
  return {
    port: env.MODERATION_PORT,
    modelsDir: env.MODELS_DIR,
    policyCacheMs: env.POLICY_CACHE_MS,
    adminToken: env.ADMIN_TOKEN,
    rateLimitPerMinute: env.MODERATION_RATE_LIMIT_PER_MIN,
  };
});
