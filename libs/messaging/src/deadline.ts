/** A send the broker did not acknowledge within KAFKA_ACK_TIMEOUT_MS, all told. */
export class KafkaAckTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Kafka did not acknowledge within ${timeoutMs} ms`);
    this.name = 'KafkaAckTimeoutError';
  }
}

/**
 * `work`, or a rejection with `onTimeout()` once `ms` have passed, whichever comes first. `work`
 * itself goes on (nothing can take back a produce request in flight); its later outcome is ignored.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
