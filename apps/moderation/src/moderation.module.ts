import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, OutboxRelayModule } from '@replyguard/messaging';
import { ServiceCoreModule } from '@replyguard/platform';
import { CommentDecisionEntity } from './comments/comment-decision.entity';
import { CommentEntity } from './comments/comment.entity';
import { CommentsRepository } from './comments/comments.repository';
import { GetCommentStatusHandler } from './comments/get-comment-status/get-comment-status.handler';
import { GetCommentStatusHttpController } from './comments/get-comment-status/get-comment-status.http.controller';
import { moderationConfig, moderationConfigAreas } from './config/moderation.config';
import { ConsoleModule } from './console/console.module';
import { MODERATION_OUTBOX, moderationDataSourceOptions } from './database/database.options';
import { BansRepository } from './bans/bans.repository';
import { externalChecksProvider } from './checks/checks.provider';
import { moderationEngineProvider } from './engine/engine.provider';
import { ModerationMetricsModule } from './metrics/moderation-metrics.module';
import { moderatorApiControllers, moderatorApiProviders, rateLimitTracker } from './moderator-api';
import { RetentionService } from './retention/retention.service';
import { SiteEntity } from './sites/site.entity';
import { SitePoliciesRepository } from './sites/site-policies.repository';
import { ModerateSubmissionHandler } from './submissions/moderate-submission/moderate-submission.handler';
import { ModerateSubmissionMessageController } from './submissions/moderate-submission/moderate-submission.message.controller';

@Module({
  imports: [
    ServiceCoreModule.forService({
      service: 'moderation',
      config: moderationConfigAreas,
      dataSource: moderationDataSourceOptions,
    }),
    ModerationMetricsModule,
    TypeOrmModule.forFeature([SiteEntity, CommentEntity, CommentDecisionEntity]),
    MessagingModule,
    OutboxRelayModule.register(MODERATION_OUTBOX),
    ConsoleModule,
    // Per verified moderator or admin on the moderator API, per client IP elsewhere (reader reports override it).
    ThrottlerModule.forRootAsync({
      inject: [moderationConfig.KEY],
      useFactory: (config: ReturnType<typeof moderationConfig>) => [
        { name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute, getTracker: rateLimitTracker },
      ],
    }),
  ],
  controllers: [
    GetCommentStatusHttpController,
    ModerateSubmissionMessageController,
    ...moderatorApiControllers,
  ],
  providers: [
    moderationEngineProvider,
    SitePoliciesRepository,
    CommentsRepository,
    BansRepository,
    externalChecksProvider,
    ModerateSubmissionHandler,
    ...moderatorApiProviders,
    GetCommentStatusHandler,
    RetentionService,
  ],
})
export class ModerationModule {}
