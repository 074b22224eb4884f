import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@replyguard/messaging';
import { ServiceCoreModule } from '@replyguard/platform';
import { GetThreadHttpController } from './comments/get-thread/get-thread.http.controller';
import { PublicationMetrics } from './comments/publication.metrics';
import { PublishCommentHandler } from './comments/publish-comment/publish-comment.handler';
import { PublishCommentMessageController } from './comments/publish-comment/publish-comment.message.controller';
import { PublishedCommentEntity } from './comments/published-comment.entity';
import { PublishedCommentsRepository } from './comments/published-comments.repository';
import { EraseAuthorHandler } from './comments/erase-author/erase-author.handler';
import { EraseAuthorMessageController } from './comments/erase-author/erase-author.message.controller';
import { GetThreadV2HttpController } from './comments/get-thread/get-thread-v2.http.controller';
import { GetThreadV3HttpController } from './comments/get-thread/get-thread-v3.http.controller';
import { ThreadReader } from './comments/get-thread/thread-reader';
import { UnpublishCommentHandler } from './comments/unpublish-comment/unpublish-comment.handler';
import { UnpublishCommentMessageController } from './comments/unpublish-comment/unpublish-comment.message.controller';
import { articlesConfigAreas } from './config/articles.config';
import { articlesDataSourceOptions } from './database/database.options';
import { DemoModule } from './demo/demo.module';
import { EmbedModule } from './embed/embed.module';

@Module({
  imports: [
    ServiceCoreModule.forService({
      service: 'articles',
      config: articlesConfigAreas,
      dataSource: articlesDataSourceOptions,
    }),
    TypeOrmModule.forFeature([PublishedCommentEntity]),
    MessagingModule,
    DemoModule,
    EmbedModule,
  ],
  controllers: [
    GetThreadHttpController,
    GetThreadV2HttpController,
    GetThreadV3HttpController,
    PublishCommentMessageController,
    UnpublishCommentMessageController,
    EraseAuthorMessageController,
  ],
  providers: [
    PublishedCommentsRepository,
    ThreadReader,
    PublishCommentHandler,
    UnpublishCommentHandler,
    EraseAuthorHandler,
    PublicationMetrics,
  ],
})
export class ArticlesModule {}
