import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { MeResponseV1 } from '@replyguard/contracts';
import type { Actor } from '../auth/actor';
import { CurrentActor, ModeratorOnly } from '../auth/auth.decorators';
import { MeHandler } from './me.handler';
import { ApiRateLimited } from '../rate-limited.decorator';

@ApiTags('moderation')
@ApiBearerAuth()
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation/me')
export class MeHttpController {
  constructor(private readonly handler: MeHandler) {}

  @Get()
  @ApiOperation({ summary: 'Who the token belongs to, and the sites it may act on' })
  @ApiOkResponse({ type: MeResponseV1 })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  me(@CurrentActor() actor: Actor): Promise<MeResponseV1> {
    return this.handler.execute(actor);
  }
}
