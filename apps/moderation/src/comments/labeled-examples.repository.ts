import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

export type FeedbackTask = 'spam' | 'toxicity';

export interface LabeledExample {
  commentId: string;
  siteId: string;
  task: FeedbackTask;
  label: 0 | 1;
  text: string;
  source: string;
  createdBy: string;
}

/** A label from outside (Akismet feedback): about a text, not a stored comment. */
export interface ExternalLabeledExample extends Omit<LabeledExample, 'commentId'> {
  /** Stable per text and site, e.g. `akismet-<sha256 of the text>`; a later label replaces it. */
  externalKey: string;
}

/** Moderator decisions kept as training data, in the datasets' label convention. */
@Injectable()
export class LabeledExamplesRepository {
  async upsert(manager: EntityManager, examples: LabeledExample[]): Promise<void> {
    for (const e of examples) {
      await manager.query(
        `INSERT INTO moderation.labeled_examples (comment_id, site_id, task, label, text, source, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (comment_id, task) DO UPDATE
           SET label = EXCLUDED.label, source = EXCLUDED.source, created_by = EXCLUDED.created_by, created_at = now()`,
        [e.commentId, e.siteId, e.task, e.label, e.text, e.source, e.createdBy],
      );
    }
  }

  async upsertExternal(manager: EntityManager, examples: ExternalLabeledExample[]): Promise<void> {
    for (const e of examples) {
      await manager.query(
        `INSERT INTO moderation.labeled_examples (external_key, site_id, task, label, text, source, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (site_id, external_key, task) WHERE external_key IS NOT NULL DO UPDATE
           SET label = EXCLUDED.label, source = EXCLUDED.source, created_by = EXCLUDED.created_by, created_at = now()`,
        [e.externalKey, e.siteId, e.task, e.label, e.text, e.source, e.createdBy],
      );
    }
  }

  /** `comment_id` is the comment's id, or the external key of an example from outside. */
  async list(db: DataSource, task: FeedbackTask, siteId?: string) {
    return db.query<{ comment_id: string; site_id: string; text: string; label: number; source: string }[]>(
      `SELECT COALESCE(comment_id::text, external_key) AS comment_id, site_id, text, label, source
         FROM moderation.labeled_examples
        WHERE task = $1 AND ($2::text IS NULL OR site_id = $2) ORDER BY id`,
      [task, siteId ?? null],
    );
  }
}
