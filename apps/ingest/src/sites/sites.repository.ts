import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SiteEntity } from './site.entity';

const CACHE_TTL_MS = 5000;

/** Looks up sites; a short cache keeps the database off the hot path of every submission. */
@Injectable()
export class SitesRepository {
  private readonly cache = new Map<string, { exists: boolean; until: number }>();

  constructor(@InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>) {}

  async isActive(siteId: string): Promise<boolean> {
    const now = Date.now();
    const hit = this.cache.get(siteId);
    if (hit && hit.until > now) return hit.exists;
    const exists = await this.sites.exists({ where: { id: siteId, active: true } });
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(siteId, { exists, until: now + CACHE_TTL_MS });
    return exists;
  }
}
