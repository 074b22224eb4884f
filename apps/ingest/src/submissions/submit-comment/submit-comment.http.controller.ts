import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
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
import { SubmitCommentRequestV1, SubmitCommentResponseV1 } from '@replyguard/contracts';
import { RateLimitGuard } from '@replyguard/platform';
import type { FastifyRequest } from 'fastify';
import { SubmitCommentHandler } from './submit-comment.handler';

function header(req: FastifyRequest, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

@ApiTags('comments')
@Controller('v1/comments')
export class SubmitCommentHttpController {
  constructor(private readonly handler: SubmitCommentHandler) {}

  @Post()
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  @ApiOperation({ summary: 'Submit a reply for moderation' })
  @ApiAcceptedResponse({ type: SubmitCommentResponseV1, description: 'Durable; moderation follows' })
  @ApiBadRequestResponse({ description: 'Names every failing field and its rule' })
  @ApiNotFoundResponse({ description: 'Unknown site' })
  @ApiForbiddenResponse({ description: "ORIGIN_NOT_ALLOWED: the page's origin is not one of the site's" })
  @ApiPayloadTooLargeResponse({ description: 'Body over 64 KiB' })
  @ApiTooManyRequestsResponse({ description: 'Rate limit per client IP or per site; see Retry-After' })
  @ApiServiceUnavailableResponse({ description: 'Could not be made durable; nothing was saved' })
  submit(@Body() body: SubmitCommentRequestV1, @Req() req: FastifyRequest): Promise<SubmitCommentResponseV1> {
    return this.handler.execute({
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
  }
}
