import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A comment as published under an article. Holds nothing private: it came from an approval event. */
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

  @Column({ name: 'author_name', type: 'text' })
  authorName!: string;

  @Column({ name: 'author_url', type: 'text', nullable: true })
  authorUrl!: string | null;

  @Column({ type: 'text' })
  content!: string;

  /** When the reader submitted it. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
