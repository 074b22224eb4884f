import type { SubmitCommentRequestV1 } from '@replyguard/contracts';

/** A validated submission plus what the edge knows about the request. */
export interface SubmitCommentCommand {
  request: SubmitCommentRequestV1;
  client: { ip: string | null; userAgent: string | null; referer: string | null; origin?: string | null };
  requestId: string;
}
