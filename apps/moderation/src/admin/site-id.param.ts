import { IsSiteId } from '@replyguard/contracts';

export class SiteIdParamV1 {
  @IsSiteId()
  siteId!: string;
}
