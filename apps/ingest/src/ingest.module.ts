import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ServiceCoreModule, privacyConfig } from '@replyguard/platform';
import { ingestConfig } from './config/ingest.config';
import { ingestDataSourceOptions } from './database/database.options';

import { SubmissionMetricsInterceptor } from './submissions/submission-metrics.interceptor';
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
  providers: [{ provide: APP_INTERCEPTOR, useClass: SubmissionMetricsInterceptor }],
})
export class IngestModule {}
