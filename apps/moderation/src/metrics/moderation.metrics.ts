import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TOXICITY_SIGNALS } from '@replyguard/moderation-engine';
import { MetricsRegistry, PIPELINE_DELAY_BUCKETS } from '@replyguard/platform';
import type { DataSource } from 'typeorm';

/** Who made a decision, as a bounded label: moderators are many, so they share one value. */
export type DeciderKind = 'auto' | 'readers' | 'moderator';

/** The decider kind of an audit record's actor: `auto`, `readers`, or a moderator's id. */
export function deciderOf(actor: string): DeciderKind {
  return actor === 'auto' || actor === 'readers' ? actor : 'moderator';
}

const QUEUE_DEPTH_TTL_MS = 15_000;
const HUMAN_BUCKETS = [
  10,
  30,
  60,
  300,
  900,
  1800,
  3600,
  3 * 3600,
  6 * 3600,
  12 * 3600,
  86400,
  3 * 86400,
  7 * 86400,
];

/**
 * The moderation service's own metrics. `decisionRecorded` and `humanDecision` are called for every
 * audit record (see DecisionMetricsSubscriber; ModerateSubmissionHandler writes its audit rows in
 * one SQL statement, past TypeORM's subscribers, and counts them itself); `classifier` times the
 * engine; the queue depth is read from the database when Prometheus scrapes, at most every 15 s.
 */
@Injectable()
export class ModerationMetrics {
  private readonly decisions;
  private readonly signals;
  private readonly humanLatency;
  private readonly autoDelay;
  readonly classifierSeconds;
  private depthCache?: { at: number; rows: { site_id: string; status: string; n: number }[] };

  constructor(
    metrics: MetricsRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.decisions = metrics.counter(
      'replyguard_decisions_total',
      'Decisions recorded, by who decided, action and first reason code',
      ['decider', 'action', 'reason'],
    );
    this.signals = metrics.counter(
      'replyguard_toxicity_signals_total',
      'Decisions whose toxicity or hate reason carried a signal (threat, sexual-harassment, doxxing, ...), by action and signal',
      ['action', 'signal'],
    );
    this.humanLatency = metrics.histogram(
      'replyguard_time_to_human_decision_seconds',
      'From submission to a moderator decision (decided_at - submitted_at)',
      [],
      HUMAN_BUCKETS,
    );
    this.autoDelay = metrics.histogram(
      'replyguard_auto_decision_delay_seconds',
      'From submission (accepted by ingest) to the automatic decision, by action; clock skew between machines adds in',
      ['action'],
      PIPELINE_DELAY_BUCKETS,
    );
    this.classifierSeconds = metrics.histogram(
      'replyguard_classifier_duration_seconds',
      'Time of one ModerationEngine.moderate call (rules and models)',
      [],
      [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
    );
    const depth = metrics.gauge(
      'replyguard_queue_depth',
      'Comments per site and status (refreshed at most every 15 s)',
      ['site', 'status'],
      async () => {
        const rows = await this.queueDepth();
        depth.reset();
        for (const r of rows) depth.set({ site: r.site_id, status: r.status }, r.n);
      },
    );
  }

  /**
   * Counts one audit record: by who decided (see `deciderOf`), its action and its first reason; and
   * each signal its reasons' evidence carries, once per record, so operators see which kinds of abuse
   * rise. Only the engine's fixed vocabulary (`TOXICITY_SIGNALS`) is counted, so the label stays bounded.
   */
  decisionRecorded(d: {
    actor: string;
    action: string;
    decision?: { reasons?: { code: string; evidence?: Record<string, unknown> }[] } | null;
  }): void {
    this.decisions.inc({
      decider: deciderOf(d.actor),
      action: d.action,
      reason: d.decision?.reasons?.[0]?.code ?? 'none',
    });
    const seen = new Set<string>();
    for (const reason of d.decision?.reasons ?? []) {
      const signals = reason.evidence?.signals;
      if (!Array.isArray(signals)) continue;
      for (const signal of signals)
        if (typeof signal === 'string' && TOXICITY_SIGNALS.has(signal)) seen.add(signal);
    }
    for (const signal of seen) this.signals.inc({ action: d.action, signal });
  }

  /** Call when a moderator decides a comment (also done for every non-auto audit record). */
  humanDecision(submittedAt: Date, decidedAt: Date): void {
    this.humanLatency.observe(secondsBetween(submittedAt, decidedAt));
  }

  /** Call for each automatic decision when it is stored (not for a redelivery). */
  autoDecision(action: string, submittedAt: Date, decidedAt: Date): void {
    this.autoDelay.observe({ action }, secondsBetween(submittedAt, decidedAt));
  }

  private async queueDepth(): Promise<{ site_id: string; status: string; n: number }[]> {
    const now = Date.now();
    if (this.depthCache && now - this.depthCache.at < QUEUE_DEPTH_TTL_MS) return this.depthCache.rows;
    const rows = await this.db.query<{ site_id: string; status: string; n: number }[]>(
      `SELECT site_id, status, count(*)::int AS n FROM moderation.comments GROUP BY site_id, status`,
    );
    this.depthCache = { at: now, rows };
    return rows;
  }
}

/** Seconds from `from` to `to`; never negative when clocks of different machines disagree. */
function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / 1000);
}
