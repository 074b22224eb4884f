import { IsIn, IsString, MinLength } from 'class-validator';
import { createHmac } from 'node:crypto';
import { ConfigError, configArea } from './validate-config';

class PrivacyEnv {
  /**
   * Key of the HMAC that turns emails and IP addresses into stable pseudonyms for moderation
   * (bans, flood and duplicate checks). Production refuses the development default.
   */
  @IsString()
  @MinLength(16)
  PII_HASH_SECRET = 'replyguard-development-only-secret';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';
}

export const DEV_PII_HASH_SECRET = 'replyguard-development-only-secret';

export const privacyConfig = configArea('privacy', PrivacyEnv, (env) => {
  if (env.NODE_ENV === 'production' && env.PII_HASH_SECRET === DEV_PII_HASH_SECRET) {
    throw new ConfigError('PII_HASH_SECRET must be set to a secret of your own in production');
  }
  return { hashSecret: env.PII_HASH_SECRET };
});

/** Keyed hash of a piece of personal data (lower-cased and trimmed first), as hex. */
export function hashPii(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value.trim().toLowerCase()).digest('hex');
}
