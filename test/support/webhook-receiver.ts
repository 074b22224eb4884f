import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** What the receiver does with its n-th request (0-based): answer with a status, or drop the connection. */
export type ReceiverBehaviour = (n: number, request: ReceivedRequest) => number | 'drop';

/** A webhook receiver on 127.0.0.1 that records every request and fails on purpose when told to. */
export async function startReceiver(
  behaviour: ReceiverBehaviour = () => 200,
  /** A fixed port, e.g. to bring a receiver back where a stopped one was; 0 picks a free one. */
  port = 0,
): Promise<{
  url: string;
  requests: ReceivedRequest[];
  setBehaviour(next: ReceiverBehaviour): void;
  close(): Promise<void>;
}> {
  const requests: ReceivedRequest[] = [];
  let current = behaviour;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      const n = requests.length;
      requests.push(request);
      const answer = current(n, request);
      if (answer === 'drop') {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'failing on purpose');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/hooks/replyguard`,
    requests,
    setBehaviour: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
