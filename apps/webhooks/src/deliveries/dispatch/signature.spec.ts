import { createHmac } from 'node:crypto';
import { signPayload, verifySignature } from './signature';

const SECRET = 'whsec-0123456789abcdef';
const BODY =
  '{"specversion":"1.0","id":"0b0e3c3a-5d0f-4b8e-9a59-4b7f6f2c1d11","data":{"content":"Grüße 👋"}}';
const T = 1_767_225_600; // 2026-01-01T00:00:00Z

describe(signPayload.name, () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, as documented', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`, 'utf8').digest('hex');
    expect(signPayload(SECRET, BODY, T + 0.9)).toBe(`t=${T},v1=${expected}`);
  });

  it('matches a fixed test vector', () => {
    expect(signPayload('secret-of-16-chars', '{}', 1_700_000_000)).toBe(
      `t=1700000000,v1=${createHmac('sha256', 'secret-of-16-chars').update('1700000000.{}').digest('hex')}`,
    );
  });
});

describe(verifySignature.name, () => {
  const header = signPayload(SECRET, BODY, T);
  const now = { nowSeconds: T + 10 };

  it('accepts the exact body with the right secret', () => {
    expect(verifySignature(SECRET, BODY, header, now)).toBe(true);
  });

  it('refuses a changed body, another secret, or a missing or malformed header', () => {
    expect(verifySignature(SECRET, BODY.replace('Grüße', 'Grusse'), header, now)).toBe(false);
    expect(verifySignature('another-secret-0123', BODY, header, now)).toBe(false);
    expect(verifySignature(SECRET, BODY, undefined, now)).toBe(false);
    expect(verifySignature(SECRET, BODY, 'v1=abc', now)).toBe(false);
    expect(verifySignature(SECRET, BODY, `t=${T}`, now)).toBe(false);
  });

  it('refuses a timestamp outside the tolerance, so a captured request cannot be replayed later', () => {
    expect(verifySignature(SECRET, BODY, header, { nowSeconds: T + 301 })).toBe(false);
    expect(verifySignature(SECRET, BODY, header, { nowSeconds: T + 3600, toleranceSeconds: 7200 })).toBe(
      true,
    );
  });

  it('refuses a signature moved to another timestamp', () => {
    const v1 = header.split(',')[1];
    expect(verifySignature(SECRET, BODY, `t=${T + 5},${v1}`, now)).toBe(false);
  });

  it('accepts any one of several v1 signatures (secret rotation on the receiver side)', () => {
    const other = signPayload('old-secret-0123456789', BODY, T).split(',')[1];
    expect(verifySignature(SECRET, BODY, `${header},${other}`, now)).toBe(true);
  });
});
