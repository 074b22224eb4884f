import { IsArticleId, IsSiteId } from '@replyguard/contracts';

export class ThreadParamsV1 {
  @IsSiteId()
  siteId!: string;

  @IsArticleId()
  articleId!: string;
}
