import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { BanResponseV1, CreateBanRequestV1 } from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { CurrentActor, ModeratorOnly } from '../../auth/auth.decorators';
import { CreateBanHandler } from './create-ban.handler';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('moderation')
@ApiBearerAuth()
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation/bans')
export class CreateBanHttpController {
  constructor(private readonly handler: CreateBanHandler) {}

  @Post()
  @ApiOperation({
    summary: 'Ban an email, IP hash or domain on a site; later submissions that match are rejected',
  })
  @ApiCreatedResponse({ type: BanResponseV1 })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED: not exactly one of email, ipHash, domain, authorOf; match without authorOf; a past expiresAt',
  })
  @ApiNotFoundResponse({
    description:
      'SITE_NOT_FOUND: no such site (an administrator asked); COMMENT_NOT_FOUND: authorOf is not a comment of the site',
  })
  @ApiConflictResponse({
    description: "AUTHOR_ERASED: authorOf's author data was erased (on request or by retention)",
  })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'The site is not yours' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateBanRequestV1): Promise<BanResponseV1> {
    return this.handler.execute(actor, body);
  }
}
