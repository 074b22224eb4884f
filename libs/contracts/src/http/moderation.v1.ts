import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  isUUID,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { IsArticleId, IsSiteId, WithoutDirectionOverrides } from '../fields';
import { PageCursor, PageLimit } from './paging';

export const QUEUE_STATUSES = ['held', 'reported', 'rejected', 'approved'] as const;
export type QueueStatusV1 = (typeof QUEUE_STATUSES)[number];
export const MODERATOR_ACTIONS = ['approve', 'reject', 'spam', 'ham'] as const;
export type ModeratorActionV1 = (typeof MODERATOR_ACTIONS)[number];

/** Query of `GET /v1/moderation/queue`. */
export class QueueQueryV1 {
  @ApiProperty() @IsSiteId() siteId!: string;

  @ApiProperty({ enum: QUEUE_STATUSES })
  @IsIn(QUEUE_STATUSES)
  status!: QueueStatusV1;

  @ApiPropertyOptional() @IsOptional() @IsArticleId() articleId?: string;

  @ApiPropertyOptional({ enum: ['oldest', 'newest'], default: 'oldest' })
  @IsOptional()
  @IsIn(['oldest', 'newest'])
  order?: 'oldest' | 'newest';

  @PageCursor() cursor?: string;

  @PageLimit() limit?: number;
}

export class DecisionReasonViewV1 {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: Object }) evidence?: Record<string, unknown>;
}

export class DecisionViewV1 {
  @ApiProperty({ enum: ['approve', 'hold', 'reject'] }) action!: string;
  @ApiProperty({ type: [DecisionReasonViewV1] }) reasons!: DecisionReasonViewV1[];
  @ApiProperty({ example: { spam: 0.01, toxicity: 0.02, hate: 0.0 } }) scores!: Record<string, number>;
  @ApiProperty({ type: Object }) modelVersions!: Record<string, string>;
}

export const REPORT_REASONS = ['spam', 'abusive', 'off-topic', 'other'] as const;
export type ReportReasonV1 = (typeof REPORT_REASONS)[number];

/** Readers' reports of a comment, by reason. */
export class ReportCountsV1 {
  @ApiProperty() spam!: number;
  @ApiProperty() abusive!: number;
  @ApiProperty() 'off-topic'!: number;
  @ApiProperty() other!: number;
}

/** One reader's report as moderators see it: never who made it (no reporter hash, no IP). */
export class ReportV1 {
  @ApiProperty({ enum: REPORT_REASONS }) reason!: ReportReasonV1;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The reader's own words, untrusted: render as text, never as HTML",
  })
  note!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** What readers said about a comment: counts by reason and the newest notes. */
export class ReportSummaryV1 {
  @ApiProperty({ type: ReportCountsV1 }) byReason!: ReportCountsV1;
  @ApiProperty({ description: 'Reports that came with a note' }) withNotes!: number;
  @ApiProperty({
    type: [ReportV1],
    maxItems: 5,
    description:
      'The newest reports that came with a note, newest first; GET /v1/moderation/comments/{id}/reports lists them all',
  })
  latestNotes!: ReportV1[];
}

/** How many other comments an author has in the site, by status. */
export const AUTHOR_HISTORY_LIMIT = 100;

/**
 * A comment's author's record on the site, matched by the keyed hash of their e-mail address, so a
 * moderator can tell a regular from a newcomer or a repeat offender without learning who they are.
 */
export class AuthorHistoryV1 {
  @ApiProperty({
    description: `The author's other comments on this site (of their latest ${AUTHOR_HISTORY_LIMIT}), this one left out`,
  })
  comments!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() held!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() reported!: number;
  @ApiProperty({
    description: `true when the author has more than ${AUTHOR_HISTORY_LIMIT} other comments: the counts are of the latest ${AUTHOR_HISTORY_LIMIT}`,
  })
  capped!: boolean;
  @ApiProperty({
    format: 'date-time',
    description:
      "When the author's first comment on this site was submitted (this comment's own time for a first comment)",
  })
  firstCommentAt!: string;
}

/** A comment in a moderation queue. No email, no IP. */
export class QueueItemV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() articleId!: string;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty() authorName!: string;
  @ApiProperty({ nullable: true, type: String }) authorUrl!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty({ enum: ['approved', 'held', 'rejected', 'reported'] }) status!: string;
  @ApiProperty({ description: 'Send it back as expectedVersion when deciding' }) version!: number;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty() decidedBy!: string;
  @ApiProperty() reportCount!: number;
  /** Added after v1 was published, so optional (always sent since). */
  @ApiPropertyOptional({
    description:
      "Whether readers see it in the article's thread now: a reported comment stays published unless the site unpublishes on reports",
  })
  published?: boolean;
  @ApiProperty({ type: DecisionViewV1 }) decision!: DecisionViewV1;
  /** Added after v1 was published, so optional: absent when no reader has reported the comment. */
  @ApiPropertyOptional({
    type: ReportSummaryV1,
    description: 'What readers said, when any reported the comment',
  })
  reports?: ReportSummaryV1;
  /** Added after v1 was published, so optional: absent unless the author's personal data was erased. */
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      "When the author's personal data was erased (at their request, or by retention); with an empty " +
      '`content`, the text was erased too',
  })
  erasedAt?: string;
  /**
   * Added after v1 was published, so optional: absent when the author is unknown (their personal data
   * was erased).
   */
  @ApiPropertyOptional({
    type: AuthorHistoryV1,
    description:
      "The author's other comments on this site, by status; GET /v1/moderation/comments/{id}/author-comments lists them",
  })
  author?: AuthorHistoryV1;
}

export class QueuePageV1 {
  @ApiProperty({ type: [QueueItemV1] }) items!: QueueItemV1[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** The queues `GET /v1/moderation/queue/summary` counts: those that wait for a moderator. */
export const QUEUE_SUMMARY_STATUSES = ['held', 'reported'] as const satisfies readonly QueueStatusV1[];

/** A queue's count stops here, so that asking costs a bounded index range however large it grows. */
export const QUEUE_COUNT_CAP = 10_000;

/** Query of `GET /v1/moderation/queue/summary`. */
export class QueueSummaryQueryV1 {
  @ApiProperty() @IsSiteId() siteId!: string;
}

/** How much one queue holds, and the span of its comments' submission times. */
export class QueueCountV1 {
  @ApiProperty({
    minimum: 0,
    maximum: QUEUE_COUNT_CAP,
    description: `Comments in the queue, as GET /v1/moderation/queue lists them; at most ${QUEUE_COUNT_CAP}`,
  })
  count!: number;
  @ApiProperty({
    description: `true when the queue holds more than ${QUEUE_COUNT_CAP} comments: count is then ${QUEUE_COUNT_CAP}`,
  })
  capped!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      "When the queue's oldest comment was submitted (the first of order=oldest); null when it is empty",
  })
  oldestSubmittedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      "When the queue's newest comment was submitted (the first of order=newest); null when it is empty",
  })
  newestSubmittedAt!: string | null;
}

/** `GET /v1/moderation/queue/summary`: what waits for a moderator on a site. */
export class QueueSummaryV1 {
  @ApiProperty() siteId!: string;
  @ApiProperty({ type: QueueCountV1 }) held!: QueueCountV1;
  @ApiProperty({ type: QueueCountV1 }) reported!: QueueCountV1;
}

/** `POST /v1/moderation/comments/{id}/decision`. */
export class DecisionRequestV1 {
  @ApiProperty({ enum: MODERATOR_ACTIONS })
  @IsIn(MODERATOR_ACTIONS)
  action!: ModeratorActionV1;

  @ApiPropertyOptional({ example: 'abusive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiProperty({
    description: 'The version the moderator saw; a newer one means someone decided first (409)',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

export class DecisionResponseV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) status!: string;
  @ApiProperty() version!: number;
}

/** `POST /v1/moderation/decisions`. */
export class BulkDecisionRequestV1 {
  @ApiProperty({ type: [String], maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', {
    each: true,
    // Name the ids at fault: "each value in ids must be a UUID" left a 500-id batch to guess.
    message: ({ value }: { value: unknown }) =>
      `ids must be comment ids (UUIDs); not: ${(Array.isArray(value) ? value : [value])
        .filter((v) => typeof v !== 'string' || !isUUID(v))
        .slice(0, 5)
        .map((v) => JSON.stringify(v))
        .join(', ')}`,
  })
  ids!: string[];

  @ApiProperty({ enum: MODERATOR_ACTIONS })
  @IsIn(MODERATOR_ACTIONS)
  action!: ModeratorActionV1;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
    example: { '0190c6a2-7f3e-7a4b-9c1d-2e3f4a5b6c7d': 3 },
    description:
      'The version of each comment as the moderator saw it, by id (from the queue). A comment someone ' +
      'decided since is left as it is, and its result is `VERSION_CONFLICT`. Ids without a version are ' +
      'decided whatever theirs.',
  })
  @IsOptional()
  // The body's own object: turned into a class instance, keys such as `toString` would vanish
  // rather than be refused.
  @Transform(({ obj }: { obj: Record<string, unknown> }) => obj.expectedVersions)
  @IsVersionMap()
  expectedVersions?: Record<string, number>;
}

/** A comment's version is a PostgreSQL int. */
const MAX_VERSION = 2_147_483_647;

/** An object of comment id → version (a positive integer); names the first entries at fault. */
function IsVersionMap(): PropertyDecorator {
  return ValidateBy({
    name: 'isVersionMap',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= 500 &&
        Object.entries(value).every(
          ([id, v]) =>
            isUUID(id) && Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_VERSION,
        ),
      defaultMessage: (args) => {
        const value = args?.value as unknown;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          return 'expectedVersions must be an object of comment id → version';
        }
        const bad = Object.entries(value as Record<string, unknown>)
          .filter(
            ([id, v]) =>
              !isUUID(id) || !Number.isInteger(v) || (v as number) < 1 || (v as number) > MAX_VERSION,
          )
          .slice(0, 5)
          .map(([id]) => JSON.stringify(id));
        return bad.length > 0
          ? `expectedVersions must map comment ids (UUIDs) to versions (integers from 1); not: ${bad.join(', ')}`
          : 'expectedVersions may hold at most 500 entries';
      },
    },
  });
}

export class BulkDecisionResultV1 {
  @ApiProperty() id!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional() status?: string;
  @ApiPropertyOptional() version?: number;
  @ApiPropertyOptional({ description: 'Error code when not ok' }) error?: string;
}

export class BulkDecisionResponseV1 {
  @ApiProperty({ type: [BulkDecisionResultV1] }) results!: BulkDecisionResultV1[];
}

export class HistoryEntryV1 {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: '`auto`, `readers`, `admin` or a moderator id' }) actor!: string;
  @ApiProperty({ nullable: true, type: String, description: "A moderator's name; null for the others" })
  actorName!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) previousStatus!: string | null;
  @ApiProperty() newStatus!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: [DecisionReasonViewV1] }) reasons!: DecisionReasonViewV1[];
}

export class HistoryResponseV1 {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [HistoryEntryV1] }) entries!: HistoryEntryV1[];
}

/** `POST /v1/moderation/bans`: exactly one of email, ipHash, domain, authorOf. */
export class CreateBanRequestV1 {
  @ApiProperty() @IsSiteId() siteId!: string;

  @ApiPropertyOptional({ description: 'Stored only as a keyed hash' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'As shown to moderators' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'ipHash must be 64 hexadecimal characters' })
  ipHash?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Ban the author of this comment (of the same site) without seeing their address: by the comment's e-mail or IP (see `match`)",
  })
  @IsOptional()
  @IsUUID('all')
  authorOf?: string;

  @ApiPropertyOptional({ enum: ['email', 'ip'], default: 'email', description: 'With authorOf: what to ban' })
  @IsOptional()
  @IsIn(['email', 'ip'])
  match?: 'email' | 'ip';

  @ApiPropertyOptional({
    example: 'spam-domain.example',
    description:
      'Also covers its subdomains, in the e-mail address and in the website field; a leading www. is dropped',
  })
  @IsOptional()
  @Matches(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, { message: 'domain must be a domain name' })
  domain?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiProperty({ description: 'Why: shown to the moderators who meet the ban later; not blank' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'reason must not be blank: say why, for the moderators who meet the ban later' })
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ description: "Also reject the author's comments waiting in the held queue" })
  @IsOptional()
  @IsBoolean()
  rejectPending?: boolean;
}

export class BanResponseV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty({ enum: ['email', 'ipHash', 'domain'] }) kind!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ description: 'Held comments rejected by this ban' }) rejectedPending!: number;
}

/** Query of `GET /v1/moderation/bans`: a site's bans, newest first. */
export class BanListQueryV1 {
  @ApiProperty() @IsSiteId() siteId!: string;

  @ApiPropertyOptional({
    enum: ['active', 'all'],
    default: 'active',
    description: 'active: neither lifted nor expired; all: every ban ever made on the site',
  })
  @IsOptional()
  @IsIn(['active', 'all'])
  include?: 'active' | 'all';

  @PageCursor() cursor?: string;

  @PageLimit() limit?: number;
}

/** One ban as moderators see it. A banned e-mail address is stored only as a keyed hash: `value` is null. */
export class BanV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty({ enum: ['email', 'ipHash', 'domain'] }) kind!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The domain or IP hash; null for an e-mail address',
  })
  value!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'A moderator id, or `admin` for the administrator token' }) createdBy!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The moderator's name; null for the administrator",
  })
  createdByName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) liftedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) liftedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The lifting moderator's name" })
  liftedByName!: string | null;
  @ApiProperty({ description: 'Neither lifted nor expired' }) active!: boolean;
}

export class BanPageV1 {
  @ApiProperty({ type: [BanV1] }) items!: BanV1[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** `POST /v1/comments/{id}/reports`: a reader reports a published comment. */
export class ReportRequestV1 {
  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS)
  reason!: ReportReasonV1;

  @ApiPropertyOptional()
  @IsOptional()
  @WithoutDirectionOverrides()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReportResponseV1 {
  @ApiProperty() accepted!: boolean;
}

/** Query of `GET /v1/moderation/comments/{id}/reports`: newest first. */
export class ReportListQueryV1 {
  @PageCursor() cursor?: string;

  @PageLimit() limit?: number;
}

export class ReportPageV1 {
  @ApiProperty({ format: 'uuid', description: 'The comment' }) id!: string;
  @ApiProperty({ type: [ReportV1] }) items!: ReportV1[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** Query of `GET /v1/moderation/comments/{id}/author-comments`. */
export class AuthorCommentsQueryV1 {
  @ApiPropertyOptional({ enum: QUEUE_STATUSES, description: 'Only the comments in this status' })
  @IsOptional()
  @IsIn(QUEUE_STATUSES)
  status?: QueueStatusV1;

  @PageCursor() cursor?: string;

  @PageLimit() limit?: number;
}

export class AuthorCommentsPageV1 {
  @ApiProperty({ format: 'uuid', description: 'The comment whose author this is' }) id!: string;
  @ApiProperty({
    type: [QueueItemV1],
    description: "The author's other comments on the comment's site, newest first, as the queue shows them",
  })
  items!: QueueItemV1[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
