import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  ListDeliveriesQueryV1,
  WebhookDeliveryListV1,
  WebhookDeliveryParamV1,
  WebhookIdParamV1,
} from '@replyguard/contracts';
import { AdminTokenGuard, ApiAdminTokenLimited } from '../../auth/admin-token.guard';
import { DeliveriesAdminHandler } from './deliveries-admin.handler';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad administrator token' })
@ApiAdminTokenLimited()
@UseGuards(AdminTokenGuard)
@Controller('v1/admin/webhooks/:id/deliveries')
export class DeliveriesAdminHttpController {
  constructor(private readonly handler: DeliveriesAdminHandler) {}

  @Get()
  @ApiOperation({ summary: "A webhook's latest deliveries, newest first, with status, attempts and errors" })
  @ApiOkResponse({
    type: WebhookDeliveryListV1,
    description: 'Deliveries with status, attempts, last error and next attempt',
  })
  @ApiBadRequestResponse({ description: 'Invalid id or limit' })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  async list(
    @Param() params: WebhookIdParamV1,
    @Query() query: ListDeliveriesQueryV1,
  ): Promise<WebhookDeliveryListV1> {
    return { deliveries: await this.handler.list(params.id, query.limit ?? 50) };
  }

  @Post(':deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a delivery again now (same event and ce-id, fresh signature and retry window)',
  })
  @ApiAcceptedResponse({ description: 'Queued; the delivery is pending again' })
  @ApiBadRequestResponse({ description: 'An id is not a UUID' })
  @ApiNotFoundResponse({
    description: 'WEBHOOK_NOT_FOUND: unknown webhook; DELIVERY_NOT_FOUND: no such delivery of it',
  })
  replay(@Param() params: WebhookDeliveryParamV1): Promise<void> {
    return this.handler.replay(params.id, params.deliveryId);
  }
}
