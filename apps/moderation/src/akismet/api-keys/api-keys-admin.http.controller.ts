import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiKeyListV1, IssueApiKeyResponseV1 } from '@replyguard/contracts';
import { SiteIdParamV1 } from '../../admin/site-id.param';
import type { Actor } from '../../auth/actor';
import { AdminOnly, CurrentActor } from '../../auth/auth.decorators';
import { ApiKeyParamsV1 } from './api-key.params';
import { ApiKeysAdminHandler } from './api-keys-admin.handler';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad token' })
@ApiForbiddenResponse({ description: 'Not an administrator' })
@ApiNotFoundResponse({ description: 'Unknown site (or key)' })
@AdminOnly()
@ApiRateLimited()
@Controller('v1/admin/sites/:siteId/api-keys')
export class ApiKeysAdminHttpController {
  constructor(private readonly handler: ApiKeysAdminHandler) {}

  @Post()
  @ApiOperation({
    summary: 'Issue an Akismet-compatible API key for the site; it is shown only in this answer',
  })
  @ApiCreatedResponse({ type: IssueApiKeyResponseV1 })
  issue(@CurrentActor() actor: Actor, @Param() params: SiteIdParamV1): Promise<IssueApiKeyResponseV1> {
    return this.handler.issue(actor, params.siteId);
  }

  @Get()
  @ApiOperation({ summary: "The site's API keys, by prefix (never the keys themselves)" })
  @ApiOkResponse({ type: ApiKeyListV1 })
  list(@Param() params: SiteIdParamV1): Promise<ApiKeyListV1> {
    return this.handler.list(params.siteId);
  }

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: Akismet requests with it are answered `invalid` from now on' })
  @ApiNoContentResponse({ description: 'Revoked' })
  revoke(@Param() params: ApiKeyParamsV1): Promise<void> {
    return this.handler.revoke(params.siteId, params.keyId);
  }
}
