import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportListQueryV1, ReportPageV1 } from '@replyguard/contracts';
import { type CursorScope, isCursorTime, keysetPage, notOurCursor, readCursor } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { reportView } from '../report-view';
import { ReportsRepository } from '../reports.repository';
import { requireVisibleComment } from '../../comments/require-comment';

/** A report's cursor: its time and its (bigserial) id, as the queue's cursor but with a numeric id. */
export function decodeReportCursor(raw: string, scope?: CursorScope): { t: string; id: string } {
  const c = readCursor(raw, scope);
  if (isCursorTime(c.t) && typeof c.id === 'string' && /^[0-9]{1,18}$/.test(c.id))
    return { t: c.t, id: c.id };
  throw notOurCursor();
}

/**
 * Every reader's report of a comment, newest first: reason, note and time, never who made it. For
 * when there are more than the queue item's summary shows.
 */
@Injectable()
export class ListReportsHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(actor: Actor, id: string, q: ReportListQueryV1): Promise<ReportPageV1> {
    await requireVisibleComment(this.db, actor, id);
    const limit = q.limit ?? 50;
    const scope = ['reports', id];
    const rows = await this.reports.list(this.db.manager, {
      commentId: id,
      after: q.cursor ? decodeReportCursor(q.cursor, scope) : undefined,
      limit,
    });
    const { page, nextCursor } = keysetPage(rows, limit, scope);
    return {
      id,
      items: page.map(reportView),
      nextCursor,
    };
  }
}
