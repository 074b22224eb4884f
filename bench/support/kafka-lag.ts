import { type Admin, Kafka, logLevel } from 'kafkajs';

/** Messages a consumer group has yet to commit on a topic (sum over partitions). */
export async function groupLag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [committed, ends] = await Promise.all([
    admin.fetchOffsets({ groupId, topics: [topic] }),
    admin.fetchTopicOffsets(topic),
  ]);
  const done = new Map<number, number>();
  for (const p of committed[0]?.partitions ?? []) done.set(p.partition, Number(p.offset));
  let lag = 0;
  for (const p of ends) {
    const low = Number(p.low);
    const at = Math.max(done.get(p.partition) ?? -1, low);
    lag += Math.max(0, Number(p.high) - at);
  }
  return lag;
}

export async function kafkaAdmin(brokers: string[]): Promise<Admin> {
  const admin = new Kafka({ clientId: 'replyguard-bench', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  return admin;
}

/** Drops every record of a topic (up to its high watermark), so a consumer starting later skips them. */
export async function truncateTopic(admin: Admin, topic: string): Promise<void> {
  // A section run alone (`--only queue`) on a fresh broker: no service has created the topic yet.
  if (!(await admin.listTopics()).includes(topic)) return;
  for (let attempt = 1; ; attempt++) {
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      const full = ends.filter((p) => Number(p.high) > Number(p.low));
      if (full.length === 0) return;
      await admin.deleteTopicRecords({
        topic,
        partitions: full.map((p) => ({ partition: p.partition, offset: '-1' })),
      });
      return;
    } catch (error) {
      // A topic created moments ago may not have its leaders yet.
      if (attempt >= 10) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
