import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries a delivery's signature. */
export const SIGNATURE_HEADER = 'Replyguard-Signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, one `v1` per secret (the current
 * one first; during a rotation the previous one too). The timestamp is signed with the body so a
 * captured request cannot be replayed later under a fresh timestamp.
 */
export function signPayload(secret: string | string[], body: string, timestampSeconds: number): string {
  const t = Math.floor(timestampSeconds);
  const signatures = (Array.isArray(secret) ? secret : [secret]).map(
    (s) => `v1=${hmacHex(s, `${t}.${body}`)}`,
  );
  return `t=${t},${signatures.join(',')}`;
}

export interface VerifyOptions {
  /** Now, in unix seconds. */
  nowSeconds: number;
  /** Oldest accepted timestamp, in seconds before now (default 300). */
  toleranceSeconds?: number;
}

/**
 * What a receiver does with a delivery: true when one of the header's `v1` signatures matches the
 * exact body and the timestamp is within the tolerance. Compares in constant time.
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  options: VerifyOptions,
): boolean {
  if (!header) return false;
  let t: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value ?? '')) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '')) signatures.push(value);
  }
  if (t === undefined || signatures.length === 0) return false;
  if (Math.abs(options.nowSeconds - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmacHex(secret, `${t}.${body}`), 'hex');
  return signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
}

function hmacHex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}
