/** The broker tool and the faults project's ports; no path aliases, so the global setup can load it. */
export const SHARED_BROKER_PORT = 39192;
export const KILL_BROKER_PORT = 39292;

export interface LocalKafka {
  brokers: string[];
  pid: number;
  exited: Promise<string>;
  stop(): Promise<void>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- the broker tool is plain CommonJS on purpose */
export const localKafka = require('../../../tools/kafka/local-kafka.cjs') as {
  startLocalKafka(options: {
    port: number;
    controllerPort: number;
    dataDir?: string;
    keepData?: boolean;
    log?: (line: string) => void;
  }): Promise<LocalKafka>;
};
