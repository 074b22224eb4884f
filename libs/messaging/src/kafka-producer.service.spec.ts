import type { ConfigType } from '@nestjs/config';
import type { kafkaConfig } from '@replyguard/platform';
import { KafkaAckTimeoutError } from './deadline';
import { KafkaProducerService } from './kafka-producer.service';

const config = (ackTimeoutMs: number) =>
  ({
    brokers: ['127.0.0.1:1'],
    ackTimeoutMs,
    produceLingerMs: 0,
    produceMaxBatch: 1000,
  }) as ConfigType<typeof kafkaConfig>;

describe(KafkaProducerService.name, () => {
  it('rejects a send the broker has not acknowledged within the ack timeout, retries and all', async () => {
    const producer = new KafkaProducerService(config(150));
    // A frozen broker: the client neither answers nor fails (it would retry, each try as long again).
    const stuck = jest.spyOn(producer, 'sendBatch').mockReturnValue(new Promise<void>(() => undefined));
    const started = Date.now();
    await expect(producer.send('t', [{ value: 'v' }])).rejects.toBeInstanceOf(KafkaAckTimeoutError);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(1000);
    expect(stuck).toHaveBeenCalledTimes(1);
  });

  it('resolves with the acknowledgement, and rejects with the client’s error, as before', async () => {
    const producer = new KafkaProducerService(config(5000));
    const send = jest.spyOn(producer, 'sendBatch').mockResolvedValue(undefined);
    await expect(producer.send('t', [{ value: 'v' }])).resolves.toBeUndefined();
    send.mockRejectedValue(new Error('broker down'));
    await expect(producer.send('t', [{ value: 'v' }])).rejects.toThrow('broker down');
  });
});
