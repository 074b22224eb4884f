import { type DynamicModule, Module } from '@nestjs/common';
import { type ConfigFactory, ConfigModule, type ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { databaseConfig, SHARED_CONFIG_AREAS } from '../config/common.config';
import { HealthModule } from '../health/health.module';
import { LoggingModule } from '../logging/logging.module';
import { MetricsModule } from '../metrics/metrics.module';

export interface ServiceCoreOptions {
  /** Names the service in metrics. */
  service: string;
  /** The service's own config areas, validated at start-up beside the shared ones. */
  config?: ConfigFactory[];
  /** The service's TypeORM options (its schema, entities and migrations). */
  dataSource: (db: ConfigType<typeof databaseConfig>) => DataSourceOptions;
}

/**
 * What every Replyguard service starts with: validated config (runtime, database, Kafka, outbox and
 * its own areas), JSON logs, `/metrics`, its TypeORM connection and `/health/live|ready`.
 */
@Module({})
export class ServiceCoreModule {
  static forService(options: ServiceCoreOptions): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [...SHARED_CONFIG_AREAS, ...(options.config ?? [])],
        }),
        LoggingModule,
        MetricsModule.forRoot({ service: options.service }),
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY],
          useFactory: (db: ConfigType<typeof databaseConfig>) => options.dataSource(db),
        }),
        HealthModule,
      ],
    };
  }
}
