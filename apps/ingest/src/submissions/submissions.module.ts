import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@replyguard/messaging';
import { clientNetwork, RateLimitStorage } from '@replyguard/platform';
import { ingestConfig } from '../config/ingest.config';
import { SiteEntity } from '../sites/site.entity';
import { SitesRepository } from '../sites/sites.repository';
import { SyncSiteMessageController } from '../sites/sync-site/sync-site.message.controller';
import { SubmissionMetrics } from './submission-metrics';
import { SubmitCommentHandler } from './submit-comment/submit-comment.handler';
import { SubmitCommentHttpController } from './submit-comment/submit-comment.http.controller';
import { PostWpCommentHandler } from './wp-form/post-wp-comment.handler';
import { WpCommentFormHttpController } from './wp-form/wp-comment-form.http.controller';
import { WpFormEarlyErrorFilter } from './wp-form/wp-form-early-error.filter';
import { WpFormErrorFilter } from './wp-form/wp-form-error.filter';

const submissionsKey = (_context: unknown, tracker: string, throttler: string) =>
  `submissions-${throttler}-${tracker}`;

@Module({
  imports: [
    TypeOrmModule.forFeature([SiteEntity]),
    MessagingModule,
    // Per client IP and per site; in memory, so each ingest instance counts on its own. The JSON
    // intake and the WordPress form share the buckets (a key per throttler and tracker, not per
    // route, as the guard's keys are by default): either way, one submission.
    ThrottlerModule.forRootAsync({
      inject: [ingestConfig.KEY],
      useFactory: (config: ConfigType<typeof ingestConfig>) => ({
        storage: new RateLimitStorage(),
        throttlers: [
          {
            name: 'ip',
            ttl: 60_000,
            limit: config.rateLimitPerIp,
            getTracker: (req) => `ip:${clientNetwork(String(req.ip))}`,
            generateKey: submissionsKey,
          },
          {
            name: 'site',
            ttl: 60_000,
            limit: config.rateLimitPerSite,
            generateKey: submissionsKey,
            getTracker: (req) => {
              // JSON posts name the site in the body, WordPress forms in the path.
              const siteId =
                (req.params as { siteId?: unknown } | undefined)?.siteId ??
                (req.body as { siteId?: unknown } | undefined)?.siteId;
              return `site:${typeof siteId === 'string' ? siteId : ''}`;
            },
          },
        ],
      }),
    }),
  ],
  controllers: [SubmitCommentHttpController, WpCommentFormHttpController, SyncSiteMessageController],
  providers: [
    SubmitCommentHandler,
    PostWpCommentHandler,
    SitesRepository,
    SubmissionMetrics,
    WpFormErrorFilter,
    WpFormEarlyErrorFilter,
  ],
  exports: [SitesRepository],
})
export class SubmissionsModule {}
