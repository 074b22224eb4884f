/**
 * Kafka topic names. The version in the name is the version of the event carried on it: a new
 * version of an event gets a new topic beside the old one, and a published topic never changes.
 */
export const Topics = {
  /** Internal. Carries personal data (the commenter's email and an IP hash): never expose it. */
  CommentSubmittedV1: 'comments.submitted.v1',
  CommentApprovedV1: 'comments.approved.v1',
  CommentHeldV1: 'comments.held.v1',
  CommentRejectedV1: 'comments.rejected.v1',
  CommentRemovedV1: 'comments.removed.v1',
  /** A commenter's personal data was erased: copies of their comments drop their name and website. */
  CommentAuthorErasedV1: 'comments.author-erased.v1',
  /** Compacted: the latest record per site is its configuration. */
  SiteConfiguredV1: 'sites.configured.v1',
  /** Compacted, like v1; adds what ingest needs to answer WordPress comment forms. */
  SiteConfiguredV2: 'sites.configured.v2',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Dead-letter topic of a topic: messages that failed validation or exhausted their retries. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Topics whose records are configuration, kept by key (log compaction) rather than by time. */
export const COMPACTED_TOPICS: readonly string[] = [Topics.SiteConfiguredV1, Topics.SiteConfiguredV2];

/** Partition key: one article's events stay in order on one partition. */
export function articleKey(siteId: string, articleId: string): string {
  return `${siteId}:${articleId}`;
}
