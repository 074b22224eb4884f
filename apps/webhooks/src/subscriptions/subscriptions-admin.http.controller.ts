import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  CreateWebhookRequestV1,
  ListWebhooksQueryV1,
  RotateWebhookSecretRequestV1,
  WebhookIdParamV1,
  WebhookListV1,
  WebhookResponseV1,
} from '@replyguard/contracts';
import { AdminTokenGuard, ApiAdminTokenLimited } from '../auth/admin-token.guard';
import { SubscriptionsAdminHandler } from './subscriptions-admin.handler';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad administrator token' })
@ApiAdminTokenLimited()
@UseGuards(AdminTokenGuard)
@Controller('v1/admin/webhooks')
export class SubscriptionsAdminHttpController {
  constructor(private readonly handler: SubscriptionsAdminHandler) {}

  @Post()
  @ApiOperation({
    summary: "Subscribe a URL to a site's decision events; deliveries are signed with the secret",
  })
  @ApiCreatedResponse({
    type: WebhookResponseV1,
    description: 'The subscription, without its secret (also for an inactive site)',
  })
  @ApiBadRequestResponse({ description: 'Invalid site id, URL, event or secret' })
  @ApiNotFoundResponse({
    description:
      'SITE_NOT_FOUND (`details.field`: `siteId`): the service does not know the site. A site created moments ' +
      'ago is waited for a few seconds (WEBHOOK_SITE_WAIT_MS) first; try again if it was just created.',
  })
  create(@Body() body: CreateWebhookRequestV1): Promise<WebhookResponseV1> {
    return this.handler.create(body);
  }

  @Get()
  @ApiOperation({ summary: "A site's webhooks, oldest first" })
  @ApiOkResponse({ type: WebhookListV1, description: "The site's subscriptions, without their secrets" })
  @ApiBadRequestResponse({ description: 'Missing or invalid siteId' })
  async list(@Query() query: ListWebhooksQueryV1): Promise<WebhookListV1> {
    return { webhooks: await this.handler.list(query.siteId) };
  }

  @Put(':id/secret')
  @ApiOperation({
    summary: 'Rotate the signing secret: deliveries are signed with the new one, and the old one for a while',
    description:
      'Every delivery carries a `v1=` signature with the new secret, and until `previousSecretExpiresAt` ' +
      '(`previousSecretValidForSeconds`, a day by default) a second one with the secret it replaced, so a ' +
      'receiver that accepts any matching signature can switch keys without refusing a delivery. A second ' +
      'rotation within that time drops the oldest secret. The secret in use sent again changes nothing, ' +
      'unless with a shorter `previousSecretValidForSeconds`, which ends the old one sooner (`0`: now).',
  })
  @ApiOkResponse({ type: WebhookResponseV1, description: 'The subscription, without its secrets' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID, or the secret or validity breaks its rule' })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  rotateSecret(
    @Param() params: WebhookIdParamV1,
    @Body() body: RotateWebhookSecretRequestV1,
  ): Promise<WebhookResponseV1> {
    return this.handler.rotateSecret(params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook and its deliveries; nothing more is sent to it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  delete(@Param() params: WebhookIdParamV1): Promise<void> {
    return this.handler.delete(params.id);
  }
}
