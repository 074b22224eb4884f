import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { provisionTopics, startKafkaConsumer } from '@replyguard/messaging';
import { createHttpApp } from '@replyguard/platform';
import { ArticlesModule } from './articles.module';
import { articlesCors } from './embed/embed-cors';

/** The article service, fully started but for its HTTP listener (main and tests share it). */
export async function createArticlesApp(): Promise<NestFastifyApplication> {
  const app = await createHttpApp(ArticlesModule, {
    title: 'Replyguard articles API',
    description: "Each article's published comment thread.",
  });
  app.enableCors({ delegator: (req, answer) => answer(null, articlesCors(req)) });
  await provisionTopics(app);
  await startKafkaConsumer(app, 'articles');
  return app;
}
