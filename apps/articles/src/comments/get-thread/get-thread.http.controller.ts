import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArticleThreadV1 } from '@replyguard/contracts';
import { PublishedCommentsRepository } from '../published-comments.repository';
import { buildThread } from './build-thread';
import { ThreadParamsV1 } from './thread.params';

@ApiTags('threads')
@Controller('v1/sites/:siteId/articles/:articleId/comments')
export class GetThreadHttpController {
  constructor(private readonly comments: PublishedCommentsRepository) {}

  @Get()
  @ApiOperation({ summary: "An article's published comments, threaded, oldest first" })
  @ApiOkResponse({ type: ArticleThreadV1 })
  @ApiBadRequestResponse({ description: 'siteId or articleId breaks its rule' })
  async get(@Param() params: ThreadParamsV1): Promise<ArticleThreadV1> {
    const flat = await this.comments.listForArticle(params.siteId, params.articleId);
    return buildThread(params.siteId, params.articleId, flat);
  }
}
