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
}
