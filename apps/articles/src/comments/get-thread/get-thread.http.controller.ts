import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ArticleThreadV1 } from '@replyguard/contracts';
import type { FastifyReply } from 'fastify';
import { sendThread, ThreadReader } from './thread-reader';
import { ThreadParamsV1 } from './thread.params';

@ApiTags('threads')
@Controller('v1/sites/:siteId/articles/:articleId/comments')
export class GetThreadHttpController {
  constructor(private readonly threads: ThreadReader) {}

  @Get()
  @ApiOperation({ summary: "An article's published comments, threaded, oldest first" })
  @ApiOkResponse({
    type: ArticleThreadV1,
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
    sendThread(reply, await this.threads.read('v1', params.siteId, params.articleId), ifNoneMatch);
  }
}
