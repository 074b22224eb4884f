import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CommentStatus, StoredDecision } from './comment.entity';

/** Audit record of one decision on a comment, automatic or human. */
@Entity({ schema: 'moderation', name: 'comment_decisions' })
export class CommentDecisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'comment_id', type: 'uuid' })
  commentId!: string;

  /** `auto` or a moderator id. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'previous_status', type: 'text', nullable: true })
  previousStatus!: CommentStatus | null;

  @Column({ name: 'new_status', type: 'text' })
  newStatus!: CommentStatus;

  @Column({ type: 'jsonb' })
  decision!: StoredDecision;

  /** The moderator's reason code, if any. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
