import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsEmailAddress } from '../fields';

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

  @ApiProperty({ description: 'Of those, published comments taken down (only with `removeComments`)' })
  removed!: number;

  @ApiProperty() removeComments!: boolean;

  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
}
