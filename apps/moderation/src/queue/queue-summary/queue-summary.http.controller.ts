import { Controller, Get, Query } from '@nestjs/common';
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
import { QUEUE_COUNT_CAP, QueueSummaryQueryV1, QueueSummaryV1 } from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { CurrentActor, ModeratorOnly } from '../../auth/auth.decorators';
import { ApiRateLimited } from '../../rate-limited.decorator';
import { QueueSummaryHandler } from './queue-summary.handler';

@ApiTags('moderation')
@ApiBearerAuth()
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation/queue')
export class QueueSummaryHttpController {
  constructor(private readonly handler: QueueSummaryHandler) {}

  @Get('summary')
  @ApiOperation({
    summary: `How many comments the site's held and reported queues hold (counted up to ${QUEUE_COUNT_CAP}), and their oldest and newest submission times`,
  })
  @ApiOkResponse({ type: QueueSummaryV1 })
  @ApiBadRequestResponse({ description: 'A query parameter breaks its rule; the field is named' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'The site is not yours' })
  @ApiNotFoundResponse({ description: 'SITE_NOT_FOUND: no such site (an administrator asked)' })
  summary(@CurrentActor() actor: Actor, @Query() query: QueueSummaryQueryV1): Promise<QueueSummaryV1> {
    return this.handler.execute(actor, query);
  }
}
