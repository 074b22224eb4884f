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

  it('knows a database that refuses the connection itself (a FATAL answer), whatever the SQLSTATE', () => {
    // As node-postgres reports them: ALTER DATABASE … ALLOW_CONNECTIONS false during maintenance, a
    // password rotated under the service, a database dropped or renamed. No message's data ends a session.
    const fatal = (code: string, message: string) =>
      Object.assign(new Error(message), { code, severity: 'FATAL' });
    expect(
      isDependencyUnavailable(fatal('55000', 'database "rg" is not currently accepting connections')),
    ).toBe(true);
    expect(isDependencyUnavailable(fatal('28P01', 'password authentication failed for user "rg"'))).toBe(
      true,
    );
    expect(isDependencyUnavailable(fatal('3D000', 'database "rg" does not exist'))).toBe(true);
    const wrapped = Object.assign(new Error('query failed'), {
      driverError: { code: '28000', severity: 'FATAL', message: 'no pg_hba.conf entry' },
    });
    expect(isDependencyUnavailable(wrapped)).toBe(true);
  });

  it('leaves the errors of one message to the bounded retries', () => {
    expect(
      isDependencyUnavailable(
        Object.assign(new Error('could not obtain lock'), { code: '55P03', severity: 'ERROR' }),
      ),
    ).toBe(false);
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
