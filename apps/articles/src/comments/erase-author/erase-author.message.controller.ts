import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext, Payload } from '@nestjs/microservices';
import { CommentAuthorErasedV1, Topics } from '@replyguard/contracts';
import { EventHandlerRunner } from '@replyguard/messaging';
import { EraseAuthorHandler } from './erase-author.handler';

@Controller()
export class EraseAuthorMessageController {
  constructor(
    private readonly runner: EventHandlerRunner,
    private readonly handler: EraseAuthorHandler,
  ) {}

  @EventPattern(Topics.CommentAuthorErasedV1)
  onAuthorErased(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.runner.run(context, payload, CommentAuthorErasedV1, (event) => this.handler.execute(event));
  }
}
