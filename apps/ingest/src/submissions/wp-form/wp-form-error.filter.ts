import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Injectable,
  Logger,
} from '@nestjs/common';
import { ContractViolationError } from '@replyguard/contracts';
import { DomainError, type ErrorCode } from '@replyguard/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SitesRepository } from '../../sites/sites.repository';
import { articlePage, safeUrl } from './post-wp-comment.handler';
import { type FormBody, redirectToField } from './wp-comment-form';
import { pageText, problemsOf, type WpProblem } from './wp-form-messages';
import { renderFailurePage, WP_PAGE_CSP } from './wp-form-page';

const PROBLEM_OF_CODE: Partial<Record<ErrorCode, WpProblem>> = {
  SITE_NOT_FOUND: 'closed',
  ORIGIN_NOT_ALLOWED: 'origin',
  SUBMISSION_NOT_DURABLE: 'unavailable',
  VALIDATION_FAILED: 'invalid',
};

/**
 * A WordPress comment form gets HTML, never JSON: WordPress's "Comment Submission Failure" page,
 * naming each problem, in the site's language, with a link back to the form. Statuses are the JSON
 * intake's (400, 403, 404, 429, 503); a failure of ours is a 500 with a reference, and is logged.
 */
@Injectable()
@Catch()
export class WpFormErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(WpFormErrorFilter.name);

  constructor(private readonly sites: SitesRepository) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest<{ Params: { siteId?: string } }>>();
    const { status, problems } = this.classify(exception, request);
    const site = await this.siteOf(request.params?.siteId);
    const referer = request.headers.referer;
    const form = (request.body ?? {}) as FormBody;
    const articleId = form.comment_post_ID;
    // The way back is where a success would have gone: redirect_to first (on the site's origins).
    const back = site
      ? (safeUrl(site, redirectToField(form)) ??
        articlePage(
          site,
          request.params.siteId ?? '',
          typeof articleId === 'string' && articleId.length <= 200 ? articleId : null,
          typeof referer === 'string' ? referer : null,
        ))
      : null;
    const html = renderFailurePage(
      pageText(site?.language),
      problems,
      back ? `${back}#respond` : null,
      status >= 500 ? String(request.id) : undefined,
    );
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', WP_PAGE_CSP)
      .send(html);
  }

  private classify(exception: unknown, request: FastifyRequest): { status: number; problems: WpProblem[] } {
    if (exception instanceof ContractViolationError) {
      return { status: 400, problems: problemsOf(exception.violations) };
    }
    if (exception instanceof DomainError) {
      return { status: exception.httpStatus, problems: [PROBLEM_OF_CODE[exception.code] ?? 'invalid'] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const problem: WpProblem = status === 429 ? 'tooFast' : status === 413 ? 'contentTooLong' : 'invalid';
      return { status, problems: [problem] };
    }
    const client = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof client === 'number' && client >= 400 && client < 500) {
      return { status: client, problems: [client === 413 ? 'contentTooLong' : 'invalid'] };
    }
    this.logger.error(
      { err: exception, correlationId: String(request.id), route: request.routeOptions?.url },
      'unhandled error while serving a WordPress comment form',
    );
    return { status: 500, problems: ['internal'] };
  }

  private async siteOf(siteId: string | undefined) {
    try {
      return siteId ? await this.sites.find(siteId) : null;
    } catch {
      // The page is still worth showing, in English, without a way back.
      return null;
    }
  }
}
