import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type CommentStatus = 'approved' | 'held' | 'rejected' | 'reported';

/** The last decision on a comment, as stored with it. */
export interface StoredDecision {
  action: 'approve' | 'hold' | 'reject';
  reasons: { code: string; message: string; evidence?: Record<string, unknown> }[];
  scores: { spam: number; toxicity: number; hate: number };
  modelVersions: Record<string, string>;
}

/**
 * A submitted comment and its moderation state. The commenter's email and IP are kept only as
 * keyed hashes: enough for trust, duplicate, flood and ban checks.
 */
@Entity({ schema: 'moderation', name: 'comments' })
export class CommentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'site_id', type: 'text' })
  siteId!: string;

  @Column({ name: 'article_id', type: 'text' })
  articleId!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** 1 for a top-level comment, parent's depth + 1 for a reply. */
  @Column({ type: 'int' })
  depth!: number;

  @Column({ name: 'author_name', type: 'text' })
  authorName!: string;

  /** Null once the author's personal data was erased. */
  @Column({ name: 'author_email_hash', type: 'text', nullable: true })
  authorEmailHash!: string | null;

  @Column({ name: 'author_url', type: 'text', nullable: true })
  authorUrl!: string | null;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'ip_hash', type: 'text', nullable: true })
  ipHash!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  referer!: string | null;

  @Column({ type: 'text' })
  status!: CommentStatus;

  @Column({ type: 'jsonb' })
  decision!: StoredDecision;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  /** `auto` or a moderator id. */
  @Column({ name: 'decided_by', type: 'text' })
  decidedBy!: string;

  /** Whether the article service has been told to show it (approved and not taken down). */
  @Column({ type: 'boolean', default: false })
  published!: boolean;

  @Column({ name: 'report_count', type: 'int', default: 0 })
  reportCount!: number;

  /** Domain of the author's email (not personal on its own): for domain bans. */
  @Column({ name: 'author_domain', type: 'text', nullable: true })
  authorDomain!: string | null;

  /** When the author's personal data was erased (name, website, hashes, client details). */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt?: Date | null;

  /** Optimistic concurrency for moderator decisions. */
  @VersionColumn({ type: 'int' })
  version!: number;
}
