import { CommentSubmittedV1, parseContract, SubmitCommentRequestV1, Topics } from '@replyguard/contracts';
import type { KafkaProducerService } from '@replyguard/messaging';
import { hashPii } from '@replyguard/platform';
import type { Message } from 'kafkajs';
import type { SitesRepository } from '../../sites/sites.repository';
import { SubmitCommentHandler } from './submit-comment.handler';

const SECRET = 'unit-test-secret-0123456789';

function setup(options: { siteExists?: boolean; kafkaDown?: boolean } = {}) {
  const sent: { topic: string; messages: Message[] }[] = [];
  const sites = {
    find: () =>
      Promise.resolve(
        options.siteExists === false ? null : { active: true, allowedOrigins: ['https://news.example'] },
      ),
  } as unknown as SitesRepository;
  const producer = {
    send: (topic: string, messages: Message[]) =>
      options.kafkaDown
        ? Promise.reject(new Error('broker down'))
        : Promise.resolve(void sent.push({ topic, messages })),
  } as unknown as KafkaProducerService;
  const handler = new SubmitCommentHandler(sites, producer, { hashSecret: SECRET });
  return { handler, sent };
}

const request = (): SubmitCommentRequestV1 =>
  parseContract(SubmitCommentRequestV1, {
    siteId: 'default',
    articleId: 'china-russia-ties',
    parentId: null,
    authorName: '  Ann  ',
    authorEmail: 'ann@example.org',
    authorUrl: 'https://ann.example.org',
    content: 'Hello there.',
  });

const client = { ip: '203.0.113.9', userAgent: 'Mozilla/5.0', referer: 'https://news.example/a' };

describe(SubmitCommentHandler.name, () => {
  it('publishes a valid submission, keyed by article, with the IP hashed', async () => {
    const { handler, sent } = setup();
    const result = await handler.execute({ request: request(), client, requestId: 'r1' });
    expect(result).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'pending' });
    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe(Topics.CommentSubmittedV1);
    const message = sent[0].messages[0];
    expect(message.key).toBe('default:china-russia-ties');
    const raw = String(message.value);
    expect(raw).not.toContain('203.0.113.9');
    const envelope = JSON.parse(raw) as { correlationid: string; causationid: string; data: unknown };
    expect(envelope.correlationid).toBe(result.id);
    expect(envelope.causationid).toBe('r1');
    const data = parseContract(CommentSubmittedV1, envelope.data);
    expect(data.authorName).toBe('Ann');
    expect(data.client.ipHash).toBe(hashPii(SECRET, '203.0.113.9'));
  });

  it('answers SITE_NOT_FOUND for an unknown site and sends nothing', async () => {
    const { handler, sent } = setup({ siteExists: false });
    await expect(handler.execute({ request: request(), client, requestId: 'r2' })).rejects.toMatchObject({
      code: 'SITE_NOT_FOUND',
      httpStatus: 404,
    });
    expect(sent).toHaveLength(0);
  });

  it("refuses a browser post from an origin that is not the site's", async () => {
    const { handler, sent } = setup();
    const from = (origin: string) =>
      handler.execute({ request: request(), client: { ...client, origin }, requestId: 'r4' });
    await expect(from('https://evil.example')).rejects.toMatchObject({
      code: 'ORIGIN_NOT_ALLOWED',
      httpStatus: 403,
    });
    await expect(from('https://news.example')).resolves.toMatchObject({ status: 'pending' });
    // A page with Referrer-Policy: no-referrer: the browser withholds its origin.
    await expect(from('null')).resolves.toMatchObject({ status: 'pending' });
    expect(sent).toHaveLength(2);
  });

  it('answers SUBMISSION_NOT_DURABLE (503) when Kafka does not acknowledge', async () => {
    const { handler } = setup({ kafkaDown: true });
    await expect(handler.execute({ request: request(), client, requestId: 'r3' })).rejects.toMatchObject({
      code: 'SUBMISSION_NOT_DURABLE',
      httpStatus: 503,
    });
  });
});
