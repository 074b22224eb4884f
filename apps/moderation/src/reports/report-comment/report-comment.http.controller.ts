import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
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
  // JSON only, as every route that does not declare otherwise (RouteBody): a form or text body is
  // what any page can make a browser send, unasked (see ReportCors).
  @ApiOperation({ summary: 'A reader reports a published comment' })
  @ApiAcceptedResponse({ type: ReportResponseV1 })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a malformed id, reason or note' })
  @ApiNotFoundResponse({ description: 'Unknown comment' })
  @ApiForbiddenResponse({
    description: "ORIGIN_NOT_ALLOWED: the page's Origin is not one of the comment's site's allowedOrigins",
  })
  @ApiConflictResponse({ description: 'NOT_REPORTABLE: the comment is not published' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'UNSUPPORTED_MEDIA_TYPE: the body is not application/json',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many reports from this client' })
  report(
    @Param('id', ParseIdPipe()) id: string,
    @Body() body: ReportRequestV1,
    @Req() req: FastifyRequest,
  ): Promise<ReportResponseV1> {
    return this.handler.execute(id, body, { ip: req.ip, origin: req.headers.origin });
  }
}
