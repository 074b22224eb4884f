import { request } from 'node:http';

/**
 * A reader's report from their own address. The moderation service counts one report per reader
 * by client IP, and the test system trusts no proxy (TRUSTED_PROXIES unset; see
 * trusted-proxies.e2e-spec.ts for the proxied case), so a test tells readers apart the way the
 * network does: each connects from its own loopback address (all of 127.0.0.0/8 reaches 127.0.0.1
 * on Linux).
 */
export function reportFrom(
  ip: string,
  url: string,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: ip,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // not JSON: the status says enough
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
