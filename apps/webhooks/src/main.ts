import type { ConfigType } from '@nestjs/config';
import { enableGracefulShutdown, runtimeConfig } from '@replyguard/platform';
import { webhooksConfig } from './config/webhooks.config';
import { createWebhooksApp } from './webhooks.app';

async function bootstrap(): Promise<void> {
  const app = await createWebhooksApp();
  const runtime = app.get<ConfigType<typeof runtimeConfig>>(runtimeConfig.KEY);
  const config = app.get<ConfigType<typeof webhooksConfig>>(webhooksConfig.KEY);
  await app.listen(config.port, runtime.httpHost);
  enableGracefulShutdown(app, { drainMs: runtime.shutdownDrainMs });
}

void bootstrap();
