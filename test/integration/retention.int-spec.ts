import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { v7 as uuidv7 } from 'uuid';
import { createModerationApp } from '../../apps/moderation/src/moderation.app';
import { RetentionService } from '../../apps/moderation/src/retention/retention.service';
import { uniqueArticleId } from '../support/factories';
import { withDb } from '../support/fixtures';

const DAY = 86_400_000;

interface Row {
  id: string;
  author_name: string;
  author_url: string | null;
  author_email_hash: string | null;
  author_domain: string | null;
  ip_hash: string | null;
  user_agent: string | null;
  referer: string | null;
  erased_at: Date | null;
  content: string;
  decision: { reasons: { evidence?: Record<string, unknown> }[] };
}

/** Personal data kept no longer than moderation needs it: the hourly sweep, run here at a chosen time. */
describe('moderation: the retention sweep', () => {
  let app: NestFastifyApplication;
  // Now, not a date in the future: the test database holds other tests' comments, all of them recent.
  const now = new Date();

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    app = await createModerationApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  async function comment(status: string, ageDays: number): Promise<string> {
    const id = uuidv7();
    const at = new Date(now.getTime() - ageDays * DAY).toISOString();
    const decision = {
      action: status === 'approved' ? 'approve' : 'reject',
      reasons: [
        {
          code: 'SPAM_MODEL',
          message: 'Spam score 0.9',
          evidence: {
            score: 0.9,
            terms: ['cheap'],
            websiteDomain: 'cheap-pills.example',
            authorSignals: ['x'],
          },
        },
      ],
      scores: { spam: 0.9, toxicity: 0, hate: 0 },
      modelVersions: {},
    };
    await withDb(async (db) => {
      await db.query(
        `INSERT INTO moderation.comments (id, site_id, article_id, parent_id, depth, author_name, author_email_hash,
           author_url, content, content_hash, ip_hash, user_agent, referer, status, decision, submitted_at,
           decided_at, decided_by, published, report_count, author_domain, version)
         VALUES ($1, 'default', $2, NULL, 1, 'Pat Reader', 'hash-of-email', 'https://pat.example', 'Some text.',
           'hash-of-text', 'hash-of-ip', 'Mozilla/5.0', 'https://news.example/a', $3, $4, $5, $5, 'auto',
           $6, 0, 'example.org', 1)`,
        [id, uniqueArticleId('retention'), status, JSON.stringify(decision), at, status === 'approved'],
      );
      await db.query(
        `INSERT INTO moderation.comment_decisions (comment_id, actor, action, previous_status, new_status, decision)
         VALUES ($1, 'auto', $2, NULL, $3, $4)`,
        [id, decision.action, status, JSON.stringify(decision)],
      );
    });
    return id;
  }

  const rows = (ids: string[]) =>
    withDb(async (db) => {
      const { rows: found } = await db.query<Row>(
        'SELECT * FROM moderation.comments WHERE id = ANY($1::uuid[])',
        [ids],
      );
      return new Map(found.map((r) => [r.id, r]));
    });

  it("clears client data after 30 days and a rejected comment's author after 90, and leaves the rest", async () => {
    const recent = await comment('approved', 1);
    const oldApproved = await comment('approved', 40);
    const oldRejected = await comment('rejected', 40);
    const veryOldRejected = await comment('rejected', 100);
    const veryOldApproved = await comment('approved', 100);

    const sweep = await app.get(RetentionService).sweep(now);
    expect(sweep.clientData).toBeGreaterThanOrEqual(3);
    expect(sweep.rejectedAuthors).toBeGreaterThanOrEqual(1);
    const after = await rows([recent, oldApproved, oldRejected, veryOldRejected, veryOldApproved]);

    expect(after.get(recent)).toMatchObject({
      ip_hash: 'hash-of-ip',
      user_agent: 'Mozilla/5.0',
      author_name: 'Pat Reader',
    });
    for (const id of [oldApproved, oldRejected, veryOldApproved]) {
      expect(after.get(id)).toMatchObject({
        ip_hash: null,
        user_agent: null,
        referer: null,
        // The author stays: an approved comment's e-mail hash is what makes its author trusted.
        author_name: 'Pat Reader',
        author_email_hash: 'hash-of-email',
        erased_at: null,
      });
    }
    expect(after.get(veryOldRejected)).toMatchObject({
      author_name: 'Anonymous',
      author_url: null,
      author_email_hash: null,
      author_domain: null,
      ip_hash: null,
      erased_at: expect.any(Date),
      content: 'Some text.',
    });
    expect(after.get(veryOldRejected)!.decision.reasons[0].evidence).toEqual({
      score: 0.9,
      terms: ['cheap'],
    });
    const history = await withDb(
      async (db) =>
        (
          await db.query<{ decision: Row['decision'] }>(
            'SELECT decision FROM moderation.comment_decisions WHERE comment_id = $1',
            [veryOldRejected],
          )
        ).rows,
    );
    expect(JSON.stringify(history)).not.toContain('cheap-pills.example');
    expect(after.get(oldApproved)!.decision.reasons[0].evidence).toHaveProperty('websiteDomain');

    // Done once: the next sweep finds none of them.
    const again = await app.get(RetentionService).sweep(now);
    const unchanged = await rows([veryOldRejected]);
    expect(unchanged.get(veryOldRejected)!.erased_at).toEqual(after.get(veryOldRejected)!.erased_at);
    expect(again).toMatchObject({ clientData: 0, rejectedAuthors: 0 });
  });

  it("erases a comment an erasure missed, and keeps the address's hash only while a submission may arrive", async () => {
    const hash = `hash-of-late-${uuidv7()}`;
    const erasureAt = new Date(now.getTime() - 1000);
    const missed = await comment('approved', 0.5 / 24);
    const newer = await comment('approved', 0);
    const erasure = uuidv7();
    const old = uuidv7();
    await withDb(async (db) => {
      // Comments of the address: one submitted before the erasure and stored after it without being
      // erased (decided in the same instant), one submitted after it (a new comment).
      await db.query('UPDATE moderation.comments SET author_email_hash = $2 WHERE id = ANY($1::uuid[])', [
        [missed, newer],
        hash,
      ]);
      await db.query(
        `INSERT INTO moderation.erasures (id, site_id, requested_by, remove_comments, comments, removed, erased_at, author_email_hash)
         VALUES ($1, 'default', 'admin', false, 3, 0, $2, $3), ($4, 'default', 'admin', false, 0, 0, $5, $6)`,
        [erasure, erasureAt, hash, old, new Date(now.getTime() - 73 * 3_600_000), `hash-of-old-${old}`],
      );
    });

    const sweep = await app.get(RetentionService).sweep(now);
    expect(sweep.lateErasures).toBeGreaterThanOrEqual(1);
    expect(sweep.erasureHashes).toBeGreaterThanOrEqual(1);
    const after = await rows([missed, newer]);
    expect(after.get(missed)).toMatchObject({
      author_name: 'Anonymous',
      author_email_hash: null,
      ip_hash: null,
    });
    expect(after.get(missed)!.erased_at).toEqual(erasureAt);
    expect(after.get(missed)!.decision.reasons[0].evidence).not.toHaveProperty('websiteDomain');
    expect(after.get(newer)).toMatchObject({ author_name: 'Pat Reader', author_email_hash: hash });
    await withDb(async (db) => {
      const { rows: erasures } = await db.query<{
        id: string;
        comments: number;
        author_email_hash: string | null;
      }>('SELECT id, comments, author_email_hash FROM moderation.erasures WHERE id = ANY($1::uuid[])', [
        [erasure, old],
      ]);
      // The missed comment joins the erasure's count; the hash of the erasure past 72 h is cleared.
      expect(Object.fromEntries(erasures.map((e) => [e.id, [e.comments, e.author_email_hash]]))).toEqual({
        [erasure]: [4, hash],
        [old]: [0, null],
      });
      const { rows: history } = await db.query<{ action: string; reason: string }>(
        'SELECT action, reason FROM moderation.comment_decisions WHERE comment_id = $1 ORDER BY id',
        [missed],
      );
      expect(history.map((h) => h.action)).toEqual(['approve', 'erase']);
    });
    // Done once.
    expect(await app.get(RetentionService).sweep(now)).toMatchObject({ lateErasures: 0, erasureHashes: 0 });
  });
});
