import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArticleThreadV2 } from '@replyguard/contracts';
import { PublishedCommentsRepository } from '../published-comments.repository';
import { buildThreadV2 } from './build-thread';
import { ThreadParamsV1 } from './thread.params';

@ApiTags('threads')
@Controller('v2/sites/:siteId/articles/:articleId/comments')
export class GetThreadV2HttpController {
  constructor(private readonly comments: PublishedCommentsRepository) {}

  @Get()
  @ApiOperation({
    summary:
      "An article's published comments, threaded, oldest first; a taken-down comment with replies stays as `removed`",
    description:
      'Like v1, except that a comment taken down after readers replied to it stays in its place with ' +
      '`state: "removed"` and no author or text, so the replies keep their nesting. v1 leaves it out and ' +
      'shows its replies at the top level.',
  })
  @ApiOkResponse({ type: ArticleThreadV2 })
  @ApiBadRequestResponse({ description: 'siteId or articleId breaks its rule' })
  async get(@Param() params: ThreadParamsV1): Promise<ArticleThreadV2> {
    const flat = await this.comments.listWithRemoved(params.siteId, params.articleId);
    return buildThreadV2(params.siteId, params.articleId, flat);
  }
}
