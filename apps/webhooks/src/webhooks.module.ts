import { Module } from '@nestjs/common';
import { MessagingModule } from '@replyguard/messaging';
import { ServiceCoreModule } from '@replyguard/platform';
import { AdminTokenGuard } from './auth/admin-token.guard';
import { webhooksConfig, webhooksConfigAreas, type WebhooksConfig } from './config/webhooks.config';
import { webhooksDataSourceOptions } from './database/database.options';
import { DeliveriesAdminHandler } from './deliveries/admin/deliveries-admin.handler';
import { DeliveriesAdminHttpController } from './deliveries/admin/deliveries-admin.http.controller';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { WebhookDispatcher } from './deliveries/dispatch/webhook-dispatcher';
import { WebhookSender } from './deliveries/dispatch/webhook-sender';
import { FanOutHandler } from './deliveries/fan-out/fan-out.handler';
import { FanOutMessageController } from './deliveries/fan-out/fan-out.message.controller';
import { CLOCK, systemClock } from './shared/clock';
import { SecretBox } from './shared/secret-box';
import { SitesRepository } from './sites/sites.repository';
import { SyncSiteMessageController } from './sites/sync-site/sync-site.message.controller';
import { SubscriptionsAdminHandler } from './subscriptions/subscriptions-admin.handler';
import { SubscriptionsAdminHttpController } from './subscriptions/subscriptions-admin.http.controller';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository';

@Module({
  imports: [
    ServiceCoreModule.forService({
      service: 'webhooks',
      config: webhooksConfigAreas,
      dataSource: webhooksDataSourceOptions,
    }),
    MessagingModule,
  ],
  controllers: [
    SubscriptionsAdminHttpController,
    DeliveriesAdminHttpController,
    FanOutMessageController,
    SyncSiteMessageController,
  ],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    {
      provide: SecretBox,
      inject: [webhooksConfig.KEY],
      useFactory: (config: WebhooksConfig) => new SecretBox(config.secretsKey),
    },
    AdminTokenGuard,
    SubscriptionsRepository,
    SitesRepository,
    DeliveriesRepository,
    SubscriptionsAdminHandler,
    DeliveriesAdminHandler,
    FanOutHandler,
    WebhookSender,
    WebhookDispatcher,
  ],
})
export class WebhooksModule {}
