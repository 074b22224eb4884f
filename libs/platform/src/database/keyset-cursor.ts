import { createHash } from 'node:crypto';
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

/**
 * The list a cursor was returned for: the request's values that choose and order its rows (site,
 * status, order, filters; never the page size). A cursor carries a short hash of it, so that a
 * cursor of one list sent with another (another site, order or status) is refused instead of
 * answering a page of the wrong list at the wrong position.
 */
export type CursorScope = readonly (string | number | boolean | null | undefined)[];

const scopeTag = (scope: CursorScope): string =>
  createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 8);

/** An opaque cursor: base64url of its JSON (`s`: its list's hash, when it has a scope). */
export function encodeCursor(c: KeysetCursor | { id: string }, scope?: CursorScope): string {
  return Buffer.from(JSON.stringify(scope ? { ...c, s: scopeTag(scope) } : c)).toString('base64url');
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
  scope?: CursorScope,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    page,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ t: last.cursor_time, id: last.id }, scope) : null,
  };
}

/**
 * A cursor's JSON, or VALIDATION_FAILED naming `cursor` when it is not base64url JSON, or was
 * returned for another list than `scope` (a cursor without a list hash, written before cursors had
 * one, is taken as it is).
 */
export function readCursor(raw: string, scope?: CursorScope): Record<string, unknown> {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    c = null;
  }
  if (typeof c !== 'object' || c === null || Array.isArray(c)) throw notOurCursor();
  const tagged = c as Record<string, unknown>;
  if (scope && tagged.s !== undefined && tagged.s !== scopeTag(scope)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'cursor belongs to another list: it was returned for other parameters (site, article, status, ' +
        'order or filter); ask for the first page again without it',
      { field: 'cursor', rule: 'sameList' },
    );
  }
  return tagged;
}

/** A cursor this endpoint did not write: VALIDATION_FAILED naming `cursor`, for every list's decoder. */
export const notOurCursor = (): DomainError =>
  new DomainError('VALIDATION_FAILED', 'cursor must be a cursor returned by this endpoint', {
    field: 'cursor',
  });

/**
 * The position a cursor of `encodeCursor` holds, for rows with uuid ids. Anything else (not base64url
 * JSON, a time that is none, an id that is no uuid, a cursor of another list than `scope`) is
 * `VALIDATION_FAILED` naming the field `cursor`.
 */
export function decodeCursor(raw: string, scope?: CursorScope): KeysetCursor {
  const c = readCursor(raw, scope);
  if (isCursorTime(c.t) && typeof c.id === 'string' && UUID.test(c.id)) return { t: c.t, id: c.id };
  throw notOurCursor();
}
