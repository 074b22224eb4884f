import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CommentDecisionEntity } from './comment-decision.entity';
import { CommentEntity, type CommentStatus } from './comment.entity';

export interface ParentInfo {
  siteId: string;
  articleId: string;
  status: CommentStatus;
  depth: number;
}

export interface AuthorHistory {
  trusted: boolean;
  duplicateRecent: boolean;
  recentFromEmail: number;
  recentFromIp: number;
}

/** Narrow, intention-named access to the moderation tables; no business rules here. */
@Injectable()
export class CommentsRepository {
  constructor(@InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>) {}

  async statusOf(id: string): Promise<{ status: CommentStatus; published: boolean } | null> {
    const row = await this.comments.findOne({
      where: { id },
      select: { id: true, status: true, published: true },
    });
    return row ? { status: row.status, published: row.published } : null;
  }

  async parentInfo(manager: EntityManager, id: string): Promise<ParentInfo | null> {
    const row = await manager.findOne(CommentEntity, {
      where: { id },
      select: { id: true, siteId: true, articleId: true, status: true, depth: true },
    });
    return row
      ? { siteId: row.siteId, articleId: row.articleId, status: row.status, depth: row.depth }
      : null;
  }

  /** What the author's earlier comments on this site tell: trust, duplicates, flooding. */
  async authorHistory(
    manager: EntityManager,
    q: {
      siteId: string;
      articleId: string;
      emailHash: string;
      ipHash: string | null;
      contentHash: string;
      duplicateWindowSeconds: number;
      floodWindowSeconds: number;
      at: Date;
    },
  ): Promise<AuthorHistory> {
    type Row = { trusted: boolean; duplicate: boolean; from_email: number; from_ip: number };
    const [row] = await manager.query<Row[]>(
      `SELECT
         EXISTS (SELECT 1 FROM moderation.comments
                 WHERE site_id = $1 AND author_email_hash = $2 AND status = 'approved') AS trusted,
         EXISTS (SELECT 1 FROM moderation.comments
                 WHERE site_id = $1 AND author_email_hash = $2 AND article_id = $3 AND content_hash = $4
                   AND submitted_at > $5::timestamptz - make_interval(secs => $6)) AS duplicate,
         (SELECT count(*)::int FROM moderation.comments
                 WHERE site_id = $1 AND author_email_hash = $2
                   AND submitted_at > $5::timestamptz - make_interval(secs => $7)) AS from_email,
         (SELECT count(*)::int FROM moderation.comments
                 WHERE $8::text IS NOT NULL AND site_id = $1 AND ip_hash = $8
                   AND submitted_at > $5::timestamptz - make_interval(secs => $7)) AS from_ip`,
      [
        q.siteId,
        q.emailHash,
        q.articleId,
        q.contentHash,
        q.at.toISOString(),
        q.duplicateWindowSeconds,
        q.floodWindowSeconds,
        q.ipHash,
      ],
    );
    return {
      trusted: Boolean(row?.trusted),
      duplicateRecent: Boolean(row?.duplicate),
      recentFromEmail: row?.from_email ?? 0,
      recentFromIp: row?.from_ip ?? 0,
    };
  }

  /** Inserts a new comment unless one with its id exists; returns false for a redelivery. */
  async insertIfNew(manager: EntityManager, comment: CommentEntity): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CommentEntity)
      .values(comment as QueryDeepPartialEntity<CommentEntity>)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async recordDecision(
    manager: EntityManager,
    record: Omit<CommentDecisionEntity, 'id' | 'createdAt'>,
  ): Promise<void> {
    // jsonb evidence is open-ended; TypeORM's deep-partial type cannot express `unknown` values.
    await manager.insert(CommentDecisionEntity, record as QueryDeepPartialEntity<CommentDecisionEntity>);
  }
}
