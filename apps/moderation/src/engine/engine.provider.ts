import type { Provider } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ModerationEngine } from '@replyguard/moderation-engine';
import { moderationConfig } from '../config/moderation.config';
import { ModerationMetrics } from '../metrics/moderation.metrics';

/** The engine and its models, loaded once at start-up; every `moderate` call is timed. */
export const moderationEngineProvider: Provider = {
  provide: ModerationEngine,
  inject: [moderationConfig.KEY, ModerationMetrics],
  useFactory: (config: ConfigType<typeof moderationConfig>, metrics: ModerationMetrics) => {
    const engine = ModerationEngine.load(config.modelsDir);
    const moderate = engine.moderate.bind(engine);
    const timer = metrics.classifierSeconds;
    engine.moderate = (...args: Parameters<ModerationEngine['moderate']>) => {
      const end = timer.startTimer();
      try {
        return moderate(...args);
      } finally {
        end();
      }
    };
    return engine;
  },
};
