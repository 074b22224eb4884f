import type { Decision, ReasonCode, SitePolicy } from '@replyguard/moderation-engine';

/** Reasons that say "spam"; a toxic or pre-moderated comment is not spam in Akismet's sense. */
const SPAM_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'HONEYPOT',
  'BLOCKED_EMAIL',
  'BLOCKED_IP',
  'BLOCKED_DOMAIN',
  'DUPLICATE',
  'FLOOD',
  'LINKS_OVER_LIMIT',
  'SPAM_MODEL',
]);

/** Reasons the engine always rejects for: no moderator needs to see these. */
const BLATANT_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'HONEYPOT',
  'BLOCKED_EMAIL',
  'BLOCKED_IP',
  'BLOCKED_DOMAIN',
  'DUPLICATE',
]);

export interface AkismetVerdict {
  /** `comment-check` answers `true`. */
  spam: boolean;
  /** Blatant spam: answered with `X-akismet-pro-tip: discard`, as Akismet does. */
  discard: boolean;
  /** The spam reasons behind the verdict (codes only: no personal data). */
  reasons: ReasonCode[];
}

/**
 * Akismet's yes/no from the engine's decision under the site's policy: spam when the engine would
 * hold or reject the comment for a spam reason; blatant when it would reject it for one.
 */
export function akismetVerdict(decision: Decision, policy: SitePolicy): AkismetVerdict {
  if (decision.action === 'approve') return { spam: false, discard: false, reasons: [] };
  const reasons = decision.reasons.map((r) => r.code).filter((code) => SPAM_REASONS.has(code));
  const blatant = reasons.some(
    (code) =>
      BLATANT_REASONS.has(code) ||
      (code === 'SPAM_MODEL' && decision.scores.spam >= policy.thresholds.spam.reject),
  );
  return {
    spam: reasons.length > 0,
    discard: decision.action === 'reject' && blatant,
    reasons,
  };
}
