import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
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
  WebhookIdParamV1,
  WebhookListV1,
  WebhookResponseV1,
} from '@replyguard/contracts';
import { AdminTokenGuard } from '../auth/admin-token.guard';
import { SubscriptionsAdminHandler } from './subscriptions-admin.handler';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad administrator token' })
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
