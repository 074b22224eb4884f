import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CommentApprovedV1, Topics } from '@replyguard/contracts';
import { BATCH_HANDLER, EventHandlerRunner, KafkaBatchContext } from '@replyguard/messaging';
import { PublishCommentHandler } from './publish-comment.handler';

@Controller()
export class PublishCommentMessageController {
  constructor(
    private readonly runner: EventHandlerRunner,
    private readonly handler: PublishCommentHandler,
  ) {}

  /**
   * Approvals arrive in batches, gathered from the partitions of a fetch, and are published in one
   * transaction.
   */
  @EventPattern(Topics.CommentApprovedV1, BATCH_HANDLER)
  async onApproved(@Payload() payloads: unknown[], @Ctx() context: KafkaBatchContext): Promise<void> {
    await this.runner.runBatch(
      context,
      payloads,
      CommentApprovedV1,
      async (events) => {
        await this.handler.executeBatch(events);
      },
      async (event) => {
        await this.handler.execute(event);
      },
    );
  }
}
