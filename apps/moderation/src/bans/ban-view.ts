import type { BanV1 } from '@replyguard/contracts';
import type { BanRow } from './bans.repository';

/** A ban as the API shows it: an e-mail ban's value is a keyed hash and is not shown. */
export function banView(r: BanRow, now: Date): BanV1 {
  return {
    id: r.id,
    siteId: r.site_id,
    kind: r.kind,
    value: r.kind === 'email' ? null : r.value,
    reason: r.reason,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
    liftedAt: r.lifted_at ? new Date(r.lifted_at).toISOString() : null,
    liftedBy: r.lifted_by,
    liftedByName: r.lifted_by_name,
    active: r.lifted_at === null && (r.expires_at === null || new Date(r.expires_at) > now),
  };
}
