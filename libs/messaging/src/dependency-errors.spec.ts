import { isDependencyUnavailable, isPermanentDataError } from './dependency-errors';

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

describe(isPermanentDataError.name, () => {
  it('knows data the database refuses for good, also when TypeORM wraps it', () => {
    const fk = Object.assign(new Error('query failed'), {
      driverError: { code: '23503', message: 'violates foreign key constraint' },
    });
    expect(isPermanentDataError(fk)).toBe(true);
    expect(isPermanentDataError(Object.assign(new Error('bad text'), { code: '22021' }))).toBe(true);
  });

  it('leaves outages, timeouts and bugs to the waits and bounded retries', () => {
    expect(isPermanentDataError(Object.assign(new Error('starting up'), { code: '57P03' }))).toBe(false);
    expect(isPermanentDataError(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBe(false);
    expect(isPermanentDataError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isPermanentDataError(new TypeError('x is undefined'))).toBe(false);
  });
});
