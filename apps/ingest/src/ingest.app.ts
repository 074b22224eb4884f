import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { provisionTopics } from '@replyguard/messaging';
import { createHttpApp } from '@replyguard/platform';
import { ingestConfig } from './config/ingest.config';
import { IngestModule } from './ingest.module';

/** The ingest service, ready but for its HTTP listener (main and tests share it). */
export async function createIngestApp(): Promise<NestFastifyApplication> {
  const app = await createHttpApp(IngestModule, {
    title: 'Replyguard ingest API',
    description: 'Public intake of reply submissions from websites.',
    trustedProxies: ingestConfig().trustedProxies,
  });
  await provisionTopics(app);
  return app;
}
