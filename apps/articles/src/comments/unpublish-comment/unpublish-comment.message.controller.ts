import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext, Payload } from '@nestjs/microservices';
import { CommentRemovedV1, Topics } from '@replyguard/contracts';
import { EventHandlerRunner } from '@replyguard/messaging';
import { UnpublishCommentHandler } from './unpublish-comment.handler';

@Controller()
export class UnpublishCommentMessageController {
  constructor(
    private readonly runner: EventHandlerRunner,
    private readonly handler: UnpublishCommentHandler,
  ) {}

  @EventPattern(Topics.CommentRemovedV1)
  onRemoved(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.runner.run(context, payload, CommentRemovedV1, (event) => this.handler.execute(event));
  }
}
