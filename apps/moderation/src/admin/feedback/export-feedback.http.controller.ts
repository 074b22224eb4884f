import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdminOnly } from '../../auth/auth.decorators';
import { ExportFeedbackHandler } from './export-feedback.handler';
import { FeedbackQueryV1 } from './feedback.query';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
@ApiRateLimited()
@Controller('v1/admin/feedback')
export class ExportFeedbackHttpController {
  constructor(private readonly handler: ExportFeedbackHandler) {}

  @Get()
  @ApiOperation({
    summary: "Moderator decisions as labeled examples, CSV in the datasets' format (id,source,text,label)",
  })
  @ApiOkResponse({ description: 'text/csv' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'Not an administrator' })
  @ApiNotFoundResponse({ description: 'SITE_NOT_FOUND: siteId names no site' })
  async export(
    @Query() query: FeedbackQueryV1,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const csv = await this.handler.execute(query.task, query.siteId);
    // Set on success only: a route-wide CSV header made the 400 of a bad query a 500 (its JSON body
    // could not be sent as text/csv).
    void reply.header('content-type', 'text/csv; charset=utf-8');
    return csv;
  }
}
