import { AUTHOR_EVIDENCE_KEYS as AUTHOR_EVIDENCE } from '@replyguard/contracts';
import { dropReasonEvidenceSql } from '@replyguard/platform';
import type { StoredDecision } from '../../comments/comment.entity';

// The evidence the spam check took from the author fields (the website's domain, which of the name and
// website looked like spam): an erasure drops it; what the checks found in the text stays.

/** `withoutAuthorEvidence` (contracts) in SQL, over a jsonb decision column (`decision` of comments or their history). */
export function scrubAuthorEvidenceSql(column: string): string {
  return dropReasonEvidenceSql(column, AUTHOR_EVIDENCE);
}

/**
 * A stored decision of a comment whose text was erased too: the reason codes stay (for the record and
 * the counts), but their messages and evidence, which quote the text (matched terms, link domains),
 * go.
 */
export function scrubTextEvidence(decision: StoredDecision): StoredDecision {
  return {
    ...decision,
    reasons: decision.reasons.map((r) => ({ code: r.code, message: ERASED_REASON_MESSAGE })),
  };
}

const ERASED_REASON_MESSAGE = "(erased at the author's request)";

/** `scrubTextEvidence` in SQL, over a jsonb decision column. */
export function scrubTextEvidenceSql(column: string): string {
  return `jsonb_set(${column}, '{reasons}', COALESCE((
      SELECT jsonb_agg(jsonb_build_object('code', r->'code', 'message', to_jsonb('${ERASED_REASON_MESSAGE.replace(/'/g, "''")}'::text)) ORDER BY n)
        FROM jsonb_array_elements(${column}->'reasons') WITH ORDINALITY AS x(r, n)), '[]'::jsonb))`;
}
