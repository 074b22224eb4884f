import { toInt, configArea } from '@replyguard/platform';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

class IngestEnv {
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  INGEST_PORT = 3000;

  /** Comma-separated IPs or CIDRs of reverse proxies whose X-Forwarded-For is believed. */
  @IsOptional()
  @IsString()
  TRUSTED_PROXIES = '';
}

export const ingestConfig = configArea('ingest', IngestEnv, (env) => ({
  port: env.INGEST_PORT,
  trustedProxies: env.TRUSTED_PROXIES.split(',')
    .map((p) => p.trim())
    .filter(Boolean),
}));
