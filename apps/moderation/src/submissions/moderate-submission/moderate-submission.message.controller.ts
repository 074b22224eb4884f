import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CommentSubmittedV1, Topics } from '@replyguard/contracts';
import { BATCH_HANDLER, EventHandlerRunner, KafkaBatchContext } from '@replyguard/messaging';
import { ModerateSubmissionHandler } from './moderate-submission.handler';

@Controller()
export class ModerateSubmissionMessageController {
  constructor(
    private readonly runner: EventHandlerRunner,
    private readonly handler: ModerateSubmissionHandler,
  ) {}

  /**
   * Submissions arrive in batches, gathered from the partitions of a fetch, and are decided in one
   * transaction.
   */
  @EventPattern(Topics.CommentSubmittedV1, BATCH_HANDLER)
  onSubmitted(@Payload() payloads: unknown[], @Ctx() context: KafkaBatchContext): Promise<void> {
    return this.runner.runBatch(
      context,
      payloads,
      CommentSubmittedV1,
      (events) => this.handler.executeBatch(events),
      (event) => this.handler.execute(event),
    );
  }
}
