import type { Provider } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ModerationEngine } from '@replyguard/moderation-engine';
import { moderationConfig } from '../config/moderation.config';

/** The engine and its models, loaded once at start-up. */
export const moderationEngineProvider: Provider = {
  provide: ModerationEngine,
  inject: [moderationConfig.KEY],
  useFactory: (config: ConfigType<typeof moderationConfig>) => ModerationEngine.load(config.modelsDir),
};
