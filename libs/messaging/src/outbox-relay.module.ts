import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry, outboxConfig } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { KafkaProducerService } from './kafka-producer.service';
import { MessagingModule } from './messaging.module';
import type { OutboxTable } from './outbox';
import { OutboxRelay } from './outbox-relay';

const OUTBOX_TABLE = Symbol('OUTBOX_TABLE');

/** Runs the service's outbox relay from start-up to shutdown, and lets writers wake it. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    producer: KafkaProducerService,
    @Inject(OUTBOX_TABLE) table: OutboxTable,
    @Inject(outboxConfig.KEY) config: ConfigType<typeof outboxConfig>,
    metrics: MetricsRegistry,
  ) {
    this.relay = new OutboxRelay(dataSource, producer, {
      table,
      batchSize: config.batchSize,
      pollIntervalMs: config.pollIntervalMs,
    });
    const relay = this.relay;
    metrics.gauge(
      'replyguard_outbox_backlog',
      'Outbox rows waiting to be published',
      [],
      async function collect() {
        this.set(await relay.backlog());
      },
    );
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Before the producer and the database close (onApplicationShutdown): the last drain needs both. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  /** Call after committing a transaction that enqueued events. */
  wake(): void {
    this.relay.wake();
  }
}

@Module({})
export class OutboxRelayModule {
  static register(table: OutboxTable): DynamicModule {
    return {
      module: OutboxRelayModule,
      imports: [MessagingModule],
      providers: [{ provide: OUTBOX_TABLE, useValue: table }, OutboxRelayService],
      exports: [OutboxRelayService],
    };
  }
}
