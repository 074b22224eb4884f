import { Controller, Get, Param, Query } from '@nestjs/common';
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
import { AuthorCommentsPageV1, AuthorCommentsQueryV1 } from '@replyguard/contracts';
import { ParseIdPipe } from '@replyguard/platform';
import type { Actor } from '../../auth/actor';
import { CurrentActor, ModeratorOnly } from '../../auth/auth.decorators';
import { AuthorCommentsHandler } from './author-comments.handler';
import { ApiRateLimited } from '../../rate-limited.decorator';

@ApiTags('moderation')
@ApiBearerAuth()
@ModeratorOnly()
@ApiRateLimited()
@Controller('v1/moderation/comments')
export class AuthorCommentsHttpController {
  constructor(private readonly handler: AuthorCommentsHandler) {}

  @Get(':id/author-comments')
  @ApiOperation({
    summary:
      "The comment's author's other comments on its site, newest first, as the queue shows them (matched by e-mail, which is never shown), cursor-paginated",
  })
  @ApiOkResponse({ type: AuthorCommentsPageV1 })
  @ApiBadRequestResponse({ description: 'A query parameter breaks its rule; the field is named' })
  @ApiUnauthorizedResponse({ description: 'No or bad token' })
  @ApiForbiddenResponse({ description: "FORBIDDEN: the comment's site is not yours" })
  @ApiNotFoundResponse({ description: 'COMMENT_NOT_FOUND: unknown comment' })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: string,
    @Query() query: AuthorCommentsQueryV1,
  ): Promise<AuthorCommentsPageV1> {
    return this.handler.execute(actor, id, query);
  }
}
