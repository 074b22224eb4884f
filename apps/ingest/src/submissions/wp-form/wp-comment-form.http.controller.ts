import { Body, Controller, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { SUBMISSION_BODY_LIMIT_BYTES } from '@replyguard/contracts';
import { RateLimitGuard, RouteBody, setRequestCorrelationId } from '@replyguard/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PostWpCommentHandler } from './post-wp-comment.handler';
import type { FormBody } from './wp-comment-form';
import { WpFormErrorFilter } from './wp-form-error.filter';
import { pageText } from './wp-form-messages';
import { renderAwaitingPage, WP_PAGE_CSP } from './wp-form-page';

function header(req: FastifyRequest, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

/** The route of a site's WordPress form posts (WordPress's `wp-comments-post.php`). */
export const WP_FORM_PATH = 'v1/sites/:siteId/wp-comments-post';

const wpFields = ['comment', 'author', 'email', 'url', 'comment_post_ID', 'comment_parent'];

/**
 * WordPress's `wp-comments-post.php` for a site: its comment form, unchanged but for the action,
 * posts here without JavaScript.
 */
@ApiTags('comments')
@UseFilters(WpFormErrorFilter)
@Controller(WP_FORM_PATH)
export class WpCommentFormHttpController {
  constructor(private readonly handler: PostWpCommentHandler) {}

  @Post()
  @UseGuards(RateLimitGuard)
  @ApiOperation({
    summary: "A WordPress comment form's post (wp-comments-post.php); answers as WordPress does",
    description:
      'Fields as WordPress names them; comment_post_ID is the article id, comment_parent 0 or a Replyguard comment id. ' +
      'Validated like POST /v1/comments. Errors are HTML pages in the site language.',
  })
  // Browsers percent-encode every byte of non-ASCII text: 9 bytes a CJK character, 12 an emoji.
  @RouteBody({ consumes: ['application/x-www-form-urlencoded'], limitBytes: SUBMISSION_BODY_LIMIT_BYTES })
  @ApiProduces('text/html')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['comment', 'author', 'email', 'comment_post_ID'],
      properties: Object.fromEntries(
        [...wpFields, 'wp-comment-cookies-consent', 'redirect_to'].map((f) => [f, { type: 'string' }]),
      ),
    },
  })
  @ApiResponse({
    status: 303,
    description: 'Back to the article: ?unapproved=<id>&moderation-hash=<hash>#comment-<id>',
  })
  @ApiResponse({ status: 202, description: 'HTML: awaiting moderation (the site has no article address)' })
  @ApiBadRequestResponse({ description: 'HTML page naming each problem' })
  @ApiNotFoundResponse({ description: 'HTML: unknown or inactive site' })
  @ApiForbiddenResponse({ description: "HTML: the page's origin is not one of the site's" })
  @ApiPayloadTooLargeResponse({
    description: `HTML: a form over ${SUBMISSION_BODY_LIMIT_BYTES} bytes ("Your comment is too long.")`,
  })
  @ApiUnsupportedMediaTypeResponse({
    description:
      'HTML: a body that is not a form (multipart/form-data, JSON); "Please check the form and try again."',
  })
  @ApiTooManyRequestsResponse({ description: 'HTML: rate limit per client IP or per site' })
  @ApiServiceUnavailableResponse({ description: 'HTML: could not be made durable; nothing was saved' })
  async post(
    @Param('siteId') siteId: string,
    @Body() form: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const result = await this.handler.execute({
      siteId,
      form: form ?? {},
      client: {
        ip: req.ip ?? null,
        userAgent: header(req, 'user-agent'),
        referer: header(req, 'referer'),
        origin: header(req, 'origin'),
      },
      requestId: String(req.id),
    });
    // As for the JSON intake: the comment id follows it everywhere, the request log line included.
    setRequestCorrelationId(req, result.commentId);
    void reply.header('cache-control', 'no-store');
    if (result.location) {
      void reply.status(303).header('location', result.location).send();
      return;
    }
    void reply
      .status(202)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', WP_PAGE_CSP)
      .send(renderAwaitingPage(pageText(result.language), null));
  }
}
