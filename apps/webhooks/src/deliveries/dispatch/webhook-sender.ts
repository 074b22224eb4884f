import { Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import {
  Agent as HttpAgent,
  type IncomingMessage,
  request as httpRequest,
  type RequestOptions,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { webhooksConfig, type WebhooksConfig } from '../../config/webhooks.config';
import { publicOnlyLookup, refusedHost, RESOLVE_ALL, type ResolveAll } from '../../shared/delivery-targets';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  /** Why it failed, without anything the receiver sent back (its body may hold anything). */
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one signed body. Redirects are not followed: a receiver answers where it was registered.
 * With `WEBHOOK_PRIVATE_TARGETS=refuse` a request goes only to public addresses, checked on the
 * address the socket connects to (see delivery-targets.ts), so neither the URL nor its DNS can aim
 * a delivery inside the operator's network.
 */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly http = new HttpAgent({ keepAlive: true });
  private readonly https = new HttpsAgent({ keepAlive: true });
  private readonly lookup: ReturnType<typeof publicOnlyLookup>;

  constructor(
    @Inject(webhooksConfig.KEY) private readonly config: Pick<WebhooksConfig, 'privateTargets'>,
    @Optional() @Inject(RESOLVE_ALL) resolveAll?: ResolveAll,
  ) {
    this.lookup = publicOnlyLookup(resolveAll);
  }

  async post(
    url: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const target = new URL(url);
    const refusing = this.config.privateTargets === 'refuse';
    const refused = refusing ? refusedHost(target.hostname) : undefined;
    if (refused) {
      return {
        ok: false,
        statusCode: null,
        error: `refused: ${refused} (WEBHOOK_PRIVATE_TARGETS)`,
        durationMs: 0,
      };
    }
    const secure = target.protocol === 'https:';
    const options: RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      agent: secure ? this.https : this.http,
      signal: AbortSignal.timeout(timeoutMs),
      ...(refusing ? { lookup: this.lookup as RequestOptions['lookup'] } : {}),
    };
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const request = (secure ? httpsRequest : httpRequest)(
          target,
          options,
          (response: IncomingMessage) => {
            // Nothing of the answer is kept but its status; drain it so the connection can be reused.
            response.on('error', () => undefined); // cut at the timeout while draining: nothing to keep
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
      const ok = status >= 200 && status < 300;
      const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
      return {
        ok,
        statusCode: status,
        error: ok ? null : `HTTP ${status}${redirect}`,
        durationMs: elapsed(),
      };
    } catch (error) {
      return { ok: false, statusCode: null, error: describeFailure(error, timeoutMs), durationMs: elapsed() };
    }
  }

  onModuleDestroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/** Duck-typed: errors from Node's sockets and DNS are plain objects with a `code`. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `timeout: no answer within ${timeoutMs} ms`;
  if (e.code === 'PRIVATE_ADDRESS_REFUSED' && typeof e.message === 'string') {
    return `refused: ${e.message} (WEBHOOK_PRIVATE_TARGETS)`;
  }
  const cause = (typeof e.cause === 'object' && e.cause !== null ? e.cause : {}) as ErrorLike;
  const code = typeof cause.code === 'string' ? cause.code : typeof e.code === 'string' ? e.code : undefined;
  if (code) return `connection failed: ${code}`;
  return `request failed: ${typeof e.message === 'string' ? e.message.slice(0, 200) : 'unknown error'}`;
}
