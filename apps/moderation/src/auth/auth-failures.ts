import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { AuthFailures as Counter } from '@replyguard/platform';
import { moderationConfig } from '../config/moderation.config';

/** Failed authentications per client IP, at MODERATION_AUTH_FAILURES_PER_MIN (see the platform's). */
@Injectable()
export class AuthFailures extends Counter implements OnApplicationShutdown {
  constructor(@Inject(moderationConfig.KEY) config: ConfigType<typeof moderationConfig>) {
    super(config.authFailuresPerMinute);
  }

  onApplicationShutdown(): void {
    this.close();
  }
}
