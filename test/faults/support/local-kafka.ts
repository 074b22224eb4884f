/**
 * The broker tool and the faults project's ports; no path aliases, so the global setup can load it. The
 * ports (and the controller port above each) sit below Linux's ephemeral range (32768–60999) and apart
 * from the services' range (21000–28999): at 39292 a broker once found its port taken as the local port
 * of an outgoing connection and the broker-kill fault failed to start (28 November 2026).
 */
export const SHARED_BROKER_PORT = 31192;
export const KILL_BROKER_PORT = 31292;
/** The broker the broker-freeze test stops (SIGSTOP) and resumes. */
export const FREEZE_BROKER_PORT = 31392;

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
