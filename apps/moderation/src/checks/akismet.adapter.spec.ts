import type { CommentSubmittedV1 } from '@replyguard/contracts';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AkismetAdapter } from './akismet.adapter';

const submission: CommentSubmittedV1 = {
  commentId: '01a21d71-8c3a-7e10-9b4f-5a6b7c8d9e0f',
  siteId: 'default',
  articleId: 'a1',
  parentId: null,
  authorName: 'viagra-test-123',
  authorEmail: 'akismet-guaranteed-spam@example.com',
  authorUrl: null,
  content: 'Buy now',
  submittedAt: '2026-11-27T15:00:00.000Z',
  client: { ipHash: 'f'.repeat(64), userAgent: 'UA', referer: null },
};

/** A local stand-in for Akismet; never the internet. */
async function fakeAkismet(
  answer: (req: IncomingMessage, body: URLSearchParams, res: ServerResponse) => void,
) {
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = new URLSearchParams(raw);
      requests.push(body);
      answer(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const adapter = (url: string, timeoutMs = 500) =>
  new AkismetAdapter({ url, apiKey: 'k', blog: 'https://news.example', timeoutMs });

describe(AkismetAdapter.name, () => {
  it('holds spam, rejects blatant spam, and passes ham', async () => {
    let reply = 'true';
    let discard = false;
    const server = await fakeAkismet((_req, _body, res) => {
      res.writeHead(200, discard ? { 'x-akismet-pro-tip': 'discard' } : {});
      res.end(reply);
    });
    try {
      expect(await adapter(server.url).check(submission)).toEqual([
        expect.objectContaining({
          action: 'hold',
          reason: expect.objectContaining({ code: 'AKISMET_SPAM' }),
        }),
      ]);
      discard = true;
      expect((await adapter(server.url).check(submission))[0].action).toBe('reject');
      reply = 'false';
      discard = false;
      expect(await adapter(server.url).check(submission)).toEqual([]);
      const sent = server.requests[0];
      expect(sent.get('api_key')).toBe('k');
      expect(sent.get('comment_content')).toBe('Buy now');
      expect(sent.get('user_ip')).toBe('');
    } finally {
      await server.close();
    }
  });

  it('fails closed: an error, a bad answer or a timeout holds the comment', async () => {
    let mode: 'error' | 'invalid' | 'slow' = 'error';
    const server = await fakeAkismet((_req, _body, res) => {
      if (mode === 'error') return res.writeHead(500).end('boom');
      if (mode === 'invalid') return res.writeHead(200).end('invalid');
      setTimeout(() => res.writeHead(200).end('false'), 1000);
    });
    try {
      for (const m of ['error', 'invalid', 'slow'] as const) {
        mode = m;
        const verdicts = await adapter(server.url, 200).check(submission);
        expect(verdicts).toEqual([
          expect.objectContaining({
            action: 'hold',
            reason: expect.objectContaining({ code: 'CHECK_FAILED' }),
          }),
        ]);
      }
      expect((await adapter('http://127.0.0.1:1', 200).check(submission))[0].action).toBe('hold');
    } finally {
      await server.close();
    }
  });
});
