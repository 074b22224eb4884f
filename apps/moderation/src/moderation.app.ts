import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { provisionTopics, startKafkaConsumer } from '@replyguard/messaging';
import { createHttpApp } from '@replyguard/platform';
import { moderationConfig } from './config/moderation.config';
import { ModerationModule } from './moderation.module';
import { ReportCors } from './reports/report-comment/report-cors';

/** The moderation service, fully started but for its HTTP listener (main and tests share it). */
export async function createModerationApp(): Promise<NestFastifyApplication> {
  const app = await createHttpApp(ModerationModule, {
    title: 'Replyguard moderation API',
    description: 'Moderation state, decisions and the submitter-facing comment status.',
    trustedProxies: moderationConfig().trustedProxies,
  });
  // Pages of a comment's site may report it from readers' browsers; nothing else here answers CORS.
  app.enableCors({ delegator: app.get(ReportCors).delegate });
  await provisionTopics(app);
  await startKafkaConsumer(app, 'moderation');
  return app;
}
