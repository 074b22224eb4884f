import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  EraseAuthorRequestV1,
  ErasureResponseV1,
  PersonalDataExportRequestV1,
  PersonalDataExportV1,
} from '@replyguard/contracts';
import type { Actor } from '../../auth/actor';
import { AdminOnly, CurrentActor } from '../../auth/auth.decorators';
import { SiteIdParamV1 } from '../site-id.param';
import { EraseAuthorHandler } from './erase-author.handler';
import { ExportPersonalDataHandler } from './export-personal-data.handler';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or bad token' })
@ApiForbiddenResponse({ description: 'Not an administrator' })
@AdminOnly()
@ApiRateLimited()
@Controller('v1/admin/sites/:siteId')
export class PersonalDataHttpController {
  constructor(
    private readonly handler: EraseAuthorHandler,
    private readonly exporter: ExportPersonalDataHandler,
  ) {}

  @Post('erasures')
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

  @Post('personal-data-exports')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What the site holds about a commenter (a data-protection access request)',
    description:
      'Every comment the address wrote on the site, oldest first, with its name, website, text, state, times, ' +
      'user agent and referrer, a page at a time (`cursor`, `limit`). The address goes in the body so that no ' +
      'access log holds it; it is only hashed. Erased comments are not found.',
  })
  @ApiOkResponse({ type: PersonalDataExportV1 })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: email missing or not an address, bad cursor or limit',
  })
  @ApiNotFoundResponse({ description: 'SITE_NOT_FOUND' })
  export(
    @CurrentActor() actor: Actor,
    @Param() params: SiteIdParamV1,
    @Body() body: PersonalDataExportRequestV1,
  ): Promise<PersonalDataExportV1> {
    return this.exporter.execute(actor, params.siteId, body);
  }
}
