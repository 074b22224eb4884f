import type { ConfigType } from '@nestjs/config';
import { enableGracefulShutdown, runtimeConfig } from '@replyguard/platform';
import { ingestConfig } from './config/ingest.config';
import { createIngestApp } from './ingest.app';

async function bootstrap(): Promise<void> {
  const app = await createIngestApp();
  const runtime = app.get<ConfigType<typeof runtimeConfig>>(runtimeConfig.KEY);
  const config = app.get<ConfigType<typeof ingestConfig>>(ingestConfig.KEY);
  await app.listen(config.port, runtime.httpHost);
  enableGracefulShutdown(app, { drainMs: runtime.shutdownDrainMs });
}

void bootstrap();
