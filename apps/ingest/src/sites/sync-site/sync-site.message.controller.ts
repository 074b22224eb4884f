import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext, Payload } from '@nestjs/microservices';
import { SiteConfiguredV1, SiteConfiguredV2, Topics } from '@replyguard/contracts';
import { EventHandlerRunner } from '@replyguard/messaging';
import { SitesRepository } from '../sites.repository';

/** Keeps ingest's copy of a site current; the latest configuration wins (an upsert). */
@Controller()
export class SyncSiteMessageController {
  constructor(
    private readonly runner: EventHandlerRunner,
    private readonly sites: SitesRepository,
  ) {}

  @EventPattern(Topics.SiteConfiguredV1)
  onConfigured(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.runner.run(context, payload, SiteConfiguredV1, ({ data }) =>
      this.sites.upsert({
        id: data.siteId,
        name: data.name,
        active: data.active,
        allowedOrigins: data.allowedOrigins,
      }),
    );
  }

  /** v2 adds the WordPress form settings; a site's v1 and v2 records carry the same v1 fields. */
  @EventPattern(Topics.SiteConfiguredV2)
  onConfiguredV2(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.runner.run(context, payload, SiteConfiguredV2, ({ data }) =>
      this.sites.upsert({
        id: data.siteId,
        name: data.name,
        active: data.active,
        allowedOrigins: data.allowedOrigins,
        articleUrlTemplate: data.articleUrlTemplate,
        language: data.language,
      }),
    );
  }
}
