import type { ConfigType } from '@nestjs/config';
import { enableGracefulShutdown, runtimeConfig } from '@replyguard/platform';
import { articlesConfig } from './config/articles.config';
import { createArticlesApp } from './articles.app';

async function bootstrap(): Promise<void> {
  const app = await createArticlesApp();
  const runtime = app.get<ConfigType<typeof runtimeConfig>>(runtimeConfig.KEY);
  const config = app.get<ConfigType<typeof articlesConfig>>(articlesConfig.KEY);
  await app.listen(config.port, runtime.httpHost);
  enableGracefulShutdown(app, { drainMs: runtime.shutdownDrainMs });
}

void bootstrap();
