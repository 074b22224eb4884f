import type { StoredDecision } from '../../comments/comment.entity';

/**
 * Evidence the spam check took from the author fields: the website's domain and which of the name and
 * website looked like spam. An erasure drops them; what the checks found in the text stays.
 */
const AUTHOR_EVIDENCE = ['websiteDomain', 'authorSignals'] as const;

/** A stored decision without the evidence that came from the author's fields. */
export function scrubAuthorEvidence(decision: StoredDecision): StoredDecision {
  return {
    ...decision,
    reasons: decision.reasons.map((reason) => {
      if (!reason.evidence || !AUTHOR_EVIDENCE.some((key) => key in reason.evidence!)) return reason;
      const evidence = { ...reason.evidence };
      for (const key of AUTHOR_EVIDENCE) delete evidence[key];
      return { ...reason, evidence };
    }),
  };
}

/** `scrubAuthorEvidence` in SQL, over a jsonb decision column (`decision` of comments or their history). */
export function scrubAuthorEvidenceSql(column: string): string {
  const drop = AUTHOR_EVIDENCE.map((key) => ` - '${key}'`).join('');
  return `jsonb_set(${column}, '{reasons}', COALESCE((
      SELECT jsonb_agg(CASE WHEN r ? 'evidence' THEN jsonb_set(r, '{evidence}', (r->'evidence')${drop}) ELSE r END
                       ORDER BY n)
        FROM jsonb_array_elements(${column}->'reasons') WITH ORDINALITY AS x(r, n)), '[]'::jsonb))`;
}
