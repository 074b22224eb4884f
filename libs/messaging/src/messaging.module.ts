import { Module } from '@nestjs/common';
import { EventHandlerRunner } from './event-handler-runner';
import { KafkaProducerService } from './kafka-producer.service';

/** Kafka producer and the consumer runner. Needs the `kafka` config area to be loaded. */
@Module({
  providers: [KafkaProducerService, EventHandlerRunner],
  exports: [KafkaProducerService, EventHandlerRunner],
})
export class MessagingModule {}
