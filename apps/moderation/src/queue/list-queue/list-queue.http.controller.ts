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
import { QueuePageV1, QueueQueryV1 } from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { CurrentActor, ModeratorOnly } from '../../auth/auth.decorators';
import { ListQueueHandler } from './list-queue.handler';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('moderation')
@ApiBearerAuth()
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation/queue')
export class ListQueueHttpController {
  constructor(private readonly handler: ListQueueHandler) {}

  @Get()
  @ApiOperation({
    summary: "A site's comments in one status with their reasons and scores, cursor-paginated",
  })
  @ApiOkResponse({ type: QueuePageV1 })
  @ApiBadRequestResponse({ description: 'Bad query parameter' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'The site is not yours' })
  @ApiNotFoundResponse({ description: 'SITE_NOT_FOUND: no such site (an administrator asked)' })
  list(@CurrentActor() actor: Actor, @Query() query: QueueQueryV1): Promise<QueuePageV1> {
    return this.handler.execute(actor, query);
  }
}
