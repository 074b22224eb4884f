import { CLOUDEVENTS_CONTENT_TYPE, type EventEnvelope } from '@replyguard/contracts';
import type { Message } from 'kafkajs';

/** A CloudEvent as a Kafka record in structured content mode, keyed for ordering. */
export function toKafkaMessage(envelope: EventEnvelope, key: string): Message {
  return {
    key,
    value: JSON.stringify(envelope),
    headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
  };
}
