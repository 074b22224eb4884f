import { Injectable } from '@nestjs/common';
import { AUTHOR_HISTORY_LIMIT, type AuthorHistoryV1, type QueueItemV1 } from '@replyguard/contracts';
import { preparedQuery } from '@replyguard/platform';
import type { EntityManager } from 'typeorm';
import type { StoredDecision } from '../comments/comment.entity';
import { LATEST_NOTES, reportSummaryView } from '../reports/report-view';
import { ReportsRepository, type ReportSummaryRows } from '../reports/reports.repository';

/** A stored comment as the queue reads it. The e-mail hash is read to match authors, never shown. */
export interface QueueRow {
  id: string;
  site_id: string;
  article_id: string;
  parent_id: string | null;
  author_name: string;
  author_url: string | null;
  author_email_hash: string | null;
  content: string;
  status: string;
  version: number;
  submitted_at: Date;
  decided_at: Date;
  decided_by: string;
  report_count: number;
  published: boolean;
  erased_at: Date | null;
  decision: StoredDecision;
  /** Microsecond-exact timestamp text, so the cursor loses nothing. */
  cursor_time: string;
}

/** The columns of a `QueueRow`, for `SELECT … FROM moderation.comments`. */
export const QUEUE_COLUMNS = `id, site_id, article_id, parent_id, author_name, author_url, author_email_hash,
  content, status, version, submitted_at, decided_at, decided_by, report_count, published, erased_at, decision,
  to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time`;

/**
 * The comments of a site's queue in one status (`$1` the site, `$2` the status): what
 * `GET /v1/moderation/queue` lists and `GET /v1/moderation/queue/summary` counts, so the two agree.
 * A range of comments_queue_idx (site_id, status, submitted_at, id).
 */
export const QUEUE_WHERE = 'site_id = $1 AND status = $2';

/**
 * Per listed comment: its author's other comments on the site by status, the latest
 * AUTHOR_HISTORY_LIMIT of them counted (and whether there are more), and when the author's first
 * comment was submitted. A LATERAL LIMIT per item on comments_author_idx (site, e-mail hash,
 * submitted_at), so a prolific author costs a bounded index range, and the first comment is that
 * index's first entry. The index's order, without the id as a tie-break, so nothing is sorted: of
 * two comments submitted in the same microsecond either may be the one counted at the limit. An
 * author with no other comment gets one row with a NULL status.
 */
const HISTORY_SQL = `
  SELECT p.id, s.status, s.n, s.beyond, f.first_at
    FROM unnest($2::uuid[], $3::text[]) AS p(id, hash)
    LEFT JOIN LATERAL (
      SELECT l.status, (count(*) FILTER (WHERE l.rn <= $4))::int AS n,
             (count(*) FILTER (WHERE l.rn > $4))::int AS beyond
        FROM (SELECT c.status, row_number() OVER (ORDER BY c.submitted_at DESC) AS rn
                FROM moderation.comments c
               WHERE c.site_id = $1 AND c.author_email_hash = p.hash AND c.id <> p.id
               ORDER BY c.submitted_at DESC
               LIMIT $4 + 1) AS l
       GROUP BY l.status) AS s ON true
    CROSS JOIN LATERAL (
      SELECT min(c.submitted_at) AS first_at FROM moderation.comments c
       WHERE c.site_id = $1 AND c.author_email_hash = p.hash) AS f`;

interface HistoryRow {
  id: string;
  status: string | null;
  n: number | null;
  beyond: number | null;
  first_at: Date;
}

/**
 * Turns a page of stored comments into queue items: what readers reported, read for the whole page
 * in one query (none when no item was reported), and each author's record on the site, in one more.
 */
@Injectable()
export class QueueItems {
  constructor(private readonly reports: ReportsRepository) {}

  async view(manager: EntityManager, siteId: string, page: QueueRow[]): Promise<QueueItemV1[]> {
    const reported = page.filter((r) => r.report_count > 0).map((r) => r.id);
    const [summaries, authors] = await Promise.all([
      this.reports.summaries(manager, reported, LATEST_NOTES),
      this.authorHistories(manager, siteId, page),
    ]);
    return page.map((r) => toItem(r, summaries.get(r.id), authors.get(r.id)));
  }

  /** Each listed comment's author history; none for a comment whose author was erased. */
  private async authorHistories(
    manager: EntityManager,
    siteId: string,
    page: QueueRow[],
  ): Promise<Map<string, AuthorHistoryV1>> {
    const known = page.filter((r) => r.author_email_hash !== null);
    const histories = new Map<string, AuthorHistoryV1>();
    if (known.length === 0) return histories;
    const rows = await preparedQuery<HistoryRow>(manager, HISTORY_SQL, [
      siteId,
      known.map((r) => r.id),
      known.map((r) => r.author_email_hash),
      AUTHOR_HISTORY_LIMIT,
    ]);
    for (const r of rows) {
      let h = histories.get(r.id);
      if (!h) {
        const firstCommentAt = r.first_at.toISOString();
        h = { comments: 0, approved: 0, held: 0, rejected: 0, reported: 0, capped: false, firstCommentAt };
        histories.set(r.id, h);
      }
      if (r.status === null) continue;
      const n = r.n ?? 0;
      h.comments += n;
      if (
        r.status === 'approved' ||
        r.status === 'held' ||
        r.status === 'rejected' ||
        r.status === 'reported'
      )
        h[r.status] += n;
      if ((r.beyond ?? 0) > 0) h.capped = true;
    }
    return histories;
  }
}

function toItem(
  r: QueueRow,
  reports: ReportSummaryRows | undefined,
  author: AuthorHistoryV1 | undefined,
): QueueItemV1 {
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
    published: r.published,
    ...(r.erased_at ? { erasedAt: r.erased_at.toISOString() } : {}),
    decision: r.decision,
    ...(reports ? { reports: reportSummaryView(reports) } : {}),
    ...(author ? { author } : {}),
  };
}
