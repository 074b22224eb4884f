import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@replyguard/messaging';
import { SiteEntity } from '../sites/site.entity';
import { SitesRepository } from '../sites/sites.repository';
import { SubmitCommentHandler } from './submit-comment/submit-comment.handler';
import { SubmitCommentHttpController } from './submit-comment/submit-comment.http.controller';

@Module({
  imports: [TypeOrmModule.forFeature([SiteEntity]), MessagingModule],
  controllers: [SubmitCommentHttpController],
  providers: [SubmitCommentHandler, SitesRepository],
})
export class SubmissionsModule {}
