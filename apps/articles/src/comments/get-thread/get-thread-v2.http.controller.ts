import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ArticleThreadV2 } from '@replyguard/contracts';
import type { FastifyReply } from 'fastify';
import { sendThread, ThreadReader } from './thread-reader';
import { ThreadParamsV1 } from './thread.params';

@ApiTags('threads')
@Controller('v2/sites/:siteId/articles/:articleId/comments')
export class GetThreadV2HttpController {
  constructor(private readonly threads: ThreadReader) {}

  @Get()
  @ApiOperation({
    summary:
      "An article's published comments, threaded, oldest first; a taken-down comment with replies stays as `removed`",
    description:
      'Like v1, except that a comment taken down after readers replied to it stays in its place with ' +
      '`state: "removed"` and no author or text, so the replies keep their nesting. v1 leaves it out and ' +
      'shows its replies at the top level.',
  })
  @ApiOkResponse({
    type: ArticleThreadV2,
    description:
      'With an `ETag`; `Cache-Control: no-cache`, so caches revalidate and an approval shows at once',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a copy the client holds' })
  @ApiResponse({ status: 304, description: 'The thread is as the ETag in If-None-Match says' })
  @ApiBadRequestResponse({ description: 'siteId or articleId breaks its rule' })
  async get(
    @Param() params: ThreadParamsV1,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendThread(reply, await this.threads.read('v2', params.siteId, params.articleId), ifNoneMatch);
  }
}
