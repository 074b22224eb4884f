import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@replyguard/messaging';
import {
  databaseConfig,
  HealthModule,
  kafkaConfig,
  LoggingModule,
  MetricsModule,
  outboxConfig,
  runtimeConfig,
} from '@replyguard/platform';
import { GetThreadHttpController } from './comments/get-thread/get-thread.http.controller';
import { PublishCommentHandler } from './comments/publish-comment/publish-comment.handler';
import { PublishCommentMessageController } from './comments/publish-comment/publish-comment.message.controller';
import { PublishedCommentEntity } from './comments/published-comment.entity';
import { PublishedCommentsRepository } from './comments/published-comments.repository';
import { UnpublishCommentHandler } from './comments/unpublish-comment/unpublish-comment.handler';
import { UnpublishCommentMessageController } from './comments/unpublish-comment/unpublish-comment.message.controller';
import { articlesConfig } from './config/articles.config';
import { articlesDataSourceOptions } from './database/database.options';
import { DemoModule } from './demo/demo.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [runtimeConfig, databaseConfig, kafkaConfig, outboxConfig, articlesConfig],
    }),
    LoggingModule,
    MetricsModule.forRoot({ service: 'articles' }),
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ReturnType<typeof databaseConfig>) => articlesDataSourceOptions(db),
    }),
    TypeOrmModule.forFeature([PublishedCommentEntity]),
    MessagingModule,
    HealthModule,
    DemoModule,
  ],
  controllers: [GetThreadHttpController, PublishCommentMessageController, UnpublishCommentMessageController],
  providers: [PublishedCommentsRepository, PublishCommentHandler, UnpublishCommentHandler],
})
export class ArticlesModule {}
