import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  BulkDecisionRequestV1,
  BulkDecisionResponseV1,
  DecisionRequestV1,
  DecisionResponseV1,
} from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { CurrentActor, ModeratorOnly } from '../../auth/auth.decorators';
import { BulkDecideHandler } from '../bulk-decide/bulk-decide.handler';
import { DecideCommentHandler } from './decide-comment.handler';
import { ParseIdPipe } from '@replyguard/platform';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('moderation')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad token' })
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation')
export class DecideCommentHttpController {
  constructor(
    private readonly decide: DecideCommentHandler,
    private readonly bulk: BulkDecideHandler,
  ) {}

  @Post('comments/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve, reject, or mark a comment spam or ham' })
  @ApiOkResponse({ type: DecisionResponseV1 })
  @ApiForbiddenResponse({ description: "The comment's site is not yours" })
  @ApiNotFoundResponse({ description: 'Unknown comment' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: id is not a UUID, or a field breaks its rule' })
  @ApiConflictResponse({
    description:
      'VERSION_CONFLICT: someone decided it first; PARENT_NOT_PUBLISHED: approve the parent first; ' +
      "COMMENT_ERASED: erased with its text at the author's request",
  })
  decideOne(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: string,
    @Body() body: DecisionRequestV1,
  ): Promise<DecisionResponseV1> {
    return this.decide.execute(actor, id, body);
  }

  @Post('decisions')
  @HttpCode(200)
  @ApiOperation({ summary: 'One action on up to 500 comments, each applied on its own' })
  @ApiForbiddenResponse({
    description: 'Not a moderator (a comment of a site that is not yours is a per-id FORBIDDEN)',
  })
  @ApiOkResponse({ type: BulkDecisionResponseV1 })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: malformed ids, action or expectedVersions, named',
  })
  decideMany(
    @CurrentActor() actor: Actor,
    @Body() body: BulkDecisionRequestV1,
  ): Promise<BulkDecisionResponseV1> {
    return this.bulk.execute(actor, body);
  }
}
