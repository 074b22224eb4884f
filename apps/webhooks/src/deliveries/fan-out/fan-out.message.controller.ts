import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext, Payload } from '@nestjs/microservices';
import {
  CommentApprovedV1,
  CommentAuthorErasedV1,
  CommentHeldV1,
  CommentRejectedV1,
  CommentRemovedV1,
  Topics,
  type WebhookEventTopic,
} from '@replyguard/contracts';
import { type EventClass, EventHandlerRunner } from '@replyguard/messaging';
import { FanOutHandler } from './fan-out.handler';

/** The public decision events, each validated against its contract before it is fanned out. */
@Controller()
export class FanOutMessageController {
  constructor(
    private readonly runner: EventHandlerRunner,
    private readonly handler: FanOutHandler,
  ) {}

  @EventPattern(Topics.CommentApprovedV1)
  onApproved(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.fanOut(Topics.CommentApprovedV1, CommentApprovedV1, payload, context);
  }

  @EventPattern(Topics.CommentHeldV1)
  onHeld(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.fanOut(Topics.CommentHeldV1, CommentHeldV1, payload, context);
  }

  @EventPattern(Topics.CommentRejectedV1)
  onRejected(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.fanOut(Topics.CommentRejectedV1, CommentRejectedV1, payload, context);
  }

  @EventPattern(Topics.CommentRemovedV1)
  onRemoved(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.fanOut(Topics.CommentRemovedV1, CommentRemovedV1, payload, context);
  }

  @EventPattern(Topics.CommentAuthorErasedV1)
  onAuthorErased(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.runner.run(context, payload, CommentAuthorErasedV1, async (event) => {
      await this.handler.eraseAuthor(event);
    });
  }

  private fanOut<T extends { siteId: string }>(
    topic: WebhookEventTopic,
    eventClass: EventClass<T>,
    payload: unknown,
    context: KafkaContext,
  ): Promise<void> {
    return this.runner.run(context, payload, eventClass, async (event) => {
      await this.handler.execute(topic, event);
    });
  }
}
