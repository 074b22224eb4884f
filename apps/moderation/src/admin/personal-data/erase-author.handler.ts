import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type EraseAuthorRequestV1,
  type ErasureResponseV1,
  withoutAuthorEvidence,
} from '@replyguard/contracts';
import { enqueueOutbox, type OutboxRecord, OutboxRelayService } from '@replyguard/messaging';
import { hashEmail, privacyConfig } from '@replyguard/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../auth/actor';
import { authorErasedEvent, type EventMeta, removedEvent } from '../../comments/comment-events';
import type { CommentStatus, StoredDecision } from '../../comments/comment.entity';
import { MODERATION_OUTBOX } from '../../database/database.options';
import { scrubAuthorEvidenceSql, scrubTextEvidence, scrubTextEvidenceSql } from './scrub-decision';
import { requireSite } from '../../sites/require-site';

/** What an erased comment is signed with, as WordPress's personal-data eraser does. */
export const ERASED_AUTHOR_NAME = 'Anonymous';

interface AuthorComment {
  id: string;
  article_id: string;
  status: CommentStatus;
  published: boolean;
  decision: StoredDecision;
}

/**
 * Erases a commenter's personal data on one site, found by the keyed hash of their e-mail address (the
 * address itself is neither stored nor logged). Each of their comments loses its name (now
 * `Anonymous`), website, e-mail and IP hashes, e-mail domain, user agent and referrer, and the evidence
 * its decision took from those fields; the decision history gets an `erase` row. Every copy outside
 * this service is told by `comments.author-erased.v1`. With `removeComments` the comments go too: their
 * text is deleted, they leave the queues as rejected, published ones are taken down
 * (`comments.removed.v1`, reason `erased`), and their moderator labels are dropped from the feedback
 * export.
 *
 * One transaction, so a comment is erased with its events or not at all. Running it again finds
 * nothing more to erase. A comment still on its way through moderation when the erasure is made is
 * erased as it arrives: the erasure keeps the address's keyed hash for as long as a submission can wait
 * on its topic (`KAFKA_PII_RETENTION_HOURS`), and moderation stores such a comment already erased
 * (`erasedOnArrival`). One decided in the same instant as the erasure, which neither saw, is erased by
 * the retention sweep's `finishPending`.
 */
@Injectable()
export class EraseAuthorHandler {
  private readonly logger = new Logger(EraseAuthorHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
    private readonly outbox: OutboxRelayService,
  ) {}

  async execute(actor: Actor, siteId: string, request: EraseAuthorRequestV1): Promise<ErasureResponseV1> {
    const removeComments = request.removeComments ?? false;
    const emailHash = hashEmail(this.privacy.hashSecret, request.email);
    const id = uuidv7();
    const at = new Date();
    const erased = await this.dataSource.transaction(async (manager) => {
      await requireSite(manager, siteId);
      return this.erase(manager, { id, by: actor.id, siteId, emailHash, removeComments, at });
    });
    this.outbox.wake();
    // Never the address: the site, who asked, and how much was erased.
    const { commentIds, ...counts } = erased;
    this.logger.log({ erasureId: id, siteId, by: actor.id, ...counts, removeComments }, 'author erased');
    return { id, siteId, ...counts, commentIds, removeComments, erasedAt: at.toISOString() };
  }

  /**
   * Erases what an earlier erasure could not reach: comments of its address submitted before it and
   * stored after it without being erased on arrival (decided in the same instant as the erasure). They
   * join that erasure's counts. Answers how many comments it erased.
   */
  async finishPending(erasure: {
    id: string;
    requestedBy: string;
    siteId: string;
    emailHash: string;
    removeComments: boolean;
    erasedAt: Date;
  }): Promise<number> {
    const erased = await this.dataSource.transaction((manager) =>
      this.erase(manager, {
        id: erasure.id,
        by: erasure.requestedBy,
        siteId: erasure.siteId,
        emailHash: erasure.emailHash,
        removeComments: erasure.removeComments,
        at: erasure.erasedAt,
        late: true,
      }),
    );
    if (erased.comments > 0) {
      this.outbox.wake();
      const { commentIds: _ids, ...counts } = erased;
      this.logger.log({ erasureId: erasure.id, siteId: erasure.siteId, ...counts }, 'late comments erased');
    }
    return erased.comments;
  }

  /**
   * Erases the address's comments on the site, and records the erasure; `late`, only those submitted
   * before the erasure's time, added to the erasure's record.
   */
  private async erase(
    manager: EntityManager,
    e: {
      id: string;
      by: string;
      siteId: string;
      emailHash: string;
      removeComments: boolean;
      at: Date;
      late?: boolean;
    },
  ): Promise<{ comments: number; commentIds: string[]; removed: number }> {
    const rows = await manager.query<AuthorComment[]>(
      `SELECT id, article_id, status, published, decision FROM moderation.comments
        WHERE site_id = $1 AND author_email_hash = $2 AND ($3::timestamptz IS NULL OR submitted_at <= $3)
        ORDER BY submitted_at, id
        FOR UPDATE`,
      [e.siteId, e.emailHash, e.late ? e.at.toISOString() : null],
    );
    const scrub = e.removeComments ? scrubTextEvidence : withoutAuthorEvidence<StoredDecision>;
    const decisions = rows.map((r) => scrub(r.decision));
    const newStatus = (r: AuthorComment): CommentStatus => (e.removeComments ? 'rejected' : r.status);
    const removed = e.removeComments ? rows.filter((r) => r.published) : [];

    if (rows.length > 0) {
      await manager.query(
        `UPDATE moderation.comments c
            SET author_name = $3, author_url = NULL, author_email_hash = NULL, ip_hash = NULL,
                author_domain = NULL, user_agent = NULL, referer = NULL, erased_at = $4,
                decision = u.decision, status = u.status, version = c.version + 1,
                content = CASE WHEN $5 THEN '' ELSE c.content END,
                content_hash = CASE WHEN $5 THEN '' ELSE c.content_hash END,
                published = c.published AND NOT $5,
                decided_at = CASE WHEN $5 THEN $4 ELSE c.decided_at END,
                decided_by = CASE WHEN $5 THEN $6 ELSE c.decided_by END
           FROM unnest($1::uuid[], $2::jsonb[], $7::text[]) AS u(id, decision, status)
          WHERE c.id = u.id`,
        [
          rows.map((r) => r.id),
          decisions.map((d) => JSON.stringify(d)),
          ERASED_AUTHOR_NAME,
          e.at.toISOString(),
          e.removeComments,
          e.by,
          rows.map(newStatus),
        ],
      );
      // The decision history keeps its rows, without the author fields' evidence, and says what happened.
      await manager.query(
        `UPDATE moderation.comment_decisions d
            SET decision = ${(e.removeComments ? scrubTextEvidenceSql : scrubAuthorEvidenceSql)('d.decision')}
          WHERE d.comment_id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
      await manager.query(
        `INSERT INTO moderation.comment_decisions (comment_id, actor, action, previous_status, new_status, decision, reason)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[])`,
        [
          rows.map((r) => r.id),
          rows.map(() => e.by),
          rows.map(() => 'erase'),
          rows.map((r) => r.status),
          rows.map(newStatus),
          decisions.map((d) => JSON.stringify(d)),
          rows.map(() => (e.removeComments ? 'personal data and comment erased' : 'personal data erased')),
        ],
      );
      if (e.removeComments) {
        await manager.query('DELETE FROM moderation.labeled_examples WHERE comment_id = ANY($1::uuid[])', [
          rows.map((r) => r.id),
        ]);
      }
    }

    const meta = (commentId: string): EventMeta => ({
      correlationId: commentId,
      causationId: e.id,
      at: e.at,
    });
    const events: OutboxRecord[] = [];
    for (const r of rows) {
      const comment = { commentId: r.id, siteId: e.siteId, articleId: r.article_id };
      events.push(
        authorErasedEvent({ ...comment, authorName: ERASED_AUTHOR_NAME }, e.removeComments, meta(r.id)),
      );
    }
    for (const r of removed) {
      const comment = { commentId: r.id, siteId: e.siteId, articleId: r.article_id };
      events.push(removedEvent(comment, e.by, 'erased', meta(r.id)));
    }
    await enqueueOutbox(manager, MODERATION_OUTBOX, events);
    if (e.late) {
      await manager.query(
        `UPDATE moderation.erasures SET comments = comments + $2, removed = removed + $3 WHERE id = $1`,
        [e.id, rows.length, removed.length],
      );
    } else {
      // The address's keyed hash stays until the retention sweep clears it, so that comments still on
      // their way are erased as they arrive.
      await manager.query(
        `INSERT INTO moderation.erasures (id, site_id, requested_by, remove_comments, comments, removed, erased_at,
                                          author_email_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          e.id,
          e.siteId,
          e.by,
          e.removeComments,
          rows.length,
          removed.length,
          e.at.toISOString(),
          e.emailHash,
        ],
      );
    }
    return { comments: rows.length, commentIds: rows.map((r) => r.id), removed: removed.length };
  }
}
