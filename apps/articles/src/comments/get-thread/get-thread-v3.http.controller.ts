import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ArticleThreadV3, ThreadPageQueryV3 } from '@replyguard/contracts';
import type { FastifyReply } from 'fastify';
import { sendThread, ThreadReader } from './thread-reader';
import { ThreadParamsV1 } from './thread.params';

@ApiTags('threads')
@Controller('v3/sites/:siteId/articles/:articleId/comments')
export class GetThreadV3HttpController {
  constructor(private readonly threads: ThreadReader) {}

  @Get()
  @ApiOperation({
    summary: "A page of an article's top-level comments, each with all its replies as in v2",
    description:
      'For a thread too large to send whole: `limit` top-level comments (oldest or newest first), each ' +
      'with its whole reply tree nested as in v2 (replies oldest first; a taken-down comment with published ' +
      'replies stays as `removed`). Follow `nextCursor` until it is null. Keyset pagination: a comment ' +
      'published while a reader pages appears on a later page (oldest first) or not at all until they ' +
      'start again (newest first); none is repeated or skipped.',
  })
  @ApiOkResponse({
    type: ArticleThreadV3,
    description:
      'With an `ETag` for this page; `Cache-Control: no-cache`, so caches revalidate and an approval shows at once',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a copy the client holds' })
  @ApiResponse({ status: 304, description: 'The page is as the ETag in If-None-Match says' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: siteId, articleId, limit (1-100), order or cursor breaks its rule',
  })
  async get(
    @Param() params: ThreadParamsV1,
    @Query() query: ThreadPageQueryV3,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendThread(reply, await this.threads.readPage(params.siteId, params.articleId, query), ifNoneMatch);
  }
}
