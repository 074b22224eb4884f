import { DEFAULT_SITE_POLICY, type EngineSubmission, type ModerationEngine, type ReasonCode, type SitePolicy } from '@replyguard/moderation-engine';
import { binaryMetrics, rocAuc, type BinaryMetrics } from './metrics';

export type Task = 'spam' | 'toxicity';

/** Which reasons count as "flagged" for a task: the engine's other checks are not this task's business. */
const TASK_REASONS: Record<Task, ReadonlySet<ReasonCode>> = {
  spam: new Set<ReasonCode>(['SPAM_MODEL', 'LINKS_OVER_LIMIT']),
  toxicity: new Set<ReasonCode>(['TOXICITY_MODEL', 'HATE_MODEL', 'AIMED_PROFANITY']),
};

export interface TaskReport extends BinaryMetrics {
  /** Flagged means held or rejected for a reason of this task, at the given policy. */
  auc: number;
  /** Share of rows rejected outright, and the precision of those rejections. */
  rejectRate: number;
  rejectPrecision: number;
}

export interface Scored {
  flagged: boolean[];
  rejected: boolean[];
  /** spam: the spam score; toxicity: the toxicity head (the hate head is reported beside it). */
  score: number[];
  toxicity: number[];
  hate: number[];
}

/** Scores each text, or each submission with its author fields (`EngineSubmission`), at `policy`. */
export function scoreTexts(engine: ModerationEngine, texts: readonly (string | EngineSubmission)[], task: Task, policy: SitePolicy = DEFAULT_SITE_POLICY): Scored {
  const out: Scored = { flagged: [], rejected: [], score: [], toxicity: [], hate: [] };
  for (const t of texts) {
    const d = engine.moderate(typeof t === 'string' ? { content: t } : t, policy);
    const own = d.reasons.some((r) => TASK_REASONS[task].has(r.code));
    out.flagged.push(own && d.action !== 'approve');
    out.rejected.push(own && d.action === 'reject');
    out.score.push(task === 'spam' ? d.scores.spam : d.scores.toxicity);
    out.toxicity.push(d.scores.toxicity);
    out.hate.push(d.scores.hate);
  }
  return out;
}

export function report(s: Scored, labels: readonly number[]): TaskReport {
  const m = binaryMetrics(s.flagged, labels);
  const rejected = s.rejected.filter(Boolean).length;
  const rejectedTrue = s.rejected.filter((r, i) => r && labels[i] === 1).length;
  return {
    ...m,
    auc: rocAuc(s.score, labels),
    rejectRate: round(labels.length ? rejected / labels.length : 0),
    rejectPrecision: round(rejected ? rejectedTrue / rejected : 0),
  };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;
