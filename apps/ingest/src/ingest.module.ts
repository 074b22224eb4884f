import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  databaseConfig,
  HealthModule,
  kafkaConfig,
  LoggingModule,
  MetricsModule,
  outboxConfig,
  privacyConfig,
  runtimeConfig,
} from '@replyguard/platform';
import { ingestConfig } from './config/ingest.config';
import { ingestDataSourceOptions } from './database/database.options';

import { SubmissionMetricsInterceptor } from './submissions/submission-metrics.interceptor';
import { SubmissionsModule } from './submissions/submissions.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [runtimeConfig, databaseConfig, kafkaConfig, outboxConfig, privacyConfig, ingestConfig],
    }),
    LoggingModule,
    MetricsModule.forRoot({ service: 'ingest' }),
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ReturnType<typeof databaseConfig>) => ingestDataSourceOptions(db),
    }),
    SubmissionsModule,
    HealthModule,
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: SubmissionMetricsInterceptor }],
})
export class IngestModule {}
