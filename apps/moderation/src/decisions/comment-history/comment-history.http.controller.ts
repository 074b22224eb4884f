import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { HistoryResponseV1 } from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { CurrentActor, ModeratorOnly } from '../../auth/auth.decorators';
import { CommentHistoryHandler } from './comment-history.handler';
import { ParseIdPipe } from '@replyguard/platform';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('moderation')
@ApiBearerAuth()
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation/comments')
export class CommentHistoryHttpController {
  constructor(private readonly handler: CommentHistoryHandler) {}

  @Get(':id/history')
  @ApiOperation({ summary: "A comment's decisions: who, when, action, reason, previous status" })
  @ApiOkResponse({ type: HistoryResponseV1 })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: "The comment's site is not yours" })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: id is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown comment' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: string): Promise<HistoryResponseV1> {
    return this.handler.execute(actor, id);
  }
}
