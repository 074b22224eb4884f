import { Injectable } from '@nestjs/common';
import { preparedQuery } from '@replyguard/platform';
import type { EntityManager } from 'typeorm';

/** A reader's report as moderators may see it: what and when, never who (no reporter hash). */
export interface ReportRow {
  reason: string;
  note: string | null;
  created_at: Date;
}

export interface ListedReportRow extends ReportRow {
  id: string;
  /** Microsecond-exact `created_at`, so a cursor loses nothing. */
  cursor_time: string;
}

/** Per comment: how many reports of each reason, how many came with a note, and the newest notes. */
export interface ReportSummaryRows {
  byReason: Map<string, number>;
  withNotes: number;
  latestNotes: ReportRow[];
}

/**
 * Counts by reason (kind 'count') and each comment's newest `notes` notes (kind 'note') in one
 * round trip for a whole page of comments. The notes come from a LATERAL LIMIT per comment on
 * reports_comment_newest_idx, so a comment with thousands of reports costs a few index entries.
 */
const SUMMARY_SQL = `
  SELECT 'count' AS kind, comment_id, reason, count(*)::int AS reports,
         (count(*) FILTER (WHERE note <> ''))::int AS notes, NULL::text AS note, NULL::timestamptz AS created_at
    FROM moderation.reports
   WHERE comment_id = ANY($1::uuid[])
   GROUP BY comment_id, reason
  UNION ALL
  SELECT 'note', c.id, n.reason, NULL, NULL, n.note, n.created_at
    FROM unnest($1::uuid[]) AS c(id)
    CROSS JOIN LATERAL (
      SELECT r.reason, r.note, r.created_at FROM moderation.reports r
       WHERE r.comment_id = c.id AND r.note <> ''
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT $2) AS n`;

interface SummaryRow {
  kind: 'count' | 'note';
  comment_id: string;
  reason: string;
  reports: number | null;
  notes: number | null;
  note: string | null;
  created_at: Date | null;
}

@Injectable()
export class ReportsRepository {
  /** The origins whose pages may report the comment (its site's allowedOrigins); null: no such comment. */
  async siteOriginsOf(manager: EntityManager, commentId: string): Promise<string[] | null> {
    const [row] = await preparedQuery<{ allowed_origins: string[] }>(
      manager,
      `SELECT s.allowed_origins FROM moderation.comments c JOIN moderation.sites s ON s.id = c.site_id
        WHERE c.id = $1`,
      [commentId],
    );
    return row ? row.allowed_origins : null;
  }

  /** Report summaries of the given comments; a comment without reports has no entry. */
  async summaries(
    manager: EntityManager,
    commentIds: string[],
    notes: number,
  ): Promise<Map<string, ReportSummaryRows>> {
    const summaries = new Map<string, ReportSummaryRows>();
    if (commentIds.length === 0) return summaries;
    const rows = await preparedQuery<SummaryRow>(manager, SUMMARY_SQL, [commentIds, notes]);
    const of = (id: string): ReportSummaryRows => {
      let s = summaries.get(id);
      if (!s) summaries.set(id, (s = { byReason: new Map(), withNotes: 0, latestNotes: [] }));
      return s;
    };
    for (const r of rows) {
      const s = of(r.comment_id);
      if (r.kind === 'count') {
        s.byReason.set(r.reason, r.reports ?? 0);
        s.withNotes += r.notes ?? 0;
      } else if (r.created_at) {
        s.latestNotes.push({ reason: r.reason, note: r.note, created_at: r.created_at });
      }
    }
    // UNION ALL keeps no order across its branches: newest first again, per comment.
    for (const s of summaries.values())
      s.latestNotes.sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
    return summaries;
  }

  /**
   * A comment's reports, newest first, keyset-paginated on (created_at, id). Returns up to
   * `limit + 1` rows, so the caller knows if there is more.
   */
  async list(
    manager: EntityManager,
    q: { commentId: string; after?: { t: string; id: string }; limit: number },
  ): Promise<ListedReportRow[]> {
    const params: unknown[] = [q.commentId];
    let where = 'r.comment_id = $1';
    if (q.after) {
      params.push(q.after.t, q.after.id);
      where += ` AND (r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`;
    }
    params.push(q.limit + 1);
    // r.id, not the text column of the same name, so the order is the index's (numeric, not text).
    return manager.query<ListedReportRow[]>(
      `SELECT r.id::text AS id, r.reason, r.note, r.created_at,
              to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time
         FROM moderation.reports r WHERE ${where}
        ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
