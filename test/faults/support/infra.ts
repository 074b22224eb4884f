import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@replyguard/contracts';
import { ensureDatabase, migrateAll } from '../../../tools/run/database';
import { recordStarted } from './leftovers';
import { localKafka, type LocalKafka } from './local-kafka';

export const ROOT = resolve(__dirname, '../../..');
/** The throwaway PostgreSQL cluster of the Postgres-restart test (never the shared 5432). */
export const THROWAWAY_PG_PORT = 55432;
export const ADMIN_TOKEN = 'faults-admin-token-0123456789abcdef';
const SHARED_PG = 'postgres://postgres@127.0.0.1:5432';
const LOG_DIR = join(ROOT, '.cache/faults');

export { FREEZE_BROKER_PORT, KILL_BROKER_PORT, type LocalKafka, SHARED_BROKER_PORT } from './local-kafka';

export function say(line: string): void {
  process.stderr.write(`[faults] ${line}\n`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Everything a test started, stopped by `cleanupAll` (afterAll) or, failing that, at exit. */
const cleanups = new Map<string, { async: () => Promise<void>; sync: () => void }>();
process.once('exit', () => {
  for (const c of cleanups.values()) {
    try {
      c.sync();
    } catch {
      /* best effort */
    }
  }
});

export async function cleanupAll(): Promise<void> {
  for (const [key, c] of [...cleanups].reverse()) {
    cleanups.delete(key);
    const started = Date.now();
    try {
      await c.async();
      say(`stopped ${key} in ${Date.now() - started} ms`);
    } catch (error) {
      say(`cleanup of ${key} failed: ${String(error)}`);
    }
  }
}

export function sharedBrokers(): string[] {
  const brokers = (process.env.FAULTS_KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0)
    throw new Error('FAULTS_KAFKA_BROKERS is not set (the faults global setup sets it)');
  return brokers;
}

/**
 * Ports handed to service processes, which bind them later. They come from below Linux's ephemeral
 * range (32768–60999): a port found free there and released could be taken, before the service
 * binds it, as the local port of one of the many outgoing connections the tests open, and the
 * service died with EADDRINUSE while the readiness probe reached whatever held the port. No port
 * is handed out twice in one run.
 */
const PORT_RANGE = { first: 21000, last: 28999 };
const handedOut = new Set<number>();
let nextPort = PORT_RANGE.first + ((process.pid * 37) % (PORT_RANGE.last - PORT_RANGE.first));

export async function freePort(): Promise<number> {
  for (let tried = 0; tried <= PORT_RANGE.last - PORT_RANGE.first; tried++) {
    const port = nextPort;
    nextPort = port >= PORT_RANGE.last ? PORT_RANGE.first : port + 1;
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port between ${PORT_RANGE.first} and ${PORT_RANGE.last}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

// ------------------------------------------------------------------------------------------------
// Kafka
// ------------------------------------------------------------------------------------------------

/** A broker of the test's own, on its own ports and data dir, registered for cleanup. */
export async function startOwnBroker(
  port: number,
  options: { keepData?: boolean } = {},
): Promise<LocalKafka> {
  const broker = await localKafka.startLocalKafka({
    port,
    controllerPort: port + 1,
    dataDir: join(ROOT, `.cache/kafka/faults-${port}`),
    keepData: options.keepData ?? false,
    log: (line) => say(`kafka ${port}: ${line}`),
  });
  recordStarted({ pid: broker.pid, match: `faults-${port}` });
  cleanups.set(`broker-${port}`, {
    async: () => broker.stop(),
    sync: () => {
      try {
        process.kill(broker.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    },
  });
  return broker;
}

export function kafkaClient(brokers: string[]): Kafka {
  return new Kafka({
    clientId: `faults-${randomUUID().slice(0, 8)}`,
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 2000 },
  });
}

/**
 * Creates the topics and starts the test's consumer groups at the current end of every topic, so the
 * services read only what this test produces, not what earlier tests left on a shared broker.
 */
export async function prepareTopicsAndGroups(
  brokers: string[],
  groupPrefix: string,
): Promise<{ submittedStart: number }> {
  let submittedStart = 0;
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    const topics = Object.values(Topics) as string[];
    const wanted = [...topics, ...topics.map((t) => `${t}.dlq`)];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: topic.endsWith('.dlq') ? 1 : 6,
          replicationFactor: 1,
          configEntries:
            topic === Topics.SiteConfiguredV1 ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
        })),
      });
    }
    // The two busy streams only (each setOffsets costs kafkajs seconds); the rest are a few records.
    await Promise.all(
      (
        [
          ['moderation', Topics.CommentSubmittedV1],
          ['articles', Topics.CommentApprovedV1],
        ] as const
      ).map(async ([service, topic]) => {
        // A fresh topic's leaders may not be known to this client yet: refresh its metadata and retry.
        const offsets = await retrying(async () => {
          await admin.fetchTopicMetadata({ topics: [topic] });
          return admin.fetchTopicOffsets(topic);
        });
        const partitions = offsets.map((o) => ({ partition: o.partition, offset: o.high }));
        if (topic === Topics.CommentSubmittedV1)
          submittedStart = offsets.reduce((n, o) => n + Number(o.high), 0);
        await admin.setOffsets({ groupId: `${groupPrefix}-${service}`, topic, partitions });
      }),
    );
  } finally {
    await admin.disconnect();
  }
  return { submittedStart };
}

/** Retries a call that fails while a fresh topic's leaders are still being elected. */
async function retrying<T>(call: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(250);
    }
  }
}

/** Sum over partitions of a group's committed offsets on a topic (-1 = none counts as 0). */
export async function committedOffsets(brokers: string[], groupId: string, topic: string): Promise<number> {
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (entry?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

export interface ReadRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/**
 * Every record now on the topics, read from the start up to each partition's high watermark with a
 * fresh consumer group: what a consumer would see, independent of the services' own groups.
 */
export async function readTopics(
  brokers: string[],
  topics: string[],
  timeoutMs = 60_000,
): Promise<ReadRecord[]> {
  const kafka = kafkaClient(brokers);
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      const offsets = await retrying(async () => {
        await admin.fetchTopicMetadata({ topics: [topic] });
        return admin.fetchTopicOffsets(topic);
      });
      for (const o of offsets) {
        if (BigInt(o.high) > BigInt(o.low)) remaining.set(`${topic}/${o.partition}`, BigInt(o.high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const records: ReadRecord[] = [];
  if (remaining.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `faults-reader-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    let finish: () => void = () => undefined;
    const done = new Promise<void>((r) => (finish = r));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const key = `${batch.topic}/${batch.partition}`;
        const high = remaining.get(key);
        for (const m of batch.messages) {
          if (high === undefined || BigInt(m.offset) >= high) continue;
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(m.headers ?? {})) headers[k] = String(v);
          records.push({
            topic: batch.topic,
            partition: batch.partition,
            offset: m.offset,
            key: m.key?.toString() ?? null,
            value: m.value?.toString() ?? '',
            headers,
          });
        }
        if (high !== undefined && BigInt(batch.lastOffset()) + 1n >= high) remaining.delete(key);
        if (remaining.size === 0) finish();
      },
    });
    const timer = sleep(timeoutMs).then(() => {
      throw new Error(`reading ${topics.join(', ')} timed out; ${remaining.size} partitions unread`);
    });
    await Promise.race([done, timer]);
  } finally {
    await consumer.disconnect();
  }
  return records;
}

// ------------------------------------------------------------------------------------------------
// PostgreSQL
// ------------------------------------------------------------------------------------------------

/** A fresh, migrated database `replyguard_faults_<name>` on the shared PostgreSQL (5432) or another. */
export async function freshDatabase(name: string, server = SHARED_PG): Promise<string> {
  const url = `${server}/replyguard_faults_${name}`;
  await ensureDatabase(url, { recreate: true });
  await migrateAll(url);
  return url;
}

export async function withDb<T>(url: string, fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** A site known to ingest and moderation, with the flood limit lifted (all comments come from 127.0.0.1). */
export async function createSite(url: string, label: string): Promise<string> {
  const id = `faults-${label}-${randomUUID().slice(0, 8)}`;
  await withDb(url, async (db) => {
    await db.query('INSERT INTO ingest.sites (id, name) VALUES ($1, $1)', [id]);
    await db.query('INSERT INTO moderation.sites (id, name, policy) VALUES ($1, $1, $2)', [
      id,
      JSON.stringify({ flood: { maxPerWindow: 100_000, windowSeconds: 60 } }),
    ]);
  });
  return id;
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

/**
 * A throwaway PostgreSQL 15 cluster (initdb + pg_ctl, trust auth) in a temp dir owned by the
 * `postgres` OS user, on its own port: the shared server on 5432 is never restarted.
 */
export class ThrowawayPostgres {
  readonly url: string;
  private readonly dir: string;
  private readonly asPostgres: boolean;

  constructor(readonly port = THROWAWAY_PG_PORT) {
    this.url = `postgres://postgres@127.0.0.1:${port}`;
    this.asPostgres = process.getuid?.() === 0;
    this.dir = mkdtempSync(join(tmpdir(), 'replyguard-faults-pg-'));
  }

  private run(bin: string, args: string[]): void {
    const command = join(PG_BIN, bin);
    // Run from the throwaway folder, which the postgres user owns: a root-only working directory (a CI
    // checkout under a private mktemp folder) makes pg_ctl warn that it cannot change to it.
    const options = { stdio: 'pipe' as const, cwd: this.dir };
    if (this.asPostgres) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], options);
    else execFileSync(command, args, options);
  }

  init(): void {
    if (this.asPostgres) {
      const { uid, gid } = postgresUser();
      chownSync(this.dir, uid, gid);
    }
    recordStarted({ pgData: join(this.dir, 'data') });
    cleanups.set(`postgres-${this.port}`, { async: async () => this.destroy(), sync: () => this.destroy() });
    this.run('initdb', [
      '-D',
      join(this.dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
  }

  start(): void {
    const log = join(this.dir, 'server.log');
    try {
      // 60 s, not 30: one clean-clone run on 28 November 2026, on a box loaded by two other jobs, failed
      // here with "could not start server"; why was lost with the folder, hence the log tail below.
      this.run('pg_ctl', [
        '-D',
        join(this.dir, 'data'),
        '-l',
        log,
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=100`,
        'start',
      ]);
    } catch (e) {
      // The folder, and with it the server's own account of why, is removed at cleanup: keep it in the error.
      const tail = existsSync(log)
        ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n')
        : '(no server log)';
      throw new Error(`${(e as Error).message}\n--- server.log ---\n${tail}`);
    }
  }

  /** `immediate`: no checkpoint, like a crash; the next start recovers from the WAL. */
  stop(mode: 'immediate' | 'fast' = 'fast'): void {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', mode, '-w', '-t', '30', 'stop']);
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      /* not running */
    }
    try {
      mkdirSync(LOG_DIR, { recursive: true });
      copyFileSync(join(this.dir, 'server.log'), join(LOG_DIR, `postgres-${this.port}.log`));
    } catch {
      /* no log yet */
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

// ------------------------------------------------------------------------------------------------
// Services as processes
// ------------------------------------------------------------------------------------------------

export type ServiceName = 'ingest' | 'moderation' | 'articles';

export interface ServiceEnv {
  label: string;
  databaseUrl: string;
  brokers: string[];
  groupPrefix: string;
  extra?: NodeJS.ProcessEnv;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

/** One built service run as `node dist/apps/<name>/apps/<name>/src/main.js`, as in production. */
export class ServiceProcess {
  readonly url: string;
  private child?: ChildProcess;
  private exit?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private starts = 0;

  constructor(
    readonly name: ServiceName,
    private readonly port: number,
    private readonly env: ServiceEnv,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async create(name: ServiceName, env: ServiceEnv): Promise<ServiceProcess> {
    return new ServiceProcess(name, await freePort(), env);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    mkdirSync(LOG_DIR, { recursive: true });
    const logFile = join(LOG_DIR, `${this.env.label}-${this.name}.log`);
    const out = openSync(logFile, this.starts++ === 0 ? 'w' : 'a');
    const portVar = `${this.name.toUpperCase()}_PORT`;
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', join(ROOT, 'dist/apps', this.name, 'apps', this.name, 'src/main.js')],
      {
        cwd: ROOT,
        stdio: ['ignore', out, out],
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          KAFKAJS_NO_PARTITIONER_WARNING: '1',
          DATABASE_URL: this.env.databaseUrl,
          DATABASE_POOL_SIZE: '10',
          KAFKA_BROKERS: this.env.brokers.join(','),
          KAFKA_GROUP_PREFIX: this.env.groupPrefix,
          ADMIN_TOKEN,
          OUTBOX_POLL_MS: '50',
          POLICY_CACHE_MS: '500',
          // Every load comes from 127.0.0.1: lift ingest's per-IP and per-site rate limits.
          INGEST_RATE_LIMIT_PER_IP: '1000000',
          INGEST_RATE_LIMIT_PER_SITE: '100000000',
          [portVar]: String(this.port),
          ...this.env.extra,
        },
      },
    );
    closeSync(out);
    if (child.pid) recordStarted({ pid: child.pid, match: `dist/apps/${this.name}/` });
    this.child = child;
    this.exit = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
    const key = `service-${this.env.label}-${this.name}`;
    cleanups.set(key, {
      async: () => this.stop(),
      sync: () => {
        if (this.running) child.kill('SIGKILL');
      },
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited during start-up; see ${logFile}`);
      try {
        const res = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
        // Only our own process counts: if it died, whatever else answers on the port does not.
        if (res.ok && this.running) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`${this.name} was not ready within ${timeoutMs} ms; see ${logFile}`);
      await sleep(200);
    }
  }

  /** Sends a signal and waits for the exit (SIGKILL after `timeoutMs`); returns how it ended. */
  async signal(signal: NodeJS.Signals, timeoutMs = 15_000): Promise<ExitInfo> {
    const started = Date.now();
    if (!this.child || !this.exit) throw new Error(`${this.name} was never started`);
    if (this.running) this.child.kill(signal);
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    const { code, signal: by } = await this.exit;
    clearTimeout(timer);
    return { code, signal: by, ms: Date.now() - started };
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const exit = await this.signal('SIGTERM', 10_000);
    if (exit.code !== 0)
      say(`${this.env.label} ${this.name} stopped with ${exit.code ?? exit.signal} after ${exit.ms} ms`);
  }
}

/** The three services of one test, started in dependency order. */
/**
 * What every fault test starts with: consumer groups of its own placed at the topics' current end
 * (earlier tests' messages are not its work), and the three services as real processes.
 */
export async function startFaultServices(label: string, databaseUrl: string, brokers: string[]) {
  const groupPrefix = `faults-${label}-${randomUUID().slice(0, 8)}`;
  const { submittedStart } = await prepareTopicsAndGroups(brokers, groupPrefix);
  const services = await startServices({ label, databaseUrl, brokers, groupPrefix });
  return { groupPrefix, submittedStart, services };
}

export async function startServices(env: ServiceEnv): Promise<Record<ServiceName, ServiceProcess>> {
  const services = {
    moderation: await ServiceProcess.create('moderation', env),
    articles: await ServiceProcess.create('articles', env),
    ingest: await ServiceProcess.create('ingest', env),
  };
  const started = Date.now();
  await Promise.all(Object.values(services).map((s) => s.start()));
  say(`${env.label}: services ready in ${Date.now() - started} ms`);
  return services;
}
