import { DomainError } from '../errors/domain-error';

/** A keyset position: the time and id of the last row of a page. */
export interface KeysetCursor {
  /** UTC with microseconds, as PostgreSQL keeps it (`keysetCursorTime` selects it so). */
  t: string;
  id: string;
}

/** The SQL that selects a row's time as a cursor's `t`: microseconds kept, so no row is skipped or repeated. */
export const keysetCursorTime = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An opaque cursor: base64url of its JSON. */
export function encodeCursor(c: KeysetCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/**
 * A cursor's time as `encodeCursor` writes it (UTC, microseconds, a real calendar instant): anything
 * else is not ours. A time PostgreSQL would refuse (30 February, year 0, hour 24) is refused here,
 * so a forged cursor is a 400 and never reaches the database as a 500.
 */
export function isCursorTime(t: unknown): t is string {
  if (typeof t !== 'string' || !/^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(t))
    return false;
  const ms = Date.parse(t);
  // JavaScript rolls 30 February over into March; a cursor we wrote reads back as itself.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === t.slice(0, 19);
}

/**
 * A keyset page from `limit + 1` rows read in cursor order: the first `limit`, and the cursor after
 * the last of them when there was one more row.
 */
export function keysetPage<R extends { cursor_time: string; id: string }>(
  rows: R[],
  limit: number,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    page,
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.cursor_time, id: last.id }) : null,
  };
}

/**
 * The position a cursor of `encodeCursor` holds, for rows with uuid ids. Anything else (not base64url
 * JSON, a time that is none, an id that is no uuid) is `VALIDATION_FAILED` naming the field `cursor`.
 */
export function decodeCursor(raw: string): KeysetCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<KeysetCursor> | null;
    if (c && isCursorTime(c.t) && typeof c.id === 'string' && UUID.test(c.id)) return { t: c.t, id: c.id };
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor must be a cursor returned by this endpoint', {
    field: 'cursor',
  });
}
