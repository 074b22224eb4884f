import { Controller, Get, Param, Query } from '@nestjs/common';
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
import { ReportListQueryV1, ReportPageV1 } from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { CurrentActor, ModeratorOnly } from '../../auth/auth.decorators';
import { ListReportsHandler } from './list-reports.handler';
import { ParseIdPipe } from '@replyguard/platform';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('moderation')
@ApiBearerAuth()
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation/comments')
export class ListReportsHttpController {
  constructor(private readonly handler: ListReportsHandler) {}

  @Get(':id/reports')
  @ApiOperation({
    summary: "A comment's reader reports, newest first: reason, note and time (never who), cursor-paginated",
  })
  @ApiOkResponse({ type: ReportPageV1 })
  @ApiBadRequestResponse({ description: 'A query parameter breaks its rule; the field is named' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: "FORBIDDEN: the comment's site is not yours" })
  @ApiNotFoundResponse({ description: 'COMMENT_NOT_FOUND: unknown comment' })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: string,
    @Query() query: ReportListQueryV1,
  ): Promise<ReportPageV1> {
    return this.handler.execute(actor, id, query);
  }
}
