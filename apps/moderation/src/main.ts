import type { ConfigType } from '@nestjs/config';
import { enableGracefulShutdown, runtimeConfig } from '@replyguard/platform';
import { moderationConfig } from './config/moderation.config';
import { createModerationApp } from './moderation.app';

async function bootstrap(): Promise<void> {
  const app = await createModerationApp();
  const runtime = app.get<ConfigType<typeof runtimeConfig>>(runtimeConfig.KEY);
  const config = app.get<ConfigType<typeof moderationConfig>>(moderationConfig.KEY);
  await app.listen(config.port, runtime.httpHost);
  enableGracefulShutdown(app, { drainMs: runtime.shutdownDrainMs });
}

void bootstrap();
