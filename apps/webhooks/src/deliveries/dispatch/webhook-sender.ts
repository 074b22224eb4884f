import { Injectable } from '@nestjs/common';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  /** Why it failed, without anything the receiver sent back (its body may hold anything). */
  error: string | null;
  durationMs: number;
}

/** POSTs one signed body. Redirects are not followed: a receiver answers where it was registered. */
@Injectable()
export class WebhookSender {
  async post(
    url: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Nothing of the answer is kept but its status; drain it so the connection can be reused.
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
      return {
        ok,
        statusCode: response.status,
        error: ok ? null : `HTTP ${response.status}${redirect}`,
        durationMs: elapsed(),
      };
    } catch (error) {
      return { ok: false, statusCode: null, error: describeFailure(error, timeoutMs), durationMs: elapsed() };
    }
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/** Duck-typed: fetch's errors come from Node's own realm, where `instanceof Error` may not hold. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `timeout: no answer within ${timeoutMs} ms`;
  const cause = (typeof e.cause === 'object' && e.cause !== null ? e.cause : {}) as ErrorLike;
  const code = typeof cause.code === 'string' ? cause.code : typeof e.code === 'string' ? e.code : undefined;
  if (code) return `connection failed: ${code}`;
  return `request failed: ${typeof e.message === 'string' ? e.message.slice(0, 200) : 'unknown error'}`;
}
