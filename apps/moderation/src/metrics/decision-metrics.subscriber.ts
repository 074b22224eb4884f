import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntitySubscriberInterface,
  InsertEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { CommentDecisionEntity } from '../comments/comment-decision.entity';
import { deciderOf, ModerationMetrics } from './moderation.metrics';

type Observation = () => void;
interface RunnerData {
  decisionMetrics?: Observation[];
}

/**
 * Counts every decision where it is recorded through TypeORM: each audit row of comment_decisions,
 * reader reports or a moderator's (automatic decisions are written in one SQL statement and counted
 * by ModerateSubmissionHandler). Counted when the transaction commits (a rolled-back decision never
 * happened); a moderator's decision also feeds the time-to-human-decision histogram.
 */
@Injectable()
export class DecisionMetricsSubscriber implements EntitySubscriberInterface<CommentDecisionEntity> {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly metrics: ModerationMetrics,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo(): typeof CommentDecisionEntity {
    return CommentDecisionEntity;
  }

  async afterInsert(event: InsertEvent<CommentDecisionEntity>): Promise<void> {
    const d = event.entity;
    const observations: Observation[] = [() => this.metrics.decisionRecorded(d)];
    if (deciderOf(d.actor) === 'moderator') {
      const [row] = await event.manager.query<{ submitted_at: Date; decided_at: Date }[]>(
        `SELECT submitted_at, decided_at FROM moderation.comments WHERE id = $1`,
        [d.commentId],
      );
      if (row) observations.push(() => this.metrics.humanDecision(row.submitted_at, row.decided_at));
    }
    const runner = event.queryRunner;
    if (runner.isTransactionActive) {
      const data = runner.data as RunnerData;
      (data.decisionMetrics ??= []).push(...observations);
    } else {
      observations.forEach((o) => o());
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as RunnerData;
    data.decisionMetrics?.forEach((o) => o());
    data.decisionMetrics = undefined;
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    (event.queryRunner.data as RunnerData).decisionMetrics = undefined;
  }
}
