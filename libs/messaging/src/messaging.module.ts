import { Module } from '@nestjs/common';
import { ConsumerLagMonitor } from './consumer-lag.monitor';
import { EventHandlerRunner } from './event-handler-runner';
import { KafkaProducerService } from './kafka-producer.service';

/** Kafka producer, the consumer runner and its lag monitor. Needs the `kafka` config area and MetricsModule. */
@Module({
  providers: [KafkaProducerService, EventHandlerRunner, ConsumerLagMonitor],
  exports: [KafkaProducerService, EventHandlerRunner, ConsumerLagMonitor],
})
export class MessagingModule {}
