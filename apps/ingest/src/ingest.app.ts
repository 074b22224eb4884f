import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { provisionTopics, startKafkaConsumer } from '@replyguard/messaging';
import { createHttpApp } from '@replyguard/platform';
import { ingestConfig } from './config/ingest.config';
import { IngestModule } from './ingest.module';
import { SitesRepository } from './sites/sites.repository';
import { WpFormEarlyErrorFilter } from './submissions/wp-form/wp-form-early-error.filter';

/** The ingest service, ready but for its HTTP listener (main and tests share it). */
export async function createIngestApp(): Promise<NestFastifyApplication> {
  const app = await createHttpApp(IngestModule, {
    title: 'Replyguard ingest API',
    description: 'Public intake of reply submissions from websites.',
    trustedProxies: ingestConfig().trustedProxies,
  });
  app.useGlobalFilters(app.get(WpFormEarlyErrorFilter));
  const sites = app.get(SitesRepository);
  // Browsers may post from any origin some site allows; the handler then checks it is this site's.
  app.enableCors({
    methods: ['POST'],
    allowedHeaders: ['content-type'],
    // A page may read how long a reader posting too fast must wait (the comments widget says so).
    exposedHeaders: ['retry-after'],
    maxAge: 600,
    // A callback, not a promise: most requests (servers, the same origin) carry no Origin header,
    // and a fresh cache answers the rest, without a microtask hop before every request goes on.
    origin: (origin: string | undefined, answer: (error: Error | null, allow: boolean) => void) => {
      if (!origin) return answer(null, false);
      const known = sites.cachedOrigins();
      if (known) return answer(null, known.has(origin));
      sites.allOrigins().then(
        (all) => answer(null, all.has(origin)),
        (error: unknown) => answer(error instanceof Error ? error : new Error(String(error)), false),
      );
    },
  });
  await provisionTopics(app);
  // Site configuration arrives from the moderation service.
  await startKafkaConsumer(app, 'ingest');
  return app;
}
