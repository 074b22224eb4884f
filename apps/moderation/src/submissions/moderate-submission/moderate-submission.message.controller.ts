import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext, Payload } from '@nestjs/microservices';
import { CommentSubmittedV1, Topics } from '@replyguard/contracts';
import { EventHandlerRunner } from '@replyguard/messaging';
import { ModerateSubmissionHandler } from './moderate-submission.handler';

@Controller()
export class ModerateSubmissionMessageController {
  constructor(
    private readonly runner: EventHandlerRunner,
    private readonly handler: ModerateSubmissionHandler,
  ) {}

  @EventPattern(Topics.CommentSubmittedV1)
  onSubmitted(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.runner.run(context, payload, CommentSubmittedV1, (event) => this.handler.execute(event));
  }
}
