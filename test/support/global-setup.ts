import { execFileSync } from 'node:child_process';
import path from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports -- the broker tool is plain CommonJS on purpose */
const localKafka = require('../../tools/kafka/local-kafka.cjs') as {
  startLocalKafka(options: { port: number; controllerPort: number; log?: (line: string) => void }): Promise<{
    brokers: string[];
    stop(): Promise<void>;
  }>;
};

declare global {
  var __replyguardKafka: { stop(): Promise<void> } | undefined;
}

const TEST_KAFKA_PORT = 29092;

/**
 * Once per test run: a real Kafka broker (unless KAFKA_BROKERS names one) and a fresh test database
 * with every migration applied. Tests read both from the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__replyguardKafka || process.env.REPLYGUARD_TEST_INFRA_READY) return;
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  if (!process.env.KAFKA_BROKERS) {
    const broker = await localKafka.startLocalKafka({
      port: TEST_KAFKA_PORT,
      controllerPort: TEST_KAFKA_PORT + 1,
      log: (line) => process.stderr.write(`[kafka] ${line}\n`),
    });
    globalThis.__replyguardKafka = broker;
    process.env.KAFKA_BROKERS = broker.brokers.join(',');
  }
  process.env.DATABASE_URL =
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/replyguard_test';
  const root = path.resolve(__dirname, '../..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/support/prepare-database.ts'],
    {
      cwd: root,
      env: process.env,
      stdio: 'inherit',
    },
  );
  process.env.REPLYGUARD_TEST_INFRA_READY = '1';
}
