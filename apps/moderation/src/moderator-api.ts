import type { Provider, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { clientNetwork, RateLimitGuard } from '@replyguard/platform';
import { EraseAuthorHandler } from './admin/personal-data/erase-author.handler';
import { PersonalDataHttpController } from './admin/personal-data/personal-data.http.controller';
import { ExportPersonalDataHandler } from './admin/personal-data/export-personal-data.handler';
import { ExportFeedbackHandler } from './admin/feedback/export-feedback.handler';
import { ExportFeedbackHttpController } from './admin/feedback/export-feedback.http.controller';
import { ModeratorsAdminHandler } from './admin/moderators/moderators-admin.handler';
import { ModeratorsAdminHttpController } from './admin/moderators/moderators-admin.http.controller';
import { SitesAdminHandler } from './admin/sites/sites-admin.handler';
import { SitesAdminHttpController } from './admin/sites/sites-admin.http.controller';
import { akismetControllers, akismetProviders } from './akismet/akismet-api';
import type { Actor } from './auth/actor';
import { AuthFailures } from './auth/auth-failures';
import { ModeratorAuthGuard } from './auth/moderator-auth.guard';
import { ModeratorsRepository } from './auth/moderators.repository';
import { CreateBanHandler } from './bans/create-ban/create-ban.handler';
import { CreateBanHttpController } from './bans/create-ban/create-ban.http.controller';
import { LiftBanHandler } from './bans/lift-ban/lift-ban.handler';
import { LiftBanHttpController } from './bans/lift-ban/lift-ban.http.controller';
import { ListBansHandler } from './bans/list-bans/list-bans.handler';
import { ListBansHttpController } from './bans/list-bans/list-bans.http.controller';
import { LabeledExamplesRepository } from './comments/labeled-examples.repository';
import { BulkDecideHandler } from './decisions/bulk-decide/bulk-decide.handler';
import { CommentHistoryHandler } from './decisions/comment-history/comment-history.handler';
import { CommentHistoryHttpController } from './decisions/comment-history/comment-history.http.controller';
import { DecideCommentHandler } from './decisions/decide-comment/decide-comment.handler';
import { DecideCommentHttpController } from './decisions/decide-comment/decide-comment.http.controller';
import { MeHandler } from './me/me.handler';
import { MeHttpController } from './me/me.http.controller';
import { AuthorCommentsHandler } from './queue/author-comments/author-comments.handler';
import { AuthorCommentsHttpController } from './queue/author-comments/author-comments.http.controller';
import { ListQueueHandler } from './queue/list-queue/list-queue.handler';
import { ListQueueHttpController } from './queue/list-queue/list-queue.http.controller';
import { QueueItems } from './queue/queue-items';
import { QueueSummaryHandler } from './queue/queue-summary/queue-summary.handler';
import { QueueSummaryHttpController } from './queue/queue-summary/queue-summary.http.controller';
import { ListReportsHandler } from './reports/list-reports/list-reports.handler';
import { ListReportsHttpController } from './reports/list-reports/list-reports.http.controller';
import { ReportCommentHandler } from './reports/report-comment/report-comment.handler';
import { ReportCommentHttpController } from './reports/report-comment/report-comment.http.controller';
import { ReportCors } from './reports/report-comment/report-cors';
import { ReportsRepository } from './reports/reports.repository';

/**
 * Requests are counted per authenticated moderator or admin, else per client IP (an IPv6 one by its
 * /64). The actor is the one the auth guard verified (it runs first, see `moderatorApiProviders`): an
 * Authorization header that nobody checked, on a public route, must not buy a client a fresh count.
 */
export function rateLimitTracker(req: Record<string, unknown>): string {
  const actor = req.actor as Actor | undefined;
  return actor ? `actor:${actor.id}` : `ip:${clientNetwork(String(req.ip))}`;
}

/** The admin and moderator HTTP API and reader reports: controllers and their use cases. */
export const moderatorApiControllers: Type[] = [
  SitesAdminHttpController,
  ModeratorsAdminHttpController,
  ExportFeedbackHttpController,
  PersonalDataHttpController,
  MeHttpController,
  ListQueueHttpController,
  QueueSummaryHttpController,
  AuthorCommentsHttpController,
  DecideCommentHttpController,
  CommentHistoryHttpController,
  ListReportsHttpController,
  CreateBanHttpController,
  ListBansHttpController,
  LiftBanHttpController,
  ReportCommentHttpController,
  ...akismetControllers,
];

export const moderatorApiProviders: Provider[] = [
  // In this order: the rate limit counts per actor the auth guard has verified.
  { provide: APP_GUARD, useClass: ModeratorAuthGuard },
  { provide: APP_GUARD, useClass: RateLimitGuard },
  AuthFailures,
  ModeratorsRepository,
  LabeledExamplesRepository,
  SitesAdminHandler,
  ModeratorsAdminHandler,
  ExportFeedbackHandler,
  EraseAuthorHandler,
  ExportPersonalDataHandler,
  MeHandler,
  ListQueueHandler,
  QueueItems,
  QueueSummaryHandler,
  AuthorCommentsHandler,
  DecideCommentHandler,
  BulkDecideHandler,
  CommentHistoryHandler,
  CreateBanHandler,
  ListBansHandler,
  LiftBanHandler,
  ReportCommentHandler,
  ReportCors,
  ReportsRepository,
  ListReportsHandler,
  ...akismetProviders,
];
