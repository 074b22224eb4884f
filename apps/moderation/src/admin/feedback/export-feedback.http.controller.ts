import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminOnly } from '../../auth/auth.decorators';
import { ExportFeedbackHandler } from './export-feedback.handler';
import { FeedbackQueryV1 } from './feedback.query';

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/admin/feedback')
export class ExportFeedbackHttpController {
  constructor(private readonly handler: ExportFeedbackHandler) {}

  @Get()
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({
    summary: "Moderator decisions as labeled examples, CSV in the datasets' format (id,source,text,label)",
  })
  @ApiOkResponse({ description: 'text/csv' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'Not an administrator' })
  export(@Query() query: FeedbackQueryV1): Promise<string> {
    return this.handler.execute(query.task, query.siteId);
  }
}
