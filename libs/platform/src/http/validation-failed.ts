import { BadRequestException } from '@nestjs/common';
import type { FieldViolation } from '@replyguard/contracts';

/** The answer to a request whose fields break their rules: the shape every validation failure has. */
export function validationFailed(fields: FieldViolation[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: 'VALIDATION_FAILED',
    message: fields.flatMap((f) => f.messages),
    fields,
  });
}
