import { request } from 'node:http';

export interface SentFrom {
  status: number;
  json: Record<string, unknown>;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A request from a client address of the test's choosing: each connects from its own loopback
 * address (all of 127.0.0.0/8 reaches 127.0.0.1 on Linux), so the services tell clients apart by IP
 * as the network does.
 */
export function sendFrom(
  ip: string,
  url: string,
  {
    method = 'POST',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<SentFrom> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        localAddress: ip,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
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
          resolve({ status: res.statusCode ?? 0, json, text, headers: res.headers });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A reader's report from their own address. The moderation service counts one report per reader
 * by client IP, and the test system trusts no proxy (TRUSTED_PROXIES unset; see
 * trusted-proxies.e2e-spec.ts for the proxied case), so a test tells readers apart the way the
 * network does.
 */
export async function reportFrom(
  ip: string,
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await sendFrom(ip, url, {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: res.json };
}
