import { Body, Controller, HttpCode, Post, Req, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  SUBMISSION_BODY_LIMIT_BYTES,
  SubmitCommentRequestV1,
  SubmitCommentResponseV1,
} from '@replyguard/contracts';
import { RateLimitGuard, RouteBody, setRequestCorrelationId } from '@replyguard/platform';
import type { FastifyRequest } from 'fastify';
import { SubmissionMetrics } from '../submission-metrics';
import { SubmissionRefusedFilter } from './submission-refused.filter';
import { SubmitCommentHandler } from './submit-comment.handler';

function header(req: FastifyRequest, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

@ApiTags('comments')
@UseFilters(SubmissionRefusedFilter)
@Controller('v1/comments')
export class SubmitCommentHttpController {
  constructor(
    private readonly handler: SubmitCommentHandler,
    private readonly metrics: SubmissionMetrics,
  ) {}

  @Post()
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  // JSON that escapes non-ASCII as \uXXXX takes 6 bytes a CJK character, 12 an emoji.
  @RouteBody({ limitBytes: SUBMISSION_BODY_LIMIT_BYTES })
  @ApiOperation({ summary: 'Submit a reply for moderation' })
  @ApiAcceptedResponse({ type: SubmitCommentResponseV1, description: 'Durable; moderation follows' })
  @ApiBadRequestResponse({ description: 'Names every failing field and its rule' })
  @ApiNotFoundResponse({ description: 'Unknown site' })
  @ApiForbiddenResponse({ description: "ORIGIN_NOT_ALLOWED: the page's origin is not one of the site's" })
  @ApiPayloadTooLargeResponse({ description: `Body over ${SUBMISSION_BODY_LIMIT_BYTES} bytes` })
  @ApiTooManyRequestsResponse({ description: 'Rate limit per client IP or per site; see Retry-After' })
  @ApiServiceUnavailableResponse({ description: 'Could not be made durable; nothing was saved' })
  async submit(
    @Body() body: SubmitCommentRequestV1,
    @Req() req: FastifyRequest,
  ): Promise<SubmitCommentResponseV1> {
    const accepted = await this.handler.execute({
      request: body,
      // Fastify resolves X-Forwarded-For only for the configured trusted proxies.
      client: {
        ip: req.ip ?? null,
        userAgent: header(req, 'user-agent'),
        referer: header(req, 'referer'),
        origin: header(req, 'origin'),
      },
      requestId: String(req.id),
    });
    this.metrics.accepted();
    // The comment id is the correlation id of everything that follows; the request log line gets it.
    setRequestCorrelationId(req, accepted.id);
    return accepted;
  }
}
