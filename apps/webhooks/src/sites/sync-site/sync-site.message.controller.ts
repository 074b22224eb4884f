import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext, Payload } from '@nestjs/microservices';
import { SiteConfiguredV1, SiteConfiguredV2, Topics } from '@replyguard/contracts';
import { EventHandlerRunner } from '@replyguard/messaging';
import { SitesRepository } from '../sites.repository';

/**
 * Keeps the webhooks service's copy of the sites, so subscriptions can be refused for unknown ones.
 * Both versions are read: sites last changed before v2 existed have only a v1 record.
 */
@Controller()
export class SyncSiteMessageController {
  constructor(
    private readonly runner: EventHandlerRunner,
    private readonly sites: SitesRepository,
  ) {}

  @EventPattern(Topics.SiteConfiguredV1)
  onConfigured(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.runner.run(context, payload, SiteConfiguredV1, ({ data, time }) =>
      this.sites.upsert({ id: data.siteId, name: data.name, active: data.active, configuredAt: time }),
    );
  }

  @EventPattern(Topics.SiteConfiguredV2)
  onConfiguredV2(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.runner.run(context, payload, SiteConfiguredV2, ({ data, time }) =>
      this.sites.upsert({ id: data.siteId, name: data.name, active: data.active, configuredAt: time }),
    );
  }
}
