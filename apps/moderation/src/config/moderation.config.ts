import { configArea, toInt } from '@replyguard/platform';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

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
}

export const moderationConfig = configArea('moderation', ModerationEnv, (env) => ({
  port: env.MODERATION_PORT,
  modelsDir: env.MODELS_DIR,
  policyCacheMs: env.POLICY_CACHE_MS,
}));
