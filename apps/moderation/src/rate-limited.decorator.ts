import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

/**
 * Documents the 429 of the moderation service's rate limit (`RateLimitGuard`, a global guard, so
 * every route has it) on a controller's routes.
 */
export const ApiRateLimited = (): ClassDecorator & MethodDecorator =>
  ApiTooManyRequestsResponse({
    description:
      'RATE_LIMITED: over MODERATION_RATE_LIMIT_PER_MIN requests a minute for this bearer token (for this client IP ' +
      'without one); Retry-After says when to try again',
  });
