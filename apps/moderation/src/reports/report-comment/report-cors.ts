import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReportsRepository } from '../reports.repository';

/**
 * May a page of `origin` report a comment of a site with these origins? A browser always says which
 * page a report comes from; a server says nothing and may (as it may post comments to ingest).
 */
export function mayReportFrom(origin: string | undefined, allowedOrigins: readonly string[]): boolean {
  return origin === undefined || allowedOrigins.includes(origin);
}

/** The CORS answer for one request, in @fastify/cors's terms. */
export interface ReportCorsOptions {
  origin: string | false;
  methods?: string[];
  allowedHeaders?: string[];
  maxAge?: number;
}

/** `/v1/comments/{id}`, the public status of a comment, by URL. */
const STATUS_URL =
  /^\/v1\/comments\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/?(?:\?|$)/i;

/** `/v1/comments/{id}/reports`, by URL: a preflight goes to Fastify's OPTIONS catch-all, not the route. */
const REPORTS_URL =
  /^\/v1\/comments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/reports(?:\?|$)/i;

/**
 * CORS on the moderation service is for readers' pages only:
 * - reader reports: a page on one of the comment's site's allowedOrigins may POST a report as JSON (a
 *   request the browser preflights) and read the answer. Another origin gets no CORS headers, so a
 *   browser neither sends such a report for it nor lets it read an answer. The report handler checks
 *   the origin again (`mayReportFrom`);
 * - a comment's status (`GET /v1/comments/{id}`), which the submitter's page polls after posting: any
 *   origin may read it (`*`, never with credentials), as it says only pending, approved, held or
 *   rejected, to whoever holds the id ingest answered.
 * Every other route (the moderator API, the console, metrics) gets no CORS headers.
 */
@Injectable()
export class ReportCors {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsRepository,
  ) {}

  /** The options delegate of `app.enableCors`; most requests (no Origin, or not a report) are answered at once. */
  readonly delegate = (
    req: { url: string; headers: { origin?: string } },
    answer: (error: Error | null, options?: ReportCorsOptions) => void,
  ): void => {
    const origin = req.headers.origin;
    if (origin && STATUS_URL.test(req.url)) return answer(null, { origin: '*', methods: ['GET', 'HEAD'] });
    const commentId = origin ? REPORTS_URL.exec(req.url)?.[1] : undefined;
    if (!origin || !commentId) return answer(null, { origin: false });
    this.reports.siteOriginsOf(this.db.manager, commentId).then(
      (origins) =>
        answer(null, {
          origin: origins !== null && mayReportFrom(origin, origins) ? origin : false,
          methods: ['POST'],
          allowedHeaders: ['content-type'],
          maxAge: 600,
        }),
      (error: unknown) => answer(error instanceof Error ? error : new Error(String(error))),
    );
  };
}
