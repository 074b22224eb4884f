import { configArea, ConfigError, IsTrustedProxyList, privacyConfig, toInt } from '@replyguard/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

class ModerationEnv {
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  MODERATION_PORT = 3001;

  /**
   * Comma-separated IPs or CIDRs of reverse proxies whose X-Forwarded-For is believed: reader reports
   * count one per reader by client IP, and the rate limit counts per IP for requests without a token.
   */
  @IsOptional()
  @IsTrustedProxyList()
  TRUSTED_PROXIES = '';

  /** Folder of the trained model files; defaults to the committed ones. */
  @IsOptional()
  @IsString()
  MODELS_DIR?: string;

  /** How long a site's policy may be served from memory after a change (no restart needed). */
  @toInt
  @IsInt()
  @Min(0)
  @Max(600000)
  POLICY_CACHE_MS = 2000;

  /** Bearer token of the built-in administrator; production refuses to start without one. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  ADMIN_TOKEN?: string;

  /** Requests per minute per moderator or admin (by their verified token), else per client IP. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  MODERATION_RATE_LIMIT_PER_MIN = 600;

  /**
   * Failed sign-ins (a token that does not verify) per client IP per minute; past them the client's
   * requests that need a token are answered 429 for a minute, its tokens unchecked.
   */
  @toInt
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  MODERATION_AUTH_FAILURES_PER_MIN = 10;

  /** Base URL of an Akismet-compatible service; the extra Akismet check is off while unset. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  AKISMET_URL?: string;

  @IsOptional()
  @IsString()
  AKISMET_API_KEY?: string;

  /** The site URL Akismet knows the key by (its `blog` field). */
  @IsOptional()
  @IsString()
  AKISMET_BLOG?: string;

  @toInt
  @IsInt()
  @Min(50)
  @Max(30_000)
  AKISMET_TIMEOUT_MS = 1500;

  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  /**
   * Days a comment keeps its IP hash, user agent and referrer: enough for flood checks (minutes) and
   * for banning a recent comment's author by IP. 0 keeps them for good.
   */
  @toInt
  @IsInt()
  @Min(0)
  @Max(3650)
  CLIENT_DATA_RETENTION_DAYS = 30;

  /**
   * Days a rejected comment keeps its author's name, website, e-mail hash and domain; then it is signed
   * `Anonymous`, as after an erasure (its text stays for the feedback export). 0 keeps them for good.
   */
  @toInt
  @IsInt()
  @Min(0)
  @Max(3650)
  REJECTED_AUTHOR_RETENTION_DAYS = 90;
}

export const moderationConfig = configArea('moderation', ModerationEnv, (env) => {
  if (env.NODE_ENV === 'production' && !env.ADMIN_TOKEN) {
    throw new ConfigError('ADMIN_TOKEN is required in production');
  }
  if (env.AKISMET_URL && !env.AKISMET_API_KEY) throw new ConfigError('AKISMET_URL needs AKISMET_API_KEY');
  return {
    port: env.MODERATION_PORT,
    trustedProxies: env.TRUSTED_PROXIES.split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    akismet: env.AKISMET_URL
      ? {
          url: env.AKISMET_URL,
          apiKey: env.AKISMET_API_KEY ?? '',
          blog: env.AKISMET_BLOG ?? '',
          timeoutMs: env.AKISMET_TIMEOUT_MS,
        }
      : undefined,
    modelsDir: env.MODELS_DIR,
    policyCacheMs: env.POLICY_CACHE_MS,
    adminToken: env.ADMIN_TOKEN,
    rateLimitPerMinute: env.MODERATION_RATE_LIMIT_PER_MIN,
    authFailuresPerMinute: env.MODERATION_AUTH_FAILURES_PER_MIN,
    retention: {
      clientDataDays: env.CLIENT_DATA_RETENTION_DAYS,
      rejectedAuthorDays: env.REJECTED_AUTHOR_RETENTION_DAYS,
    },
  };
});

/** The config areas the moderation service validates at start-up beside the shared ones. */
export const moderationConfigAreas = [privacyConfig, moderationConfig];
