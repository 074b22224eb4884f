import type { ConfigType } from '@nestjs/config';
import { createHttpApp, runtimeConfig } from '@replyguard/platform';
import { ingestConfig } from './config/ingest.config';
import { IngestModule } from './ingest.module';

async function bootstrap(): Promise<void> {
  const ingest = ingestConfig();
  const app = await createHttpApp(IngestModule, {
    title: 'Replyguard ingest API',
    description: 'Public intake of reply submissions from websites.',
    trustedProxies: ingest.trustedProxies,
  });
  const runtime = app.get<ConfigType<typeof runtimeConfig>>(runtimeConfig.KEY);
  await app.listen(ingest.port, runtime.httpHost);
}

void bootstrap();
