export * from './kafka-producer.service';
export * from './event-message';
export * from './outbox';
export * from './outbox-relay';
export * from './idempotency';
export * from './event-handler-runner';
export * from './kafka-server-options';
export * from './messaging.module';
