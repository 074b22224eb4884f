import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, isCursorTime, keysetPage } from './keyset-cursor';

const id = '019a0000-0000-7000-8000-000000000000';
const forged = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');

describe(decodeCursor.name, () => {
  it('reads back what encodeCursor wrote, microseconds included', () => {
    const c = { t: '2026-03-01T12:34:56.123456Z', id };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('refuses a cursor of another list than the one it was returned for, naming the rule sameList', () => {
    const c = { t: '2026-03-01T12:34:56.123456Z', id };
    const queue = ['queue', 'news', 'held', 'oldest', null];
    const cursor = encodeCursor(c, queue);
    expect(decodeCursor(cursor, queue)).toEqual(c);
    expect(decodeCursor(cursor, [...queue])).toEqual(c);
    for (const other of [
      ['queue', 'news', 'reported', 'oldest', null],
      ['queue', 'news', 'held', 'newest', null],
      ['queue', 'sport', 'held', 'oldest', null],
      ['queue', 'news', 'held', 'oldest', 'an-article'],
    ]) {
      let error: unknown;
      try {
        decodeCursor(cursor, other);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'cursor', rule: 'sameList' },
      });
    }
    // One written before cursors named their list still reads, in any list.
    expect(decodeCursor(encodeCursor(c), queue)).toEqual(c);
  });

  it.each([
    ['not base64url JSON', 'not*a*cursor'],
    ['JSON null', forged(null)],
    ['no fields', forged({ nope: 1 })],
    ['a time that is none', forged({ t: 'not-a-time', id })],
    // Shapes the pattern allows but PostgreSQL refuses: each was a 500 before.
    ['30 February', forged({ t: '2026-02-30T00:00:00Z', id })],
    ['year 0', forged({ t: '0000-01-01T00:00:00Z', id })],
    ['hour 24', forged({ t: '2026-01-01T24:00:00Z', id })],
    ['a second 60', forged({ t: '2026-12-31T23:59:60Z', id })],
    ['an id of 36 dashes', forged({ t: '2026-01-01T00:00:00Z', id: '-'.repeat(36) })],
    ['an id in capitals', forged({ t: '2026-01-01T00:00:00Z', id: id.toUpperCase() })],
    ['a numeric id', forged({ t: '2026-01-01T00:00:00Z', id: 7 })],
  ])('refuses %s as VALIDATION_FAILED naming the cursor', (_what, raw) => {
    let error: unknown;
    try {
      decodeCursor(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'cursor' } });
  });
});

describe(isCursorTime.name, () => {
  it('takes the first and last instants PostgreSQL and JavaScript share', () => {
    expect(isCursorTime('0001-01-01T00:00:00Z')).toBe(true);
    expect(isCursorTime('9999-12-31T23:59:59.999999Z')).toBe(true);
  });
});

describe(keysetPage.name, () => {
  const rows = ['a', 'b', 'c'].map((x, i) => ({ id: x, cursor_time: `2026-01-01T00:00:0${i}.000000Z` }));

  it('gives the cursor after the last row of the page when one more was read', () => {
    const { page, nextCursor } = keysetPage(rows, 2);
    expect(page.map((r) => r.id)).toEqual(['a', 'b']);
    expect(JSON.parse(Buffer.from(nextCursor!, 'base64url').toString())).toEqual({
      t: '2026-01-01T00:00:01.000000Z',
      id: 'b',
    });
  });

  it("tags the cursor with its list's hash when given one, never the list's values", () => {
    const { nextCursor } = keysetPage(rows, 2, ['export', 'news', 'an-email-hash']);
    const json = Buffer.from(nextCursor!, 'base64url').toString();
    expect(JSON.parse(json)).toEqual({
      t: '2026-01-01T00:00:01.000000Z',
      id: 'b',
      s: expect.stringMatching(/^[\w-]{8}$/),
    });
    expect(json).not.toContain('an-email-hash');
  });

  it('gives no cursor on the last page', () => {
    expect(keysetPage(rows, 3).nextCursor).toBeNull();
  });
});
