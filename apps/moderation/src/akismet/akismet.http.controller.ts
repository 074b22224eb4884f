import { Body, Controller, Headers, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AKISMET_COMMENT_FIELDS, AKISMET_FEEDBACK_THANKS } from '@replyguard/contracts';
import { RouteBody } from '@replyguard/platform';
import type { FastifyReply } from 'fastify';
import { presentedKey } from './api-keys/api-key';
import { AkismetErrorFilter } from './akismet-error.filter';
import { type FormBody, parseAkismetComment } from './akismet-request';
import { CheckCommentHandler } from './check-comment/check-comment.handler';
import { SubmitFeedbackHandler } from './feedback/submit-feedback.handler';
import { AkismetKeysHandler } from './verify-key/akismet-keys.handler';
import { ApiRateLimited } from '../rate-limited.decorator';

const FORM = 'application/x-www-form-urlencoded';
const TEXT = 'text/plain; charset=utf-8';

const commentForm = {
  type: 'object',
  required: ['api_key', 'blog', 'user_ip'],
  properties: Object.fromEntries(
    ['api_key', ...AKISMET_COMMENT_FIELDS, 'honeypot field (named by honeypot_field_name)'].map((name) => [
      name,
      { type: 'string' },
    ]),
  ),
};
const invalidAnswer =
  'A bad key: `invalid`; a bad field: the problem. Both with X-akismet-debug-help, status 200 as Akismet answers';

/**
 * The Akismet REST API (1.1), answered by the Replyguard engine with the key's site policy, so that
 * an existing Akismet integration switches over by changing its host and key.
 */
@ApiTags('akismet')
@UseFilters(AkismetErrorFilter)
@ApiRateLimited()
@Controller('1.1')
export class AkismetHttpController {
  constructor(
    private readonly keys: AkismetKeysHandler,
    private readonly checkComment: CheckCommentHandler,
    private readonly feedback: SubmitFeedbackHandler,
  ) {}

  @Post('verify-key')
  @HttpCode(200)
  @ApiOperation({ summary: 'Akismet verify-key: `valid` when the key belongs to an active site' })
  @RouteBody({ consumes: [FORM] })
  @ApiProduces('text/plain')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { key: { type: 'string' }, api_key: { type: 'string' }, blog: { type: 'string' } },
    },
  })
  @ApiOkResponse({ description: '`valid`, or `invalid` with X-akismet-debug-help' })
  async verifyKey(
    @Body() body: FormBody,
    @Headers('host') host: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.keys.holderFor(presentedKey(body, host));
    void reply.header('content-type', TEXT);
    return 'valid';
  }

  @Post('comment-check')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Akismet comment-check: `true` when the engine would hold or reject the comment for a spam reason, ' +
      'with X-akismet-pro-tip: discard when it would reject it',
  })
  @RouteBody({ consumes: [FORM] })
  @ApiProduces('text/plain')
  @ApiBody({ schema: commentForm })
  @ApiOkResponse({ description: `\`true\` or \`false\`. ${invalidAnswer}` })
  async check(
    @Body() body: FormBody,
    @Headers('host') host: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const verdict = await this.checkComment.execute(presentedKey(body, host), parseAkismetComment(body));
    void reply.header('content-type', TEXT);
    if (verdict.discard) void reply.header('X-akismet-pro-tip', 'discard');
    if (verdict.reasons.length > 0) void reply.header('X-replyguard-reasons', verdict.reasons.join(','));
    return verdict.spam ? 'true' : 'false';
  }

  @Post('submit-spam')
  @HttpCode(200)
  @ApiOperation({ summary: 'Akismet submit-spam: the text becomes a labeled spam example for training' })
  @RouteBody({ consumes: [FORM] })
  @ApiProduces('text/plain')
  @ApiBody({ schema: commentForm })
  @ApiOkResponse({ description: `"${AKISMET_FEEDBACK_THANKS}" ${invalidAnswer}` })
  submitSpam(
    @Body() body: FormBody,
    @Headers('host') host: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.submit('spam', body, host, reply);
  }

  @Post('submit-ham')
  @HttpCode(200)
  @ApiOperation({ summary: 'Akismet submit-ham: the text becomes a labeled not-spam example for training' })
  @RouteBody({ consumes: [FORM] })
  @ApiProduces('text/plain')
  @ApiBody({ schema: commentForm })
  @ApiOkResponse({ description: `"${AKISMET_FEEDBACK_THANKS}" ${invalidAnswer}` })
  submitHam(
    @Body() body: FormBody,
    @Headers('host') host: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.submit('ham', body, host, reply);
  }

  private async submit(
    kind: 'spam' | 'ham',
    body: FormBody,
    host: string | undefined,
    reply: FastifyReply,
  ): Promise<string> {
    await this.feedback.execute(presentedKey(body, host), kind, parseAkismetComment(body));
    void reply.header('content-type', TEXT);
    return AKISMET_FEEDBACK_THANKS;
  }
}
