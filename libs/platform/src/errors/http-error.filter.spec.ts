import { type ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { HttpErrorFilter } from './http-error.filter';

/** The filter's answer to `exception` for a request to `url`. */
function answer(exception: unknown, url: string): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ url, id: 'req-1' }) }),
  } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return sent;
}

describe(HttpErrorFilter.name, () => {
  const key = `rgk${'0a'.repeat(20)}`;

  it("never echoes a URL's query in an unknown route's 404", () => {
    const url = `/1.1/verify-key?key=${key}&blog=https%3A%2F%2Fblog.example`;
    // What Nest's router throws for a route it does not know.
    const { status, body } = answer(new NotFoundException(`Cannot GET ${url}`), url);
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'NOT_FOUND', message: 'Cannot GET /1.1/verify-key' });
    expect(JSON.stringify(body)).not.toContain(key);
  });

  it('leaves messages without the query as they are', () => {
    const { body } = answer(new BadRequestException('cursor is invalid'), '/v1/moderation/queue?cursor=x');
    expect(body).toMatchObject({ code: 'BAD_REQUEST', message: 'cursor is invalid' });
    expect(answer(new NotFoundException('Cannot GET /nowhere'), '/nowhere').body.message).toBe(
      'Cannot GET /nowhere',
    );
  });

  it("keeps the query out of Fastify's own client errors", () => {
    const url = `/v1/comments?api_key=${key}`;
    const error = Object.assign(new Error(`Body is not valid JSON for ${url}`), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    const { status, body } = answer(error, url);
    expect(status).toBe(400);
    expect(body.message).toBe('Body is not valid JSON for /v1/comments');
  });
});

describe(`${HttpErrorFilter.name}: a domain error at a field`, () => {
  it('names the field and the rule the error gives, else "domain"', () => {
    const ruled = answer(
      new DomainError('VALIDATION_FAILED', 'url must reach a public address', {
        field: 'url',
        rule: 'publicAddress',
      }),
      '/v1/admin/webhooks',
    );
    expect(ruled.status).toBe(400);
    expect(ruled.body.fields).toEqual([
      { field: 'url', rules: ['publicAddress'], messages: ['url must reach a public address'] },
    ]);
    const plain = answer(new DomainError('VALIDATION_FAILED', 'bad', { field: 'x' }), '/x');
    expect(plain.body.fields).toEqual([{ field: 'x', rules: ['domain'], messages: ['bad'] }]);
  });
});
