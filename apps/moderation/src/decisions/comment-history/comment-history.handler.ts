import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HistoryResponseV1 } from '@replyguard/contracts';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import type { StoredDecision } from '../../comments/comment.entity';
import { requireVisibleComment } from '../../comments/require-comment';

interface Row {
  created_at: Date;
  actor: string;
  actor_name: string | null;
  action: string;
  previous_status: string | null;
  new_status: string;
  reason: string | null;
  note: string | null;
  decision: StoredDecision;
}

/** Every decision on a comment, automatic or human, oldest first. */
@Injectable()
export class CommentHistoryHandler {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(actor: Actor, id: string): Promise<HistoryResponseV1> {
    await requireVisibleComment(this.db, actor, id);
    const rows = await this.db.query<Row[]>(
      `SELECT d.created_at, d.actor, m.name AS actor_name, d.action, d.previous_status, d.new_status, d.reason,
              d.note, d.decision
         FROM moderation.comment_decisions d
         LEFT JOIN moderation.moderators m ON m.id::text = d.actor
        WHERE d.comment_id = $1 ORDER BY d.id`,
      [id],
    );
    return {
      id,
      entries: rows.map((r) => ({
        at: r.created_at.toISOString(),
        actor: r.actor,
        actorName: r.actor_name,
        action: r.action,
        previousStatus: r.previous_status,
        newStatus: r.new_status,
        reason: r.reason,
        note: r.note,
        reasons: r.decision.reasons,
      })),
    };
  }
}
