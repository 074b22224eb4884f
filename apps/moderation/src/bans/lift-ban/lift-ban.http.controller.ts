import { Controller, Delete, Param } from '@nestjs/common';
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
import { BanV1 } from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { CurrentActor, ModeratorOnly } from '../../auth/auth.decorators';
import { LiftBanHandler } from './lift-ban.handler';
import { ParseIdPipe } from '@replyguard/platform';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('moderation')
@ApiBearerAuth()
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation/bans')
export class LiftBanHttpController {
  constructor(private readonly handler: LiftBanHandler) {}

  @Delete(':id')
  @ApiOperation({
    summary: 'Lift a ban: later submissions are no longer matched; the ban stays listed with who lifted it',
  })
  @ApiOkResponse({ type: BanV1 })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: "The ban's site is not yours" })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: id is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown ban (BAN_NOT_FOUND)' })
  lift(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: string): Promise<BanV1> {
    return this.handler.execute(actor, id);
  }
}
