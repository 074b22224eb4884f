import { randomUUID } from 'node:crypto';
import { Allow, Equals, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** Content type of a structured-mode CloudEvent on Kafka (CloudEvents 1.0 Kafka protocol binding). */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/**
 * A CloudEvents 1.0 envelope in structured mode: the whole envelope is the Kafka record value.
 * `correlationid` and `causationid` are CloudEvents extension attributes.
 */
export class EventEnvelope<TData = unknown> {
  /** Always "1.0". */
  @Equals('1.0')
  specversion!: '1.0';

  /** Unique id of this event; consumers deduplicate on it. */
  @IsUUID()
  id!: string;

  /** The service that emitted it, e.g. `/replyguard/moderation`. */
  @IsString()
  @MaxLength(200)
  source!: string;

  /** Event type with its schema version, e.g. `org.replyguard.comment.approved.v1`. */
  @IsString()
  @MaxLength(200)
  type!: string;

  /** When the fact happened (RFC 3339). */
  @IsISO8601({ strict: true })
  time!: string;

  /** Always `application/json`. */
  @Equals('application/json')
  datacontenttype!: 'application/json';

  /** Where the schema of `data` is documented (AsyncAPI). */
  @IsString()
  @MaxLength(300)
  dataschema!: string;

  /** The comment the event is about. */
  @IsString()
  @MaxLength(200)
  subject!: string;

  /** The submission id: follows one comment from intake to publication. */
  @IsString()
  @MaxLength(200)
  correlationid!: string;

  /** The id of the event or request that caused this one. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  causationid?: string;

  /** The event's data, validated separately against the class of its type. */
  @Allow()
  data!: TData;
}

/** What an event type needs to be put in an envelope: its type name and where its schema lives. */
export interface EventTypeInfo {
  type: string;
  dataschema: string;
}

export function createEnvelope<TData>(
  info: EventTypeInfo,
  data: TData,
  meta: { source: string; subject: string; correlationId: string; causationId?: string; time?: Date },
): EventEnvelope<TData> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: meta.source,
    type: info.type,
    time: (meta.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    dataschema: info.dataschema,
    subject: meta.subject,
    correlationid: meta.correlationId,
    ...(meta.causationId ? { causationid: meta.causationId } : {}),
    data,
  };
}
