import { DomainError, encodeCursor } from '@replyguard/platform';
import { decodeReportCursor } from './list-reports/list-reports.handler';
import { reportSummaryView } from './report-view';

describe(reportSummaryView.name, () => {
  it('counts every reason, zero for those no reader gave, and keeps the notes newest first', () => {
    const view = reportSummaryView({
      byReason: new Map([
        ['abusive', 2],
        ['off-topic', 1],
      ]),
      withNotes: 2,
      latestNotes: [
        { reason: 'abusive', note: 'newer', created_at: new Date('2025-03-02T10:00:00Z') },
        { reason: 'off-topic', note: 'older', created_at: new Date('2025-03-01T10:00:00Z') },
      ],
    });
    expect(view).toEqual({
      byReason: { spam: 0, abusive: 2, 'off-topic': 1, other: 0 },
      withNotes: 2,
      latestNotes: [
        { reason: 'abusive', note: 'newer', at: '2025-03-02T10:00:00.000Z' },
        { reason: 'off-topic', note: 'older', at: '2025-03-01T10:00:00.000Z' },
      ],
    });
  });
});

describe(decodeReportCursor.name, () => {
  it('reads back the cursor of a page', () => {
    const c = { t: '2025-03-01T10:00:00.123456Z', id: '42' };
    expect(decodeReportCursor(encodeCursor(c))).toEqual(c);
  });

  it.each([
    ['not base64 JSON', 'nonsense'],
    ['a uuid id (a queue cursor)', encodeCursor({ t: 'x', id: '0190aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa' })],
    ['an id that is not a number', encodeCursor({ t: 'x', id: '1; DROP TABLE x' })],
  ])('refuses %s with VALIDATION_FAILED', (_what, raw) => {
    expect(() => decodeReportCursor(raw)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }) as DomainError,
    );
  });
});
