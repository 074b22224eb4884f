import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsEmailAddress } from '../fields';
import { PageCursor, PageLimit } from './paging';

/** `POST /v1/admin/sites/{siteId}/erasures`: a commenter asked the site to erase their personal data. */
export class EraseAuthorRequestV1 {
  @ApiProperty({
    example: 'reader@example.org',
    description:
      "The commenter's e-mail address, as they gave it in the reply form (case and surrounding spaces " +
      'do not matter). Used only to compute the keyed hash the comments are stored under; never stored or logged.',
  })
  @IsEmailAddress()
  email!: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Also remove the comments themselves: published ones are taken down (`comments.removed.v1`, reason ' +
      '`erased`), and the text of every one is deleted. Without it the comments stay, signed `Anonymous`, ' +
      "as WordPress's personal-data eraser leaves them.",
  })
  @IsOptional()
  @IsBoolean()
  removeComments?: boolean;
}

export class ErasureResponseV1 {
  @ApiProperty({ format: 'uuid', description: 'The erasure record (kept, without the e-mail address)' })
  id!: string;

  @ApiProperty() siteId!: string;

  @ApiProperty({ description: 'Comments of this author on the site whose personal data was erased now' })
  comments!: number;

  @ApiProperty({
    type: [String],
    description:
      'Their ids, oldest first. Once erased, the comments can no longer be found by the address: a later ' +
      'request to remove them too is served by these ids (a moderator rejects them).',
  })
  commentIds!: string[];

  @ApiProperty({ description: 'Of those, published comments taken down (only with `removeComments`)' })
  removed!: number;

  @ApiProperty() removeComments!: boolean;

  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
}

/** `POST /v1/admin/sites/{siteId}/personal-data-exports`: a commenter asked what the site holds about them. */
export class PersonalDataExportRequestV1 {
  @ApiProperty({
    example: 'reader@example.org',
    description:
      "The commenter's e-mail address (case and surrounding spaces do not matter); in the body, not the URL, " +
      'so that no access log holds it. Only hashed; never stored or logged.',
  })
  @IsEmailAddress()
  email!: string;

  @PageCursor()
  cursor?: string;

  @PageLimit()
  limit?: number;
}

/** One comment as the site holds it, with what was recorded about its author. */
export class PersonalDataCommentV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() articleId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty() authorName!: string;
  @ApiProperty({ type: String, nullable: true }) authorUrl!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty({ enum: ['approved', 'held', 'rejected', 'reported'] }) status!: string;
  @ApiProperty({ description: 'Shown under the article now' }) published!: boolean;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: "The reader's browser, as it said" })
  userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The page the comment was sent from' })
  referer!: string | null;
}

export class PersonalDataExportV1 {
  @ApiProperty() siteId!: string;
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({
    description:
      'Also held, and not shown here: a keyed hash of the e-mail address and of the IP address (for trust, ' +
      'duplicate, flood and ban checks), and the e-mail domain.',
  })
  alsoHeld!: string;
  @ApiProperty({ type: [PersonalDataCommentV1], description: 'Oldest first' })
  comments!: PersonalDataCommentV1[];
  @ApiProperty({ type: String, nullable: true, description: 'Send it back as `cursor` for the next page' })
  nextCursor!: string | null;
}
