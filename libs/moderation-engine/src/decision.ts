/** What the engine recommends doing with a submission. */
export type ModerationAction = 'approve' | 'hold' | 'reject';

/** One comment as the engine sees it. Only `content` is required. */
export interface EngineSubmission {
  content: string;
  authorName?: string;
  authorEmail?: string;
  authorUrl?: string;
  /** A form field hidden from humans; bots fill it in. */
  honeypot?: string;
}

/** Facts the caller looked up (e.g. in its database); the engine itself stays pure. */
export interface EngineContext {
  /** An earlier approved comment on this site under the same name and email. */
  trustedAuthor?: boolean;
  /** Same content by the same author on the same article within 10 minutes. */
  duplicateRecent?: boolean;
  /** Comments from this email within `policy.flood.windowSeconds` (excluding this one). */
  recentFromEmail?: number;
  /** Same as `recentFromEmail`, counted by IP hash. */
  recentFromIp?: number;
  blocked?: { email?: boolean; ipHash?: boolean; domain?: boolean };
}

/** Why a decision was taken. Stable strings: callers store them and moderators filter on them. */
export type ReasonCode =
  | 'LINKS_OVER_LIMIT'
  | 'BANNED_WORD'
  | 'SUSPECT_WORD'
  | 'DUPLICATE'
  | 'FLOOD'
  | 'HONEYPOT'
  | 'BLOCKED_EMAIL'
  | 'BLOCKED_IP'
  | 'BLOCKED_DOMAIN'
  | 'SPAM_MODEL'
  | 'TOXICITY_MODEL'
  | 'HATE_MODEL'
  | 'AIMED_PROFANITY'
  | 'AUTHOR_FIELDS'
  | 'PREMODERATION'
  | 'TRUSTED_AUTHOR'
  | 'NO_FLAGS';

/** Every reason code, for callers that validate or enumerate them. */
export const REASON_CODES: readonly ReasonCode[] = [
  'LINKS_OVER_LIMIT',
  'BANNED_WORD',
  'SUSPECT_WORD',
  'DUPLICATE',
  'FLOOD',
  'HONEYPOT',
  'BLOCKED_EMAIL',
  'BLOCKED_IP',
  'BLOCKED_DOMAIN',
  'SPAM_MODEL',
  'TOXICITY_MODEL',
  'HATE_MODEL',
  'AIMED_PROFANITY',
  'AUTHOR_FIELDS',
  'PREMODERATION',
  'TRUSTED_AUTHOR',
  'NO_FLAGS',
];

export interface DecisionReason {
  code: ReasonCode;
  /** Human-readable, for the moderator. */
  message: string;
  /** Matched terms, counts, scores, model version. Never the author's email or IP. */
  evidence?: Record<string, unknown>;
}

export interface DecisionScores {
  spam: number;
  toxicity: number;
  hate: number;
}

export interface Decision {
  action: ModerationAction;
  reasons: DecisionReason[];
  scores: DecisionScores;
  modelVersions: Record<string, string>;
}
