import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  CreateSiteRequestV1,
  SiteListQueryV1,
  SitePageV1,
  SiteResponseV1,
  UpdateSiteRequestV1,
} from '@replyguard/contracts';
import { AdminOnly } from '../../auth/auth.decorators';
import { SiteIdParamV1 } from '../site-id.param';
import { SitesAdminHandler } from './sites-admin.handler';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad token' })
@ApiForbiddenResponse({ description: 'Not an administrator' })
@AdminOnly()
@ApiRateLimited()
@Controller('v1/admin/sites')
export class SitesAdminHttpController {
  constructor(private readonly handler: SitesAdminHandler) {}

  @Post()
  @ApiOperation({ summary: 'Create a site with its allowed origins and moderation policy' })
  @ApiCreatedResponse({ type: SiteResponseV1 })
  @ApiBadRequestResponse({ description: 'Invalid field or policy' })
  @ApiConflictResponse({ description: 'SITE_EXISTS' })
  create(@Body() body: CreateSiteRequestV1): Promise<SiteResponseV1> {
    return this.handler.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Every site by id, each as GET /v1/admin/sites/{id} shows it, cursor-paginated' })
  @ApiOkResponse({ type: SitePageV1 })
  @ApiBadRequestResponse({ description: 'A query parameter breaks its rule; the field is named' })
  list(@Query() query: SiteListQueryV1): Promise<SitePageV1> {
    return this.handler.list(query);
  }

  @Get(':siteId')
  @ApiOperation({ summary: 'A site and its effective policy' })
  @ApiOkResponse({ type: SiteResponseV1 })
  @ApiNotFoundResponse({ description: 'Unknown site' })
  get(@Param() params: SiteIdParamV1): Promise<SiteResponseV1> {
    return this.handler.get(params.siteId);
  }

  @Patch(':siteId')
  @ApiOperation({ summary: 'Change a site; takes effect without a restart' })
  @ApiOkResponse({ type: SiteResponseV1 })
  @ApiBadRequestResponse({ description: 'Invalid field or policy' })
  @ApiNotFoundResponse({ description: 'Unknown site' })
  update(@Param() params: SiteIdParamV1, @Body() body: UpdateSiteRequestV1): Promise<SiteResponseV1> {
    return this.handler.update(params.siteId, body);
  }
}
