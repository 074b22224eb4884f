import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { ContractViolationError } from '@replyguard/contracts';
import { DomainError, HttpErrorFilter } from '@replyguard/platform';
import type { FastifyReply } from 'fastify';

export const DEBUG_HELP_HEADER = 'X-akismet-debug-help';

/**
 * Akismet's way of saying no, which its clients expect: HTTP 200, the body `invalid` for a bad key
 * (or the problem itself for a bad field), and the reason in `X-akismet-debug-help`. Anything else
 * (a failure of ours) goes to the shared filter: a 500 with a correlation id, never internals.
 */
@Catch()
export class AkismetErrorFilter implements ExceptionFilter {
  private readonly fallback = new HttpErrorFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof DomainError && exception.code === 'UNAUTHORIZED') {
      answer(reply, 'invalid', exception.message);
      return;
    }
    if (exception instanceof ContractViolationError) {
      // A missing field breaks every rule of it; saying it is missing is enough.
      const help = exception.violations
        .map((v) => v.messages[v.rules.indexOf('isNotEmpty')] ?? v.messages.join(' '))
        .join(' ');
      answer(reply, help, help);
      return;
    }
    this.fallback.catch(exception, host);
  }
}

function answer(reply: FastifyReply, body: string, help: string): void {
  // Header values are ASCII by construction (our own messages), kept on one line.
  void reply
    .status(200)
    .header('content-type', 'text/plain; charset=utf-8')
    .header(DEBUG_HELP_HEADER, help.replace(/[^\x20-\x7e]/g, '?'))
    .send(body);
}
