import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@replyguard/platform';
import { ingestConfigAreas } from './config/ingest.config';
import { ingestDataSourceOptions } from './database/database.options';
import { SubmissionsModule } from './submissions/submissions.module';

@Module({
  imports: [
    ServiceCoreModule.forService({
      service: 'ingest',
      config: ingestConfigAreas,
      dataSource: ingestDataSourceOptions,
    }),
    SubmissionsModule,
  ],
})
export class IngestModule {}
