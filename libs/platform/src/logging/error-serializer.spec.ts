import { QueryFailedError } from 'typeorm';
import { errorWithoutQueryValues } from './error-serializer';

describe('errorWithoutQueryValues', () => {
  it("drops a failed query's parameters and keeps its text, code and message", () => {
    const driverError = Object.assign(new Error('invalid input syntax for type timestamp with time zone'), {
      code: '22007',
      parameters: ['Pat Reader', 'Mozilla/5.0 (X11)'],
    });
    const error = new QueryFailedError(
      'INSERT INTO moderation.comments (author_name, user_agent) VALUES ($1, $2)',
      ['Pat Reader', 'Mozilla/5.0 (X11)'],
      driverError,
    );
    const logged = errorWithoutQueryValues(error) as Record<string, unknown>;
    const text = JSON.stringify(logged);
    expect(text).not.toContain('Pat Reader');
    expect(text).not.toContain('Mozilla');
    expect(logged.query).toBe('INSERT INTO moderation.comments (author_name, user_agent) VALUES ($1, $2)');
    expect(logged.message).toBe('invalid input syntax for type timestamp with time zone');
    expect(logged.type).toBe('QueryFailedError');
    expect(typeof logged.stack).toBe('string');
  });

  it('leaves other errors as pino shows them, and what is not an error as it is', () => {
    const logged = errorWithoutQueryValues(Object.assign(new Error('boom'), { code: 'E_BOOM' })) as Record<
      string,
      unknown
    >;
    expect(logged).toMatchObject({ type: 'Error', message: 'boom', code: 'E_BOOM' });
    expect(errorWithoutQueryValues('just text')).toBe('just text');
  });
});
