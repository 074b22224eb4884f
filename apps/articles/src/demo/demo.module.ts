import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedCommentEntity } from '../comments/published-comment.entity';
import { PublishedCommentsRepository } from '../comments/published-comments.repository';
import { DemoHttpController } from './demo.http.controller';

/** The demo article page at /demo/{siteId}/{articleId}. */
@Module({
  imports: [TypeOrmModule.forFeature([PublishedCommentEntity])],
  controllers: [DemoHttpController],
  providers: [PublishedCommentsRepository],
})
export class DemoModule {}
