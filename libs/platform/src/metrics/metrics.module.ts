import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { metricsConfig } from './metrics.config';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';

/**
 * `/metrics` in the Prometheus text format, and the registry features put their metrics on (inject
 * `MetricsRegistry`). HTTP rate and latency come from `createHttpApp`, which installs Fastify hooks
 * when this module is present.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(options: { service: string }): DynamicModule {
    return {
      module: MetricsModule,
      imports: [ConfigModule.forFeature(metricsConfig)],
      controllers: [MetricsController],
      // A factory, not a value: two instances of a service in one process keep their own series.
      providers: [{ provide: MetricsRegistry, useFactory: () => new MetricsRegistry(options.service) }],
      exports: [MetricsRegistry],
    };
  }
}
