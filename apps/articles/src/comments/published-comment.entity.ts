import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A comment as published under an article. Holds nothing private: it came from an approval event. A
 * taken-down comment stays as a placeholder (`removedAt` set; no author, no text), and a removal read
 * before its approval leaves one without a time either.
 */
@Entity({ schema: 'articles', name: 'comments' })
export class PublishedCommentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'site_id', type: 'text' })
  siteId!: string;

  @Column({ name: 'article_id', type: 'text' })
  articleId!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ name: 'author_name', type: 'text', nullable: true })
  authorName!: string | null;

  @Column({ name: 'author_url', type: 'text', nullable: true })
  authorUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  content!: string | null;

  /** When the reader submitted it. */
  @Column({ name: 'created_at', type: 'timestamptz', nullable: true })
  createdAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;
}
