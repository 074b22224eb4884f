import { isDependencyUnavailable } from './dependency-errors';

describe(isDependencyUnavailable.name, () => {
  it('knows a database that is down, restarting or cut the connection', () => {
    expect(
      isDependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isDependencyUnavailable(Object.assign(new Error('starting up'), { code: '57P03' }))).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    const wrapped = Object.assign(new Error('query failed'), {
      driverError: { code: '57P01', message: 'x' },
    });
    expect(isDependencyUnavailable(wrapped)).toBe(true);
  });

  it('leaves the errors of one message to the bounded retries', () => {
    expect(isDependencyUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDependencyUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDependencyUnavailable(undefined)).toBe(false);
  });
});
