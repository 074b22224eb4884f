import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { EraseAuthorRequestV1, ErasureResponseV1 } from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { AdminOnly, CurrentActor } from '../../auth/auth.decorators';
import { SiteIdParamV1 } from '../site-id.param';
import { EraseAuthorHandler } from './erase-author.handler';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad token' })
@ApiForbiddenResponse({ description: 'Not an administrator' })
@AdminOnly()
@Controller('v1/admin/sites/:siteId/erasures')
export class EraseAuthorHttpController {
  constructor(private readonly handler: EraseAuthorHandler) {}

  @Post()
  @ApiOperation({
    summary: "Erase a commenter's personal data on the site (a data-protection request)",
    description:
      'Every comment the address wrote on the site loses its name (now `Anonymous`), website, e-mail and IP ' +
      'hashes, user agent and referrer; the article thread and webhook subscribers follow through ' +
      '`comments.author-erased.v1`. With `removeComments` the comments are deleted as well. The address ' +
      'is not stored; the erasure is recorded with its counts. Repeating it erases nothing more.',
  })
  @ApiCreatedResponse({ type: ErasureResponseV1 })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: email missing or not an address' })
  @ApiNotFoundResponse({ description: 'SITE_NOT_FOUND' })
  erase(
    @CurrentActor() actor: Actor,
    @Param() params: SiteIdParamV1,
    @Body() body: EraseAuthorRequestV1,
  ): Promise<ErasureResponseV1> {
    return this.handler.execute(actor, params.siteId, body);
  }
}
