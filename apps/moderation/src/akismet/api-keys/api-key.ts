import { createHash, randomBytes } from 'node:crypto';

/**
 * Key format: `rgk` and 40 lowercase hex digits (160 random bits). Lowercase letters and digits only,
 * so that a key also works where old Akismet clients put it, as the first label of the host name
 * (`<key>.rest.akismet.com`), which DNS and HTTP clients may lower-case.
 */
const KEY_PATTERN = /^rgk[0-9a-f]{40}$/;
const PREFIX_CHARS = 10;

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `rgk${randomBytes(20).toString('hex')}`;
  return { key, prefix: key.slice(0, PREFIX_CHARS), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

/**
 * The key an Akismet request carries: `api_key` (Akismet's documented field), `key` (verify-key in
 * older clients), or the first label of the Host header (`<key>.<host>`, older clients again).
 */
export function presentedKey(body: Record<string, unknown>, host: string | undefined): string | null {
  for (const field of ['api_key', 'key']) {
    const value = body[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  const label = host?.split('.')[0]?.toLowerCase();
  return label && host?.includes('.') && looksLikeApiKey(label) ? label : null;
}
