import { Client } from 'pg';

/** A moderator decision kept as a labeled example (moderation.labeled_examples). */
export interface FeedbackRow {
  task: 'spam' | 'toxicity';
  label: 0 | 1;
  text: string;
}

/**
 * `--with-feedback`: the moderators' labeled examples, read from the moderation database
 * (DATABASE_URL, default the local one), ordered so that training stays deterministic.
 */
export async function loadFeedback(url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/replyguard'): Promise<FeedbackRow[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<FeedbackRow>(
      'SELECT task, label::int AS label, text FROM moderation.labeled_examples ORDER BY task, comment_id, id',
    );
    return rows;
  } finally {
    await client.end();
  }
}
