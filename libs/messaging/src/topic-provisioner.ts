import { type Admin, Kafka, logLevel } from 'kafkajs';
import { deadLetterTopic } from '@replyguard/contracts';

export interface TopicSpec {
  topics: string[];
  partitions: number;
  replicationFactor: number;
  /** Also create `<topic>.dlq` for each consumed topic. */
  withDeadLetters?: boolean;
  /** Topic-level settings (retention, compaction) by topic name. */
  configFor?: (topic: string) => Record<string, string>;
}

/**
 * Creates the topics a service uses when they are missing (idempotent), so that no produce relies
 * on broker-side auto-creation, which is slow and racy on first use.
 */
export async function ensureTopics(brokers: string[], spec: TopicSpec): Promise<void> {
  const admin = new Kafka({
    clientId: 'replyguard-provisioner',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const wanted = new Set(spec.topics);
    if (spec.withDeadLetters) for (const t of spec.topics) wanted.add(deadLetterTopic(t));
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted].filter((t) => !existing.has(t));
    if (missing.length > 0) await create(admin, spec, missing);
    // A new topic's partitions may not answer yet (whoever created it): wait until each answers a
    // ListOffsets, so the consumers that start next do not log "not the leader" errors while the
    // metadata settles.
    await Promise.all([...wanted].map((topic) => untilAnswering(admin, topic)));
  } finally {
    await admin.disconnect();
  }
}

async function create(admin: Admin, spec: TopicSpec, missing: string[]): Promise<void> {
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: topic.endsWith('.dlq') ? 1 : spec.partitions,
        replicationFactor: spec.replicationFactor,
        configEntries: Object.entries(spec.configFor?.(topic) ?? {}).map(([name, value]) => ({
          name,
          value,
        })),
      })),
    });
  } catch (error) {
    // Another service may have created them between list and create.
    const after = new Set(await admin.listTopics());
    if (missing.some((t) => !after.has(t))) throw error;
  }
}

/**
 * Retries a ListOffsets of the topic (kafkajs's admin throws "not the leader" rather than retry it)
 * for at most `timeoutMs`. Never throws: past the limit the consumers start anyway and retry on
 * their own, as before; only their error lines would come back.
 */
async function untilAnswering(admin: Admin, topic: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await admin.fetchTopicOffsets(topic);
      return;
    } catch {
      if (Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
