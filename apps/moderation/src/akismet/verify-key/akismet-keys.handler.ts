import { Injectable } from '@nestjs/common';
import { DomainError } from '@replyguard/platform';
import { hashApiKey, looksLikeApiKey } from '../api-keys/api-key';
import { type KeyHolder, SiteApiKeysRepository } from '../api-keys/site-api-keys.repository';

/** `verify-key`, and the key check every other Akismet call starts with. */
@Injectable()
export class AkismetKeysHandler {
  constructor(private readonly keys: SiteApiKeysRepository) {}

  /** The site the key speaks for; UNAUTHORIZED (answered `invalid`) when there is none. */
  async holderFor(key: string | null): Promise<KeyHolder> {
    if (!key) {
      throw new DomainError(
        'UNAUTHORIZED',
        'Empty "api_key" value: send the key Replyguard issued for the site',
      );
    }
    const holder = looksLikeApiKey(key) ? await this.keys.holderOf(hashApiKey(key)) : null;
    if (!holder) {
      throw new DomainError(
        'UNAUTHORIZED',
        'Invalid API key: it is unknown or revoked, or its site is closed; an administrator issues keys with ' +
          'POST /v1/admin/sites/{siteId}/api-keys and reopens a site with PATCH /v1/admin/sites/{siteId}',
      );
    }
    return holder;
  }
}
