import type { SiteLanguage } from '@replyguard/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A website whose comments we moderate, with its moderation policy. */
@Entity({ schema: 'moderation', name: 'sites' })
export class SiteEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'allowed_origins', type: 'text', array: true, default: () => "'{}'" })
  allowedOrigins!: string[];

  /** Partial policy; missing values take the engine's defaults. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  policy!: Record<string, unknown>;

  @Column({ name: 'report_threshold', type: 'int', default: 3 })
  reportThreshold!: number;

  @Column({ name: 'unpublish_on_reports', type: 'boolean', default: false })
  unpublishOnReports!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Article page address with `{articleId}`, where WordPress comment forms send readers back. */
  @Column({ name: 'article_url_template', type: 'text', nullable: true })
  articleUrlTemplate!: string | null;

  /** Language of the pages readers see (comment form errors); null: English. */
  @Column({ type: 'text', nullable: true })
  language!: SiteLanguage | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
