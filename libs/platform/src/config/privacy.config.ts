import { IsIn, IsString, MinLength } from 'class-validator';
import { createHmac } from 'node:crypto';
import { domainToASCII } from 'node:url';
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

/**
 * An e-mail address as it is hashed and matched everywhere: trimmed, lower-cased, in Unicode NFC (a
 * decomposed "jose\u0301" is "josé"), with an internationalised domain in the ASCII form mail
 * delivers to, so `Jürgen@Bücher.example` is `jürgen@xn--bcher-kva.example`. An address with an
 * ASCII domain is only trimmed and lower-cased (and composed), as before: the hashes stored of
 * plain addresses stay what they were.
 */
export function normaliseEmail(address: string): string {
  const lower = address.trim().toLowerCase().normalize('NFC');
  const at = lower.lastIndexOf('@');
  const domain = lower.slice(at + 1);
  if (at < 0 || !/[^\p{ASCII}]/u.test(domain)) return lower;
  // Empty when the domain is no valid host: then it is matched as written.
  const ascii = domainToASCII(domain);
  return ascii ? `${lower.slice(0, at + 1)}${ascii}` : lower;
}

/** The keyed hash an e-mail address is stored and looked up by (bans, trust, erasure, export). */
export function hashEmail(secret: string, address: string): string {
  return hashPii(secret, normaliseEmail(address));
}
