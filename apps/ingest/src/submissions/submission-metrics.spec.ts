import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError } from '@replyguard/platform';
import { refusalReason } from './submission-metrics';

describe(refusalReason.name, () => {
  it("counts a refusal under the code the client's answer carries", () => {
    expect(refusalReason(new DomainError('SITE_NOT_FOUND', 'no such site'))).toBe('SITE_NOT_FOUND');
    expect(refusalReason(new BadRequestException({ code: 'VALIDATION_FAILED', message: ['x'] }))).toBe(
      'VALIDATION_FAILED',
    );
    // The rate limit's answer is 429 RATE_LIMITED, so its count is too (it read THROTTLED).
    expect(refusalReason(new ThrottlerException())).toBe('RATE_LIMITED');
    expect(refusalReason(new PayloadTooLargeException())).toBe('HTTP_413');
    expect(refusalReason(new Error('boom'))).toBe('INTERNAL');
  });
});
