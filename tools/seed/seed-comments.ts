import { Client } from 'pg';

/**
 * `tsx tools/seed/seed-comments.ts [--count 1000000] [--sites 20]`: writes comments straight into
 * moderation.comments with generate_series (no Kafka, no services), for benchmarks and for trying
 * the moderator queues at scale. Spread: `--sites` sites (bench-site-00 … plus the "default" site),
 * 2,000 articles, statuses approved 70 % / held 20 % / rejected 8 % / reported 2 %, submitted over
 * the last 90 days; each reported comment has its three readers' reports (reasons, two with notes).
 * Rows carry hashes, never real emails or IPs. Idempotent per id prefix: rows it wrote earlier are
 * kept (ON CONFLICT DO NOTHING), so run it on a fresh database for exact counts.
 */
export async function seedComments(
  databaseUrl: string,
  options: { count: number; sites: number; log?: (line: string) => void },
): Promise<{ inserted: number; ms: number }> {
  const log = options.log ?? (() => undefined);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const started = Date.now();
  try {
    const siteIds = Array.from(
      { length: options.sites },
      (_, i) => `bench-site-${String(i).padStart(2, '0')}`,
    );
    await db.query(
      `INSERT INTO moderation.sites (id, name) SELECT s, s FROM unnest($1::text[]) AS s ON CONFLICT DO NOTHING`,
      [siteIds],
    );
    const all = ['default', ...siteIds];
    const chunk = 200_000;
    let inserted = 0;
    for (let from = 1; from <= options.count; from += chunk) {
      const to = Math.min(options.count, from + chunk - 1);
      // md5-derived UUIDs: deterministic, unique per row number, uniformly spread in the index.
      const result = await db.query(
        `INSERT INTO moderation.comments
           (id, site_id, article_id, parent_id, depth, author_name, author_email_hash, author_url, content,
            content_hash, ip_hash, user_agent, referer, status, decision, submitted_at, decided_at, decided_by,
            version, published, report_count)
         SELECT md5('seed-' || n)::uuid,
                ($3::text[])[1 + (n % array_length($3::text[], 1))],
                'article-' || (n % 2000),
                NULL, 1,
                'Reader ' || n,
                md5('email-' || (n % 50000)),
                NULL,
                'Seeded comment number ' || n || ' about the article; a sentence or two of ordinary text.',
                md5('content-' || n),
                md5('ip-' || (n % 80000)),
                'Mozilla/5.0 (seed)', NULL,
                s.status,
                jsonb_build_object('action', s.action, 'reasons', '[]'::jsonb,
                  'scores', jsonb_build_object('spam', 0.1, 'toxicity', 0.05, 'hate', 0.0), 'modelVersions', '{}'::jsonb),
                now() - make_interval(secs => (n::bigint * 7919 % 7776000)::int),
                now() - make_interval(secs => (n::bigint * 7919 % 7776000)::int) + interval '40 milliseconds',
                'auto', 1, s.status = 'approved', CASE WHEN s.status = 'reported' THEN 3 ELSE 0 END
           FROM generate_series($1::int, $2::int) AS n
           CROSS JOIN LATERAL (
             SELECT CASE WHEN n % 100 < 70 THEN 'approved' WHEN n % 100 < 90 THEN 'held'
                         WHEN n % 100 < 98 THEN 'rejected' ELSE 'reported' END AS status,
                    CASE WHEN n % 100 < 70 THEN 'approve' WHEN n % 100 < 90 THEN 'hold'
                         WHEN n % 100 < 98 THEN 'reject' ELSE 'approve' END AS action
           ) AS s
         ON CONFLICT DO NOTHING`,
        [from, to, all],
      );
      inserted += result.rowCount ?? 0;
      log(`seeded ${to.toLocaleString('en')} / ${options.count.toLocaleString('en')}`);
    }
    // The reports behind report_count 3, so the reported queue's report summaries have rows to read.
    await db.query(
      `INSERT INTO moderation.reports (comment_id, reporter_hash, reason, note, created_at)
       SELECT c.id, md5(c.id::text || '-reader-' || r),
              (ARRAY['spam', 'abusive', 'off-topic', 'other'])[1 + (r + get_byte(decode(md5(c.id::text), 'hex'), 0)) % 4],
              CASE WHEN r < 3 THEN 'Seeded reader note ' || r || ': this comment should not be here.' END,
              c.decided_at + make_interval(mins => r)
         FROM moderation.comments c CROSS JOIN generate_series(1, 3) AS r
        WHERE c.status = 'reported' AND c.user_agent = 'Mozilla/5.0 (seed)'
       ON CONFLICT DO NOTHING`,
    );
    // A fresh visibility map lets the queue index serve scans without visiting the heap first.
    await db.query('VACUUM (ANALYZE) moderation.comments');
    await db.query('VACUUM (ANALYZE) moderation.reports');
    return { inserted, ms: Date.now() - started };
  } finally {
    await db.end();
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (require.main === module) {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/replyguard';
  seedComments(url, {
    count: arg('--count', 1_000_000),
    sites: arg('--sites', 20),
    log: (line) => process.stderr.write(`${line}\n`),
  })
    .then(({ inserted, ms }) =>
      process.stdout.write(`inserted ${inserted} comments in ${(ms / 1000).toFixed(1)} s\n`),
    )
    .catch((error: unknown) => {
      process.stderr.write(`seeding failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
