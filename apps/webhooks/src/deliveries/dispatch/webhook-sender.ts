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

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timeout: no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return `connection failed: ${cause.code}`;
  return `request failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`;
}
