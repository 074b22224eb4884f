/**
 * SQL that drops `keys` from the `evidence` of every reason of a decision held in a jsonb expression
 * (`{"reasons": [{"code", "message", "evidence"?}], ...}`), keeping the reasons in order. For erasing
 * the evidence a decision took from an author's fields, wherever a copy of the decision is stored.
 * `keys` are code constants, never input.
 */
export function dropReasonEvidenceSql(decision: string, keys: readonly string[]): string {
  const drop = keys.map((key) => ` - '${key.replace(/'/g, "''")}'`).join('');
  return `jsonb_set(${decision}, '{reasons}', COALESCE((
      SELECT jsonb_agg(CASE WHEN r ? 'evidence' THEN jsonb_set(r, '{evidence}', (r->'evidence')${drop}) ELSE r END
                       ORDER BY n)
        FROM jsonb_array_elements(${decision}->'reasons') WITH ORDINALITY AS x(r, n)), '[]'::jsonb))`;
}
