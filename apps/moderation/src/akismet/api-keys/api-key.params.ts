import { IsSiteId } from '@replyguard/contracts';
import { IsUUID } from 'class-validator';

export class ApiKeyParamsV1 {
  @IsSiteId()
  siteId!: string;

  @IsUUID('all')
  keyId!: string;
}
