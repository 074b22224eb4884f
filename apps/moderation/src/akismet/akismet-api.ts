import type { Provider, Type } from '@nestjs/common';
import { AkismetHttpController } from './akismet.http.controller';
import { ApiKeysAdminHandler } from './api-keys/api-keys-admin.handler';
import { ApiKeysAdminHttpController } from './api-keys/api-keys-admin.http.controller';
import { SiteApiKeysRepository } from './api-keys/site-api-keys.repository';
import { CheckCommentHandler } from './check-comment/check-comment.handler';
import { SubmitFeedbackHandler } from './feedback/submit-feedback.handler';
import { AkismetKeysHandler } from './verify-key/akismet-keys.handler';

/** The Akismet-compatible API and the admin routes that issue its keys. */
export const akismetControllers: Type[] = [AkismetHttpController, ApiKeysAdminHttpController];

export const akismetProviders: Provider[] = [
  SiteApiKeysRepository,
  ApiKeysAdminHandler,
  AkismetKeysHandler,
  CheckCommentHandler,
  SubmitFeedbackHandler,
];
