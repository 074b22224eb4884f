import type { Provider } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { moderationConfig } from '../config/moderation.config';
import { AkismetAdapter } from './akismet.adapter';
import { EXTERNAL_CHECKS, type ExternalCheck } from './external-check';

/** The configured external checks; none by default. */
export const externalChecksProvider: Provider = {
  provide: EXTERNAL_CHECKS,
  inject: [moderationConfig.KEY],
  useFactory: (config: ConfigType<typeof moderationConfig>): ExternalCheck[] =>
    config.akismet ? [new AkismetAdapter(config.akismet)] : [],
};
