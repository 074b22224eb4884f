import { DomainError } from '@replyguard/platform';
import type { EntityManager } from 'typeorm';
import { SiteEntity } from './site.entity';

/** SITE_NOT_FOUND unless the site exists: the admin routes that name a site check it this one way. */
export async function requireSite(manager: EntityManager, siteId: string): Promise<void> {
  if (!(await manager.exists(SiteEntity, { where: { id: siteId } }))) {
    throw new DomainError('SITE_NOT_FOUND', `site "${siteId}" does not exist`);
  }
}
