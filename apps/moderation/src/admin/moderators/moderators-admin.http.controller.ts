import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  CreateModeratorRequestV1,
  CreateModeratorResponseV1,
  ModeratorListQueryV1,
  ModeratorPageV1,
  ModeratorV1,
} from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { AdminOnly, CurrentActor } from '../../auth/auth.decorators';
import { ModeratorIdParamV1 } from './moderator-id.param';
import { ModeratorsAdminHandler } from './moderators-admin.handler';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
@ApiRateLimited()
@Controller('v1/admin/moderators')
export class ModeratorsAdminHttpController {
  constructor(private readonly handler: ModeratorsAdminHandler) {}

  @Post()
  @ApiOperation({ summary: 'Create a moderator; the token is shown once' })
  @ApiCreatedResponse({ type: CreateModeratorResponseV1 })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a field breaks its rule' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'Not an administrator' })
  @ApiUnprocessableEntityResponse({ description: 'UNKNOWN_SITES' })
  create(@Body() body: CreateModeratorRequestV1): Promise<CreateModeratorResponseV1> {
    return this.handler.create(body);
  }

  @Get()
  @ApiOperation({
    summary:
      'Moderators, newest first (not revoked unless include=all), cursor-paginated; never their tokens',
  })
  @ApiOkResponse({ type: ModeratorPageV1 })
  @ApiBadRequestResponse({ description: 'A query parameter breaks its rule; the field is named' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'Not an administrator' })
  @ApiNotFoundResponse({ description: 'Unknown siteId (SITE_NOT_FOUND)' })
  list(@Query() query: ModeratorListQueryV1): Promise<ModeratorPageV1> {
    return this.handler.list(query);
  }

  @Delete(':id')
  @ApiOperation({
    summary:
      'Revoke a moderator: their token is refused (401) from the next request on; they stay listed with who revoked them',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The id `POST /v1/admin/moderators` answered' })
  @ApiOkResponse({
    type: ModeratorV1,
    description: 'Revoked, now or before (revoking again answers the same)',
  })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'Not an administrator' })
  @ApiNotFoundResponse({ description: 'Unknown moderator (MODERATOR_NOT_FOUND)' })
  revoke(@CurrentActor() actor: Actor, @Param() params: ModeratorIdParamV1): Promise<ModeratorV1> {
    return this.handler.revoke(actor, params.id);
  }
}
