import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { provisionTopics, startKafkaConsumer } from '@replyguard/messaging';
import { createHttpApp } from '@replyguard/platform';
import { ModerationModule } from './moderation.module';

/** The moderation service, fully started but for its HTTP listener (main and tests share it). */
export async function createModerationApp(): Promise<NestFastifyApplication> {
  const app = await createHttpApp(ModerationModule, {
    title: 'Replyguard moderation API',
    description: 'Moderation state, decisions and the submitter-facing comment status.',
  });
  await provisionTopics(app);
  await startKafkaConsumer(app, 'moderation');
  return app;
}
