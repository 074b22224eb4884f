import { Module } from '@nestjs/common';
import { ServiceCoreModule, privacyConfig } from '@replyguard/platform';
import { ingestConfig } from './config/ingest.config';
import { ingestDataSourceOptions } from './database/database.options';
import { SubmissionsModule } from './submissions/submissions.module';

@Module({
  imports: [
    ServiceCoreModule.forService({
      service: 'ingest',
      config: [privacyConfig, ingestConfig],
      dataSource: ingestDataSourceOptions,
    }),
    SubmissionsModule,
  ],
})
export class IngestModule {}
