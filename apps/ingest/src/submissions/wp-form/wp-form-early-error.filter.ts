import { type ArgumentsHost, Catch, Injectable } from '@nestjs/common';
import { HttpErrorFilter } from '@replyguard/platform';
import type { FastifyRequest } from 'fastify';
import { WP_FORM_PATH } from './wp-comment-form.http.controller';
import { WpFormErrorFilter } from './wp-form-error.filter';

/**
 * Ingest's global filter. What Fastify refuses before Nest runs a route (a body over the route's
 * limit, a content type it does not read) reaches the global filters only, never the route's
 * `@UseFilters`: a WordPress form post gets WordPress's failure page for it too ("Your comment is
 * too long."), every other request the shared answer.
 */
@Injectable()
@Catch()
export class WpFormEarlyErrorFilter extends HttpErrorFilter {
  constructor(private readonly wpForm: WpFormErrorFilter) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
    if (request?.routeOptions?.url === `/${WP_FORM_PATH}`) {
      void this.wpForm.catch(exception, host);
      return;
    }
    super.catch(exception, host);
  }
}
