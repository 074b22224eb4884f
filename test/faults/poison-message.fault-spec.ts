import { randomUUID } from 'node:crypto';
import { articleKey, CommentSubmittedV1, createEnvelope, Topics } from '@replyguard/contracts';
import {
  cleanupAll,
  createSite,
  freshDatabase,
  kafkaClient,
  readTopics,
  type ServiceProcess,
  sharedBrokers,
  startFaultServices,
} from './support/infra';
import {
  expectNothingLostNothingDoubled,
  postSubmissions,
  printCounts,
  settleAndCount,
} from './support/load';

jest.setTimeout(120_000);

describe('fault 4: poison messages on comments.submitted.v1', () => {
  let databaseUrl: string;
  let services: Record<'ingest' | 'moderation' | 'articles', ServiceProcess>;
  const brokers = sharedBrokers();

  beforeAll(async () => {
    databaseUrl = await freshDatabase('poison');
    ({ services } = await startFaultServices('poison', databaseUrl, brokers));
  });

  afterAll(cleanupAll);

  it('dead-letters them and still processes the messages behind them', async () => {
    const siteId = await createSite(databaseUrl, 'poison');
    // The same key as the real submissions that follow: the same partition, in front of them.
    const key = articleKey(siteId, 'article-0');
    const nonce = (): string => randomUUID();
    const poison = [nonce(), nonce(), nonce()];
    const wrongShape = createEnvelope(
      CommentSubmittedV1.info,
      { commentId: poison[2], siteId, content: 42 },
      { source: '/faults', subject: 'poison', correlationId: randomUUID() },
    );
    const values = [
      `{"this is": not JSON ${poison[0]}`,
      JSON.stringify({ hello: 'world', nonce: poison[1] }),
      JSON.stringify(wrongShape),
    ];
    const producer = kafkaClient(brokers).producer();
    await producer.connect();
    await producer.send({
      topic: Topics.CommentSubmittedV1,
      acks: -1,
      messages: values.map((value) => ({ key, value })),
    });
    await producer.disconnect();

    const load = await postSubmissions({
      ingestUrl: services.ingest.url,
      siteId,
      count: 50,
      ratePerSecond: 100,
      articles: 1,
    });
    const counts = await settleAndCount({
      databaseUrl,
      brokers,
      articlesUrl: services.articles.url,
      siteId,
      load,
    });
    const dlq = (await readTopics(brokers, [`${Topics.CommentSubmittedV1}.dlq`])).filter((r) =>
      poison.some((n) => r.value.includes(n)),
    );
    printCounts('poison-message', counts, { poisonSent: poison.length, deadLettered: dlq.length });
    expect(poison.map((n) => dlq.filter((r) => r.value.includes(n)).length)).toEqual([1, 1, 1]);
    for (const record of dlq) {
      expect(record.headers['x-dlq-error-code']).toBeTruthy();
      expect(record.headers['x-dlq-topic']).toBe(Topics.CommentSubmittedV1);
    }
    expectNothingLostNothingDoubled(counts);
    expect(services.moderation.running).toBe(true);
  });
});
