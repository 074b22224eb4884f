import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QueueItemV1, QueuePageV1, QueueQueryV1 } from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { type Actor, canActOn } from '../../auth/actor';
import type { StoredDecision } from '../../comments/comment.entity';
import { LATEST_NOTES, reportSummaryView } from '../../reports/report-view';
import { ReportsRepository, type ReportSummaryRows } from '../../reports/reports.repository';

interface Row {
  id: string;
  site_id: string;
  article_id: string;
  parent_id: string | null;
  author_name: string;
  author_url: string | null;
  content: string;
  status: string;
  version: number;
  submitted_at: Date;
  decided_at: Date;
  decided_by: string;
  report_count: number;
  erased_at: Date | null;
  decision: StoredDecision;
  /** Microsecond-exact timestamp text, so the cursor loses nothing. */
  cursor_time: string;
}

interface Cursor {
  t: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof c.t === 'string' && typeof c.id === 'string' && /^[0-9a-f-]{36}$/.test(c.id))
      return { t: c.t, id: c.id };
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor must be a cursor returned by this endpoint', {
    field: 'cursor',
  });
}

/**
 * A site's queue in one status, keyset-paginated on (submitted_at, id) so that a deep page costs
 * the same as the first (the queue index covers the order; no OFFSET). Items that readers reported
 * carry a summary of the reports, read for the whole page in one more query (none when no item
 * on the page was reported), so the listing's own plan stays the queue index's.
 */
@Injectable()
export class ListQueueHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(actor: Actor, q: QueueQueryV1): Promise<QueuePageV1> {
    if (!canActOn(actor, q.siteId)) throw new DomainError('FORBIDDEN', 'you may not see this site');
    const limit = q.limit ?? 50;
    const newest = q.order === 'newest';
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    const params: unknown[] = [q.siteId, q.status];
    let where = 'site_id = $1 AND status = $2';
    if (q.articleId) {
      params.push(q.articleId);
      where += ` AND article_id = $${params.length}`;
    }
    if (cursor) {
      params.push(cursor.t, cursor.id);
      where += ` AND (submitted_at, id) ${newest ? '<' : '>'} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    const dir = newest ? 'DESC' : 'ASC';
    const rows = await this.db.query<Row[]>(
      `SELECT id, site_id, article_id, parent_id, author_name, author_url, content, status, version,
              submitted_at, decided_at, decided_by, report_count, erased_at, decision,
              to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time
         FROM moderation.comments
        WHERE ${where}
        ORDER BY submitted_at ${dir}, id ${dir}
        LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const reported = page.filter((r) => r.report_count > 0).map((r) => r.id);
    const summaries = await this.reports.summaries(this.db.manager, reported, LATEST_NOTES);
    return {
      items: page.map((r) => toItem(r, summaries.get(r.id))),
      nextCursor: rows.length > limit && last ? encodeCursor({ t: last.cursor_time, id: last.id }) : null,
    };
  }
}

function toItem(r: Row, reports: ReportSummaryRows | undefined): QueueItemV1 {
  return {
    id: r.id,
    siteId: r.site_id,
    articleId: r.article_id,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorUrl: r.author_url,
    content: r.content,
    status: r.status,
    version: r.version,
    submittedAt: r.submitted_at.toISOString(),
    decidedAt: r.decided_at.toISOString(),
    decidedBy: r.decided_by,
    reportCount: r.report_count,
    ...(r.erased_at ? { erasedAt: r.erased_at.toISOString() } : {}),
    decision: r.decision,
    ...(reports ? { reports: reportSummaryView(reports) } : {}),
  };
}
