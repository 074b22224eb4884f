import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  databaseConfig,
  HealthModule,
  kafkaConfig,
  LoggingModule,
  outboxConfig,
  privacyConfig,
  runtimeConfig,
} from '@replyguard/platform';
import { ingestConfig } from './config/ingest.config';
import { ingestDataSourceOptions } from './database/database.options';

import { SubmissionsModule } from './submissions/submissions.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [runtimeConfig, databaseConfig, kafkaConfig, outboxConfig, privacyConfig, ingestConfig],
    }),
    LoggingModule,
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ReturnType<typeof databaseConfig>) => ingestDataSourceOptions(db),
    }),
    SubmissionsModule,
    HealthModule,
  ],
})
export class IngestModule {}
