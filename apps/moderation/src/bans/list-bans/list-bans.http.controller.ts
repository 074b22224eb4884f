import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { BanListQueryV1, BanPageV1 } from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { CurrentActor, ModeratorOnly } from '../../auth/auth.decorators';
import { ListBansHandler } from './list-bans.handler';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('moderation')
@ApiBearerAuth()
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation/bans')
export class ListBansHttpController {
  constructor(private readonly handler: ListBansHandler) {}

  @Get()
  @ApiOperation({ summary: "A site's bans, newest first (active ones unless include=all), cursor-paginated" })
  @ApiOkResponse({ type: BanPageV1 })
  @ApiBadRequestResponse({ description: 'A query parameter breaks its rule; the field is named' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'The site is not yours' })
  @ApiNotFoundResponse({ description: 'SITE_NOT_FOUND: no such site (an administrator asked)' })
  list(@CurrentActor() actor: Actor, @Query() query: BanListQueryV1): Promise<BanPageV1> {
    return this.handler.execute(actor, query);
  }
}
