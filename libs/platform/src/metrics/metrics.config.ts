import { IsOptional, IsString, MinLength } from 'class-validator';
import { configArea } from '../config/validate-config';

class MetricsEnv {
  /**
   * When set, `/metrics` answers only `Authorization: Bearer <this token>` (Prometheus:
   * `authorization: {credentials: …}` in the scrape config). Unset, it is open, for a service whose
   * port only the internal network reaches; ingest's and moderation's face readers and sites.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;
}

export const metricsConfig = configArea('metrics', MetricsEnv, (env) => ({ token: env.METRICS_TOKEN }));
