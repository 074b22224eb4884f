import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Ingest's copy of the sites that may submit comments. */
@Entity({ schema: 'ingest', name: 'sites' })
export class SiteEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Origins whose pages may post comments from a browser (CORS). */
  @Column({ name: 'allowed_origins', type: 'text', array: true, default: () => "'{}'" })
  allowedOrigins!: string[];

  /** Article page address with `{articleId}`: where a WordPress comment form sends the reader back. */
  @Column({ name: 'article_url_template', type: 'text', nullable: true })
  articleUrlTemplate!: string | null;

  /** Language of the pages ingest renders for the site's readers; null: English. */
  @Column({ type: 'text', nullable: true })
  language!: string | null;
}
