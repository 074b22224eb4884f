/** Node socket errors of a dependency that is down or restarting. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/**
 * PostgreSQL SQLSTATEs of a server that is restarting or out of connections: admin_shutdown,
 * crash_shutdown, cannot_connect_now, too_many_connections (class 08, connection exception, too).
 */
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/**
 * Severities of a PostgreSQL error that ends the session: the server refusing the connection itself
 * (a database closed to connections, a password that no longer matches, a database that is gone) or
 * shutting it down. No message's data causes one.
 */
const SESSION_ENDING_SEVERITIES = new Set(['FATAL', 'PANIC']);
/** node-postgres reports a cut connection without a code. */
const CUT_CONNECTION = /^Connection terminated|timeout exceeded when trying to connect/;

/** SQLSTATE of the error or of what it wraps, if any. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code } = e as { code?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * True when the database refused this message's data for good: a data exception (class 22, e.g. a
 * NUL byte in text) or an integrity constraint (class 23, e.g. a site that no longer exists).
 * Retrying gives the same answer, so such a message goes to the dead-letter topic at once.
 */
export function isPermanentDataError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23'));
}

/**
 * True when an error says a dependency (the database) is unreachable rather than that this message
 * cannot be handled: every message would fail the same way until it is back, so such a failure must
 * not use up the message's attempts or send it to the dead-letter topic.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, severity } = e as { code?: unknown; message?: unknown; severity?: unknown };
    if (
      typeof code === 'string' &&
      (SOCKET_CODES.has(code) || POSTGRES_CODES.has(code) || code.startsWith('08'))
    )
      return true;
    if (typeof severity === 'string' && SESSION_ENDING_SEVERITIES.has(severity)) return true;
    if (typeof message === 'string' && CUT_CONNECTION.test(message)) return true;
    // TypeORM wraps the driver's error; Node wraps causes.
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
