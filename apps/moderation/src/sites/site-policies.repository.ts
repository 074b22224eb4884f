import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { resolveSitePolicy, type SitePolicy } from '@replyguard/moderation-engine';
import type { Repository } from 'typeorm';
import { moderationConfig } from '../config/moderation.config';
import { SiteEntity } from './site.entity';

/**
 * Site policies, read from the database and kept in memory for a short time, so that a change
 * takes effect within `POLICY_CACHE_MS` without a restart.
 */
@Injectable()
export class SitePoliciesRepository {
  private readonly cache = new Map<string, { policy: SitePolicy | null; until: number }>();

  constructor(
    @InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>,
    @Inject(moderationConfig.KEY) private readonly config: ConfigType<typeof moderationConfig>,
  ) {}

  /** The site's resolved policy, or null when the site is unknown. */
  async policyOf(siteId: string): Promise<SitePolicy | null> {
    const now = Date.now();
    const hit = this.cache.get(siteId);
    if (hit && hit.until > now) return hit.policy;
    const site = await this.sites.findOne({ where: { id: siteId }, select: { id: true, policy: true } });
    const policy = site ? resolveSitePolicy(site.policy) : null;
    this.cache.set(siteId, { policy, until: now + this.config.policyCacheMs });
    return policy;
  }
}
