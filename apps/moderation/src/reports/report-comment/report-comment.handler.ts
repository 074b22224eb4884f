import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportRequestV1, ReportResponseV1 } from '@replyguard/contracts';
import { enqueueOutbox, OutboxRelayService } from '@replyguard/messaging';
import { clientNetwork, DomainError, hashPii, privacyConfig } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { removedEvent } from '../../comments/comment-events';
import { CommentEntity } from '../../comments/comment.entity';
import { CommentsRepository } from '../../comments/comments.repository';
import { MODERATION_OUTBOX } from '../../database/database.options';
import { SiteEntity } from '../../sites/site.entity';
import { mayReportFrom } from './report-cors';

/** Who reports: their address (one report per reader counts) and the Origin of the page, if a browser said. */
export interface ReportingReader {
  ip: string;
  origin?: string;
}

/**
 * A reader reports a published comment. One report per reader (by IP hash) counts; at the site's
 * threshold the comment enters the reported queue, and is unpublished if the site says so. From a
 * browser, the page must be on one of the site's allowedOrigins: a page of another site could
 * otherwise have each of its visitors report a comment, every one a distinct reader.
 */
@Injectable()
export class ReportCommentHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly comments: CommentsRepository,
    private readonly outbox: OutboxRelayService,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
  ) {}

  async execute(id: string, report: ReportRequestV1, reader: ReportingReader): Promise<ReportResponseV1> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(CommentEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new DomainError('COMMENT_NOT_FOUND', `comment ${id} does not exist`);
      const site = await manager.findOneOrFail(SiteEntity, { where: { id: row.siteId } });
      if (!mayReportFrom(reader.origin, site.allowedOrigins)) {
        const message = "this page's origin may not report this site's comments";
        throw new DomainError('ORIGIN_NOT_ALLOWED', message, { origin: reader.origin });
      }
      if (!row.published) throw new DomainError('NOT_REPORTABLE', 'only published comments can be reported');
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO moderation.reports (comment_id, reporter_hash, reason, note) VALUES ($1, $2, $3, $4)
         ON CONFLICT (comment_id, reporter_hash) DO NOTHING RETURNING 1`,
        // One reader per address, an IPv6 one per /64: its host could otherwise report from 2^64 addresses.
        [id, hashPii(this.privacy.hashSecret, clientNetwork(reader.ip)), report.reason, report.note ?? null],
      );
      if (inserted.length === 0) return false;
      const reportCount = row.reportCount + 1;
      if (reportCount < site.reportThreshold || row.status !== 'approved') {
        // Only the count: not a decision, so not a new version (TypeORM's update would bump it, and a
        // moderator about to decide would get VERSION_CONFLICT for a report).
        await manager.query('UPDATE moderation.comments SET report_count = $2 WHERE id = $1', [
          id,
          reportCount,
        ]);
        return false;
      }
      const at = new Date();
      const unpublish = site.unpublishOnReports;
      await manager.update(
        CommentEntity,
        { id, version: row.version },
        { reportCount, status: 'reported', version: row.version + 1, published: !unpublish },
      );
      await this.comments.recordDecision(manager, {
        commentId: id,
        actor: 'readers',
        action: 'report',
        previousStatus: row.status,
        newStatus: 'reported',
        decision: {
          ...row.decision,
          reasons: [
            {
              code: 'READER_REPORTS',
              message: `${reportCount} reader reports`,
              evidence: { reports: reportCount },
            },
          ],
        },
        reason: report.reason,
        note: null,
      });
      if (!unpublish) return false;
      await enqueueOutbox(manager, MODERATION_OUTBOX, [
        removedEvent(
          { commentId: row.id, siteId: row.siteId, articleId: row.articleId },
          'readers',
          'reported',
          { correlationId: row.id, at },
        ),
      ]);
      return true;
    });
    if (removed) this.outbox.wake();
    return { accepted: true };
  }
}
