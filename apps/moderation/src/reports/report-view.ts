import type { ReportReasonV1, ReportSummaryV1, ReportV1 } from '@replyguard/contracts';
import type { ReportRow, ReportSummaryRows } from './reports.repository';

/** The newest notes a queue item carries; the reports endpoint lists the rest. */
export const LATEST_NOTES = 5;

export function reportView(r: ReportRow): ReportV1 {
  // Reasons are validated on the way in (ReportRequestV1), so a stored one is one of REPORT_REASONS.
  return { reason: r.reason as ReportReasonV1, note: r.note, at: r.created_at.toISOString() };
}

export function reportSummaryView(s: ReportSummaryRows): ReportSummaryV1 {
  const count = (reason: ReportReasonV1): number => s.byReason.get(reason) ?? 0;
  return {
    byReason: {
      spam: count('spam'),
      abusive: count('abusive'),
      'off-topic': count('off-topic'),
      other: count('other'),
    },
    withNotes: s.withNotes,
    latestNotes: s.latestNotes.map(reportView),
  };
}
