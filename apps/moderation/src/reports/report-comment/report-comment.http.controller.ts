import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { ReportRequestV1, ReportResponseV1 } from '@replyguard/contracts';
import type { FastifyRequest } from 'fastify';
import { ReportCommentHandler } from './report-comment.handler';
import { ParseIdPipe } from '@replyguard/platform';

@ApiTags('comments')
@Controller('v1/comments')
export class ReportCommentHttpController {
  constructor(private readonly handler: ReportCommentHandler) {}

  @Post(':id/reports')
  @HttpCode(202)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({ summary: 'A reader reports a published comment' })
  @ApiAcceptedResponse({ type: ReportResponseV1 })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a malformed id, reason or note' })
  @ApiNotFoundResponse({ description: 'Unknown comment' })
  @ApiConflictResponse({ description: 'NOT_REPORTABLE: the comment is not published' })
  @ApiTooManyRequestsResponse({ description: 'Too many reports from this client' })
  report(
    @Param('id', ParseIdPipe()) id: string,
    @Body() body: ReportRequestV1,
    @Req() req: FastifyRequest,
  ): Promise<ReportResponseV1> {
    return this.handler.execute(id, body, req.ip);
  }
}
