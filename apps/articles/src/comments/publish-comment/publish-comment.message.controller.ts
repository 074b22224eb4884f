import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext, Payload } from '@nestjs/microservices';
import { CommentApprovedV1, Topics } from '@replyguard/contracts';
import { EventHandlerRunner } from '@replyguard/messaging';
import { PublishCommentHandler } from './publish-comment.handler';

@Controller()
export class PublishCommentMessageController {
  constructor(
    private readonly runner: EventHandlerRunner,
    private readonly handler: PublishCommentHandler,
  ) {}

  @EventPattern(Topics.CommentApprovedV1)
  async onApproved(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.runner.run(context, payload, CommentApprovedV1, async (event) => {
      await this.handler.execute(event);
    });
  }
}
