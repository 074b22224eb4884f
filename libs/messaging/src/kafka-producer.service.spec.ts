import { Logger } from '@nestjs/common';
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

  it('logs what the Kafka client reports through the service logger, not the console', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const loggerError = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const producer = new KafkaProducerService(config(2000));
      // Nothing listens on port 1: the client reports each refused connection.
      await expect(producer.sendBatch([{ topic: 't', messages: [{ value: 'v' }] }])).rejects.toThrow();
      // JSON lines in the services' own format (and LOG_FILE), not kafkajs's console lines.
      expect(loggerError).toHaveBeenCalledWith(expect.stringContaining('Connection error'));
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      jest.restoreAllMocks();
    }
  });
});
