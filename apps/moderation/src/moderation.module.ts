import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, OutboxRelayModule } from '@replyguard/messaging';
import {
  databaseConfig,
  HealthModule,
  kafkaConfig,
  LoggingModule,
  outboxConfig,
  privacyConfig,
  runtimeConfig,
} from '@replyguard/platform';
import { CommentDecisionEntity } from './comments/comment-decision.entity';
import { CommentEntity } from './comments/comment.entity';
import { CommentsRepository } from './comments/comments.repository';
import { GetCommentStatusHandler } from './comments/get-comment-status/get-comment-status.handler';
import { GetCommentStatusHttpController } from './comments/get-comment-status/get-comment-status.http.controller';
import { moderationConfig } from './config/moderation.config';
import { MODERATION_OUTBOX, moderationDataSourceOptions } from './database/database.options';
import { moderationEngineProvider } from './engine/engine.provider';
import { SiteEntity } from './sites/site.entity';
import { SitePoliciesRepository } from './sites/site-policies.repository';
import { ModerateSubmissionHandler } from './submissions/moderate-submission/moderate-submission.handler';
import { ModerateSubmissionMessageController } from './submissions/moderate-submission/moderate-submission.message.controller';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [runtimeConfig, databaseConfig, kafkaConfig, outboxConfig, privacyConfig, moderationConfig],
    }),
    LoggingModule,
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ReturnType<typeof databaseConfig>) => moderationDataSourceOptions(db),
    }),
    TypeOrmModule.forFeature([SiteEntity, CommentEntity, CommentDecisionEntity]),
    MessagingModule,
    OutboxRelayModule.register(MODERATION_OUTBOX),
    HealthModule,
  ],
  controllers: [GetCommentStatusHttpController, ModerateSubmissionMessageController],
  providers: [
    moderationEngineProvider,
    SitePoliciesRepository,
    CommentsRepository,
    ModerateSubmissionHandler,
    GetCommentStatusHandler,
  ],
})
export class ModerationModule {}
