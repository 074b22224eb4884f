import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { EventTypeInfo } from '../envelope';
import { CommentPublicFieldsV1 } from './comment-published-fields';
import { DecisionV1 } from './decision';

/** A comment was approved and may be published. Carries no email and no IP. */
export class CommentApprovedV1 extends CommentPublicFieldsV1 {
  static readonly info: EventTypeInfo = {
    type: 'org.replyguard.comment.approved.v1',
    dataschema: 'urn:replyguard:asyncapi:comments.approved.v1',
  };

  @IsISO8601({ strict: true })
  approvedAt!: string;

  /** `auto`, or the id of the moderator who approved it. */
  @IsString()
  @MaxLength(64)
  approvedBy!: string;
}

/** A comment was held for a moderator; carries the reasons and scores, no email and no IP. */
export class CommentHeldV1 extends CommentPublicFieldsV1 {
  static readonly info: EventTypeInfo = {
    type: 'org.replyguard.comment.held.v1',
    dataschema: 'urn:replyguard:asyncapi:comments.held.v1',
  };

  @IsISO8601({ strict: true })
  heldAt!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => DecisionV1)
  decision!: DecisionV1;
}

/** A comment was rejected; carries the reasons and scores, no email and no IP. */
export class CommentRejectedV1 extends CommentPublicFieldsV1 {
  static readonly info: EventTypeInfo = {
    type: 'org.replyguard.comment.rejected.v1',
    dataschema: 'urn:replyguard:asyncapi:comments.rejected.v1',
  };

  @IsISO8601({ strict: true })
  rejectedAt!: string;

  /** `auto`, or the id of the moderator who rejected it. */
  @IsString()
  @MaxLength(64)
  rejectedBy!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => DecisionV1)
  decision!: DecisionV1;
}
