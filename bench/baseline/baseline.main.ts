import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SubmitCommentRequestV1, type SubmitCommentResponseV1 } from '@replyguard/contracts';
import { createValidationPipe } from '@replyguard/platform';
import { randomUUID } from 'node:crypto';

/**
 * The ingest benchmark's yardstick: a bare NestJS app on the same adapter (Fastify, same body limit)
 * with the same global ValidationPipe and DTO, answering 202 at once. No logging, no Kafka, no
 * database: whatever ingest does beyond this is what the ratio measures.
 */
@Controller('v1/comments')
class BaselineController {
  @Post()
  @HttpCode(202)
  submit(@Body() body: SubmitCommentRequestV1): SubmitCommentResponseV1 {
    void body;
    return { id: randomUUID(), status: 'pending' };
  }
}

@Module({ controllers: [BaselineController] })
class BaselineModule {}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    BaselineModule,
    new FastifyAdapter({ bodyLimit: 64 * 1024 }),
    { logger: ['error'] },
  );
  app.useGlobalPipes(createValidationPipe());
  await app.listen(Number(process.argv[2] ?? 3090), '127.0.0.1');
  // Exit (rather than die by the signal) so that `--cpu-prof` writes the profile, as ingest's does.
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
}

void bootstrap();
