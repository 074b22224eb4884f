import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { IsSiteId } from '../fields';
import { Topics } from '../topics';

/**
 * The topics a webhook may subscribe to: the public decision events only. `comments.submitted.v1`
 * holds personal data and never leaves the moderation boundary.
 */
export const WEBHOOK_EVENT_TOPICS = [
  Topics.CommentApprovedV1,
  Topics.CommentHeldV1,
  Topics.CommentRejectedV1,
  Topics.CommentRemovedV1,
  Topics.CommentAuthorErasedV1,
] as const;

export type WebhookEventTopic = (typeof WEBHOOK_EVENT_TOPICS)[number];

/**
 * No `user:password@` in a receiver's URL: it would be stored and listed in clear, where the signing
 * secret is encrypted and never returned, and the signature already authenticates every delivery.
 */
function HasNoCredentials(): PropertyDecorator {
  return ValidateBy({
    name: 'hasNoCredentials',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return true;
        try {
          const url = new URL(value);
          return url.username === '' && url.password === '';
        } catch {
          return true; // IsUrl reports it
        }
      },
      defaultMessage: () =>
        'url must not contain a user name or password: they would be stored and listed in clear; the signature authenticates deliveries',
    },
  });
}

/** Where a delivery stands: being tried, done, or given up on after the retry window (replayable). */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'dead';

/** `POST /v1/admin/webhooks`. */
export class CreateWebhookRequestV1 {
  @ApiProperty({ example: 'daily-news' })
  @IsSiteId()
  siteId!: string;

  @ApiProperty({
    example: 'https://hooks.news.example/replyguard',
    description: 'http or https; a public address unless the service runs with WEBHOOK_PRIVATE_TARGETS=allow',
  })
  @IsString()
  @MaxLength(2000)
  @IsUrl(
    {
      protocols: ['http', 'https'],
      require_protocol: true,
      require_tld: false,
      require_valid_protocol: true,
    },
    { message: 'url must be an http or https URL' },
  )
  @HasNoCredentials()
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TOPICS, isArray: true, example: ['comments.approved.v1'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TOPICS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TOPICS, {
    each: true,
    message: `events must be among ${WEBHOOK_EVENT_TOPICS.join(', ')}`,
  })
  events!: WebhookEventTopic[];

  @ApiProperty({
    minLength: 16,
    description: 'Key of the HMAC-SHA256 signature of every delivery. Stored encrypted, never returned.',
  })
  @IsString()
  @MinLength(16)
  @MaxLength(512)
  secret!: string;
}

/** A webhook subscription. The secret is never returned. */
export class WebhookResponseV1 {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  siteId!: string;

  @ApiProperty()
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TOPICS, isArray: true })
  events!: WebhookEventTopic[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  /** Added after v1 was published, so optional: absent until the secret is first rotated. */
  @ApiPropertyOptional({ format: 'date-time', description: 'When the signing secret was last rotated' })
  secretRotatedAt?: string;

  /** Added after v1 was published, so optional. */
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Until when deliveries are signed with the previous secret too (a second `v1=` signature); absent when they are not',
  })
  previousSecretExpiresAt?: string;
}

/** Most a previous secret may stay valid after a rotation: a week. */
export const MAX_PREVIOUS_SECRET_SECONDS = 7 * 86_400;

/** `PUT /v1/admin/webhooks/{id}/secret`. */
export class RotateWebhookSecretRequestV1 {
  @ApiProperty({
    minLength: 16,
    description: 'The new key of the HMAC-SHA256 signature. Stored encrypted, never returned.',
  })
  @IsString()
  @MinLength(16)
  @MaxLength(512)
  secret!: string;

  @ApiPropertyOptional({
    default: 86_400,
    minimum: 0,
    maximum: MAX_PREVIOUS_SECRET_SECONDS,
    description:
      'How long deliveries are signed with the previous secret as well, so the receiver can switch keys ' +
      'without refusing one; 0 stops signing with it at once',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PREVIOUS_SECRET_SECONDS)
  previousSecretValidForSeconds?: number;
}

export class WebhookListV1 {
  @ApiProperty({ type: [WebhookResponseV1] })
  webhooks!: WebhookResponseV1[];
}

/** `GET /v1/admin/webhooks?siteId=`. */
export class ListWebhooksQueryV1 {
  @ApiProperty({ example: 'daily-news' })
  @IsSiteId()
  siteId!: string;
}

/** `/v1/admin/webhooks/{id}`. */
export class WebhookIdParamV1 {
  @ApiProperty({ format: 'uuid', description: 'The subscription id `POST /v1/admin/webhooks` answered' })
  @IsUUID('all')
  id!: string;
}

/** `/v1/admin/webhooks/{id}/deliveries/{deliveryId}`. */
export class WebhookDeliveryParamV1 extends WebhookIdParamV1 {
  @ApiProperty({ format: 'uuid', description: 'A delivery id from the deliveries list' })
  @IsUUID('all')
  deliveryId!: string;
}

/** `GET /v1/admin/webhooks/{id}/deliveries?limit=`. */
export class ListDeliveriesQueryV1 {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** One try at delivering an event. */
export class WebhookAttemptV1 {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: "The receiver's HTTP status, null when none came",
  })
  statusCode!: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why it failed, e.g. `HTTP 500` or `timeout`',
  })
  error!: string | null;

  @ApiProperty()
  durationMs!: number;
}

/** One event for one subscription, and how its delivery went. */
export class WebhookDeliveryV1 {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The CloudEvent id (the `ce-id` header)' })
  eventId!: string;

  @ApiProperty({ example: 'org.replyguard.comment.approved.v1' })
  eventType!: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] })
  status!: WebhookDeliveryStatus;

  @ApiProperty({ description: 'Tries so far, replays included' })
  attempts!: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  lastStatusCode!: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  lastError!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When a pending delivery is tried next',
  })
  nextAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  deliveredAt!: string | null;

  @ApiProperty({ type: [WebhookAttemptV1], description: 'The latest tries, newest first (at most 20)' })
  recentAttempts!: WebhookAttemptV1[];
}

export class WebhookDeliveryListV1 {
  @ApiProperty({ type: [WebhookDeliveryV1], description: 'Newest first' })
  deliveries!: WebhookDeliveryV1[];
}
