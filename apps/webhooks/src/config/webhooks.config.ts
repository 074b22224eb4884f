import { ConfigError, configArea, toInt } from '@replyguard/platform';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import type { PrivateTargets } from '../shared/delivery-targets';

export const DEV_WEBHOOK_SECRETS_KEY = 'replyguard-development-only-webhook-key';

class WebhooksEnv {
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  WEBHOOKS_PORT = 3003;

  /** Bearer token of the built-in administrator (the same one as moderation's admin API). */
  @IsOptional()
  @IsString()
  @MinLength(16)
  ADMIN_TOKEN?: string;

  /**
   * Key that encrypts the subscriptions' signing secrets at rest (AES-256-GCM). Changing it makes
   * every stored secret unreadable, so subscriptions must then be created again.
   */
  @IsString()
  @MinLength(16)
  WEBHOOK_SECRETS_KEY = DEV_WEBHOOK_SECRETS_KEY;

  /** Delays before the 1st, 2nd, … retry in ms; the last one repeats until the retry window ends. */
  @Matches(/^\s*\d+(\s*,\s*\d+)*\s*$/, { message: 'WEBHOOK_RETRY_SCHEDULE_MS must be comma-separated ms' })
  WEBHOOK_RETRY_SCHEDULE_MS = '10000,30000,60000,300000,900000,3600000';

  /** A delivery that still fails this long after its first attempt is dead-lettered. */
  @toInt
  @IsInt()
  @Min(0)
  @Max(30 * 86_400_000)
  WEBHOOK_RETRY_FOR_MS = 86_400_000;

  /** How long a receiver has to answer one request. */
  @toInt
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Requests in flight at once, per webhooks process. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(200)
  WEBHOOK_CONCURRENCY = 16;

  /** Idle poll interval of the dispatcher (new deliveries from this process wake it at once). */
  @toInt
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_POLL_MS = 1000;

  /** Delivered and dead deliveries older than this are deleted. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(3650)
  WEBHOOK_DELIVERY_RETENTION_DAYS = 30;

  /**
   * How long creating a subscription waits for a site this service does not know yet (one created
   * moments ago, still on its way through sites.configured) before answering 404.
   */
  @toInt
  @IsInt()
  @Min(0)
  @Max(30_000)
  WEBHOOK_SITE_WAIT_MS = 3000;

  /**
   * Administrator tokens that fail to verify, per client IP per minute; past it the address gets 429
   * for a minute (the same ADMIN_TOKEN as moderation's, which counts its own).
   */
  @toInt
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  WEBHOOK_AUTH_FAILURES_PER_MIN = 10;

  /**
   * `refuse`: deliver only to public addresses, never to loopback, private, link-local (the cloud's
   * metadata service) or other reserved ones, whatever a URL or its DNS says; `allow`: anywhere.
   * Defaults to `refuse` in production, `allow` elsewhere (local receivers during development).
   */
  @IsOptional()
  @IsIn(['allow', 'refuse'], { message: 'WEBHOOK_PRIVATE_TARGETS must be allow or refuse' })
  WEBHOOK_PRIVATE_TARGETS?: PrivateTargets;

  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';
}

export const webhooksConfig = configArea('webhooks', WebhooksEnv, (env) => {
  if (env.NODE_ENV === 'production') {
    if (!env.ADMIN_TOKEN) throw new ConfigError('ADMIN_TOKEN is required in production');
    if (env.WEBHOOK_SECRETS_KEY === DEV_WEBHOOK_SECRETS_KEY) {
      throw new ConfigError('WEBHOOK_SECRETS_KEY must be set to a secret of your own in production');
    }
  }
  const schedule = env.WEBHOOK_RETRY_SCHEDULE_MS.split(',').map((s) => Number(s.trim()));
  if (schedule.some((ms) => ms < 1 || ms > 86_400_000)) {
    throw new ConfigError('WEBHOOK_RETRY_SCHEDULE_MS: every delay must be between 1 ms and 24 h');
  }
  return {
    port: env.WEBHOOKS_PORT,
    adminToken: env.ADMIN_TOKEN,
    secretsKey: env.WEBHOOK_SECRETS_KEY,
    retry: { scheduleMs: schedule, retryForMs: env.WEBHOOK_RETRY_FOR_MS, jitter: 0.1 },
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    concurrency: env.WEBHOOK_CONCURRENCY,
    pollMs: env.WEBHOOK_POLL_MS,
    retentionDays: env.WEBHOOK_DELIVERY_RETENTION_DAYS,
    siteWaitMs: env.WEBHOOK_SITE_WAIT_MS,
    authFailuresPerMinute: env.WEBHOOK_AUTH_FAILURES_PER_MIN,
    privateTargets: env.WEBHOOK_PRIVATE_TARGETS ?? (env.NODE_ENV === 'production' ? 'refuse' : 'allow'),
  };
});

export type WebhooksConfig = ReturnType<typeof webhooksConfig>;

/** The config areas the webhooks service validates at start-up beside the shared ones. */
export const webhooksConfigAreas = [webhooksConfig];
