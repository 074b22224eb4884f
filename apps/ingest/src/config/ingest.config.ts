import { configArea, IsTrustedProxyList, privacyConfig, toInt } from '@replyguard/platform';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

class IngestEnv {
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  INGEST_PORT = 3000;

  /** Comma-separated IPs or CIDRs of reverse proxies whose X-Forwarded-For is believed. */
  @IsOptional()
  @IsTrustedProxyList()
  TRUSTED_PROXIES = '';

  /** Submissions one client IP may make per minute (429 with Retry-After above it). */
  @toInt
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  INGEST_RATE_LIMIT_PER_IP = 20;

  /** Submissions one site may receive per minute. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  INGEST_RATE_LIMIT_PER_SITE = 6000;
}

export const ingestConfig = configArea('ingest', IngestEnv, (env) => ({
  port: env.INGEST_PORT,
  trustedProxies: env.TRUSTED_PROXIES.split(',')
    .map((p) => p.trim())
    .filter(Boolean),
  rateLimitPerIp: env.INGEST_RATE_LIMIT_PER_IP,
  rateLimitPerSite: env.INGEST_RATE_LIMIT_PER_SITE,
}));

/** The config areas the ingest service validates at start-up beside the shared ones. */
export const ingestConfigAreas = [privacyConfig, ingestConfig];
