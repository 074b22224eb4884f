import type { CommentSubmittedV1 } from '@replyguard/contracts';

/** A verdict of a check outside the engine; the strictest verdict wins. */
export interface ServiceVerdict {
  action: 'hold' | 'reject';
  reason: { code: string; message: string; evidence?: Record<string, unknown> };
}

/**
 * A check that calls something outside this process (an HTTP service). It runs before the
 * moderation transaction, and must fail closed: an error or a timeout is a `hold` verdict.
 */
export interface ExternalCheck {
  readonly name: string;
  check(submission: CommentSubmittedV1): Promise<ServiceVerdict[]>;
}

export const EXTERNAL_CHECKS = Symbol('EXTERNAL_CHECKS');
