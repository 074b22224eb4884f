/**
 * Every error the domain raises carries one of these codes. Transports map codes, never messages:
 * HTTP to a status (see HttpErrorFilter), Kafka to retry or dead-letter.
 */
export const ErrorCodes = {
  VALIDATION_FAILED: 400,
  POLICY_INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  ORIGIN_NOT_ALLOWED: 403,
  SITE_EXISTS: 409,
  VERSION_CONFLICT: 409,
  NOT_REPORTABLE: 409,
  PARENT_NOT_PUBLISHED: 409,
  AUTHOR_ERASED: 409,
  COMMENT_ERASED: 409,
  UNKNOWN_SITES: 422,
  SITE_NOT_FOUND: 404,
  COMMENT_NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  WEBHOOK_NOT_FOUND: 404,
  DELIVERY_NOT_FOUND: 404,
  BAN_NOT_FOUND: 404,
  MODERATOR_NOT_FOUND: 404,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PARENT_NOT_FOUND: 422,
  RATE_LIMITED: 429,
  SUBMISSION_NOT_DURABLE: 503,
  DEPENDENCY_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get httpStatus(): number {
    return ErrorCodes[this.code];
  }
}
