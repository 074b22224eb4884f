import type { ExecutionContext } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { JsonBodyGuard } from './json-body.guard';

const withType = (contentType?: string): ExecutionContext =>
  ({
    switchToHttp: () => ({
      getRequest: () => ({ headers: contentType === undefined ? {} : { 'content-type': contentType } }),
    }),
  }) as unknown as ExecutionContext;

describe(JsonBodyGuard.name, () => {
  const guard = new JsonBodyGuard();

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])(
    'lets %j in',
    (type) => {
      expect(guard.canActivate(withType(type))).toBe(true);
    },
  );

  it.each([
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    undefined,
  ])('refuses %j with 415 UNSUPPORTED_MEDIA_TYPE', (type) => {
    expect(() => guard.canActivate(withType(type))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE', httpStatus: 415 }) as DomainError,
    );
  });
});
