import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@replyguard/messaging';
import { SiteEntity } from '../sites/site.entity';
import { SitesRepository } from '../sites/sites.repository';
import { SyncSiteMessageController } from '../sites/sync-site/sync-site.message.controller';
import { SubmitCommentHandler } from './submit-comment/submit-comment.handler';
import { SubmitCommentHttpController } from './submit-comment/submit-comment.http.controller';

@Module({
  imports: [TypeOrmModule.forFeature([SiteEntity]), MessagingModule],
  controllers: [SubmitCommentHttpController, SyncSiteMessageController],
  providers: [SubmitCommentHandler, SitesRepository],
  exports: [SitesRepository],
})
export class SubmissionsModule {}
