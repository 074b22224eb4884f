/**
 * kafkajs 2.2.4's request queue re-armed a 1 ms timer forever once a connection had answered one
 * request (kafkajs issues #1556 and #1704, unfixed upstream): every idle connection woke its
 * process a thousand times a second. patches/kafkajs+2.2.4.patch (applied by patch-package on
 * install) returns early when nothing is pending and nothing is throttled. These tests run the
 * installed, patched class.
 */
import { createRequire } from 'node:module';

interface QueueRequest {
  entry: {
    correlationId: number;
    apiKey: number;
    apiName: string;
    apiVersion: number;
    resolve: () => void;
    reject: (error: unknown) => void;
  };
  expectResponse: boolean;
  sendRequest: () => void;
}

interface RequestQueue {
  push(request: QueueRequest): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
}

type RequestQueueClass = new (options: {
  maxInFlightRequests: number | null;
  requestTimeout: number;
  enforceRequestTimeout: boolean;
  clientId: string;
  broker: string;
  logger: Record<'debug' | 'info' | 'warn' | 'error', () => void>;
}) => RequestQueue;

const RequestQueueImpl = createRequire(__filename)('kafkajs/src/network/requestQueue') as RequestQueueClass;

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function setup(maxInFlightRequests: number | null = null) {
  const queue = new RequestQueueImpl({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: 'localhost:9092',
    logger: silent,
  });
  const sent: number[] = [];
  const answered: number[] = [];
  const request = (correlationId: number): QueueRequest => ({
    entry: {
      correlationId,
      apiKey: 0,
      apiName: 'Produce',
      apiVersion: 7,
      resolve: () => answered.push(correlationId),
      reject: () => {},
    },
    expectResponse: true,
    sendRequest: () => sent.push(correlationId),
  });
  const answer = (correlationId: number) =>
    queue.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });
  return { queue, sent, answered, request, answer };
}

describe('kafkajs RequestQueue (patched)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('leaves no timer behind once every request is answered', () => {
    const { queue, sent, answered, request, answer } = setup();
    queue.push(request(1));
    answer(1);
    expect(sent).toEqual([1]);
    expect(answered).toEqual([1]);
    expect(jest.getTimerCount()).toBe(0);
    // Unpatched, the queue kept one 1 ms timer alive that re-armed itself on every run.
    jest.advanceTimersByTime(50);
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });

  it('still sends a request held back by client-side throttling once the throttle ends', () => {
    const { queue, sent, request } = setup();
    queue.maybeThrottle(20);
    queue.push(request(1));
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(25);
    expect(sent).toEqual([1]);
    queue.destroy();
  });

  it('sends a request queued behind the in-flight limit when the one in flight is answered', () => {
    const { queue, sent, request, answer } = setup(1);
    queue.push(request(1));
    queue.push(request(2));
    expect(sent).toEqual([1]);
    answer(1);
    expect(sent).toEqual([1, 2]);
    answer(2);
    jest.advanceTimersByTime(50);
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });
});
