import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { provisionTopics, startKafkaConsumer } from '@replyguard/messaging';
import { createHttpApp } from '@replyguard/platform';
import { WebhooksModule } from './webhooks.module';

/** The webhooks service, fully started but for its HTTP listener (main and tests share it). */
export async function createWebhooksApp(): Promise<NestFastifyApplication> {
  const app = await createHttpApp(WebhooksModule, {
    title: 'Replyguard webhooks API',
    description:
      'Signed HTTP deliveries of the public decision events to subscribers that do not run Kafka, with retries, dead letters and replay.',
  });
  await provisionTopics(app);
  await startKafkaConsumer(app, 'webhooks');
  return app;
}
