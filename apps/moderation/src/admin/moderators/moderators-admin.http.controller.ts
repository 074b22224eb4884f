import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateModeratorRequestV1, CreateModeratorResponseV1 } from '@replyguard/contracts';
import { AdminOnly } from '../../auth/auth.decorators';
import { ModeratorsAdminHandler } from './moderators-admin.handler';

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/admin/moderators')
export class ModeratorsAdminHttpController {
  constructor(private readonly handler: ModeratorsAdminHandler) {}

  @Post()
  @ApiOperation({ summary: 'Create a moderator; the token is shown once' })
  @ApiCreatedResponse({ type: CreateModeratorResponseV1 })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: 'Not an administrator' })
  @ApiUnprocessableEntityResponse({ description: 'UNKNOWN_SITES' })
  create(@Body() body: CreateModeratorRequestV1): Promise<CreateModeratorResponseV1> {
    return this.handler.create(body);
  }
}
