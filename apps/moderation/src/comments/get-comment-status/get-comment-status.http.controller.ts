import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CommentStatusResponseV1 } from '@replyguard/contracts';
import { GetCommentStatusHandler } from './get-comment-status.handler';
import { ParseIdPipe } from '@replyguard/platform';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('comments')
@ApiRateLimited()
@Controller('v1/comments')
export class GetCommentStatusHttpController {
  constructor(private readonly handler: GetCommentStatusHandler) {}

  @Get(':id')
  @ApiOperation({ summary: "A submitted comment's moderation status, for the submitter's page" })
  @ApiOkResponse({ type: CommentStatusResponseV1 })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: id is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown comment' })
  get(@Param('id', ParseIdPipe()) id: string): Promise<CommentStatusResponseV1> {
    return this.handler.execute(id);
  }
}
