import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { provisionTopics, startKafkaConsumer } from '@replyguard/messaging';
import { createHttpApp } from '@replyguard/platform';
import { moderationConfig } from './config/moderation.config';
import { ModerationModule } from './moderation.module';

/** The moderation service, fully started but for its HTTP listener (main and tests share it). */
export async function createModerationApp(): Promise<NestFastifyApplication> {
  const app = await createHttpApp(ModerationModule, {
    title: 'Replyguard moderation API',
    description: 'Moderation state, decisions and the submitter-facing comment status.',
    trustedProxies: moderationConfig().trustedProxies,
  });
  await provisionTopics(app);
  await startKafkaConsumer(app, 'moderation');
  return app;
}
