import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  PersonalDataCommentV1,
  PersonalDataExportRequestV1,
  PersonalDataExportV1,
} from '@replyguard/contracts';
import { decodeCursor, hashEmail, keysetPage, privacyConfig } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { requireSite } from '../../sites/require-site';

interface Row {
  id: string;
  article_id: string;
  parent_id: string | null;
  author_name: string;
  author_url: string | null;
  content: string;
  status: string;
  published: boolean;
  submitted_at: Date;
  decided_at: Date;
  user_agent: string | null;
  referer: string | null;
  cursor_time: string;
}

const ALSO_HELD =
  'A keyed hash of the e-mail address and of the IP address of each comment (for trust, duplicate, flood ' +
  'and ban checks) and the e-mail domain; they cannot be turned back into the addresses.';

/**
 * What the site holds about a commenter (a data-protection access request), found like an erasure by
 * the keyed hash of their e-mail address: each comment with its name, website, text, state, times,
 * user agent and referrer, oldest first, a page at a time. Comments already erased are not found.
 */
@Injectable()
export class ExportPersonalDataHandler {
  private readonly logger = new Logger(ExportPersonalDataHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
  ) {}

  async execute(
    actor: Actor,
    siteId: string,
    request: PersonalDataExportRequestV1,
  ): Promise<PersonalDataExportV1> {
    await requireSite(this.dataSource.manager, siteId);
    const limit = request.limit ?? 50;
    const emailHash = hashEmail(this.privacy.hashSecret, request.email);
    // The list is the address's: its keyed hash, never the address, goes into the cursor's scope.
    const scope = ['export', siteId, emailHash];
    const after = request.cursor ? decodeCursor(request.cursor, scope) : undefined;
    const rows = await this.dataSource.query<Row[]>(
      `SELECT id, article_id, parent_id, author_name, author_url, content, status, published, submitted_at,
              decided_at, user_agent, referer,
              to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time
         FROM moderation.comments
        WHERE site_id = $1 AND author_email_hash = $2
          AND ($3::timestamptz IS NULL OR (submitted_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY submitted_at, id
        LIMIT $5`,
      [siteId, emailHash, after?.t ?? null, after?.id ?? null, limit + 1],
    );
    const { page, nextCursor } = keysetPage(rows, limit, scope);
    // Never the address: the site, who asked, and how much was found.
    this.logger.log({ siteId, by: actor.id, comments: page.length }, 'personal data exported');
    return {
      siteId,
      exportedAt: new Date().toISOString(),
      alsoHeld: ALSO_HELD,
      comments: page.map(view),
      nextCursor,
    };
  }
}

function view(r: Row): PersonalDataCommentV1 {
  return {
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorUrl: r.author_url,
    content: r.content,
    status: r.status,
    published: r.published,
    submittedAt: r.submitted_at.toISOString(),
    decidedAt: r.decided_at.toISOString(),
    userAgent: r.user_agent,
    referer: r.referer,
  };
}
