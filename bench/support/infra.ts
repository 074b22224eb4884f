import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase, migrateAll } from '../../tools/run/database';

/* eslint-disable @typescript-eslint/no-require-imports -- the broker tool is plain CommonJS on purpose */
const localKafka = require('../../tools/kafka/local-kafka.cjs') as {
  startLocalKafka(options: { port: number; controllerPort: number; log?: (line: string) => void }): Promise<{
    brokers: string[];
    pid: number;
    stop(): Promise<void>;
  }>;
};

export const ROOT = resolve(__dirname, '../..');
const BENCH_KAFKA_PORT = 39092;
const DEFAULT_BENCH_DB = 'postgres://postgres@127.0.0.1:5432/replyguard_bench';
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

export type ServiceName = 'ingest' | 'moderation' | 'articles';
/** BENCH_PORT_BASE moves the services' ports (and logs), so two runs can share a machine. */
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3100);
const PORTS: Record<ServiceName, number> = {
  ingest: PORT_BASE,
  moderation: PORT_BASE + 1,
  articles: PORT_BASE + 2,
};

export interface BenchInfra {
  brokers: string[];
  databaseUrl: string;
  /** Environment every service process gets. */
  env: NodeJS.ProcessEnv;
}

let infra: Promise<BenchInfra> | undefined;
let stopBroker: (() => Promise<void>) | undefined;
let brokerPid: number | undefined;
let built = false;
const running = new Map<string, ChildProcess>();

export function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/**
 * The benchmarks' own infrastructure, started once per `npm run bench`: a local broker on its own
 * port (unless KAFKA_BROKERS names one) and its own database (BENCH_DATABASE_URL, default
 * replyguard_bench), recreated and migrated, so a run never touches the dev or test data.
 */
export function benchInfra(): Promise<BenchInfra> {
  infra ??= (async () => {
    let brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
    if (brokers.length === 0) {
      log(`starting a local Kafka broker on 127.0.0.1:${BENCH_KAFKA_PORT}`);
      const broker = await localKafka.startLocalKafka({
        port: BENCH_KAFKA_PORT,
        controllerPort: BENCH_KAFKA_PORT + 1,
        log: (line) => log(`kafka: ${line}`),
      });
      stopBroker = () => broker.stop();
      brokerPid = broker.pid;
      brokers = broker.brokers;
    } else {
      brokerPid = localBrokerPid(brokers);
    }
    const databaseUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DB;
    log(`recreating and migrating ${new URL(databaseUrl).pathname.slice(1)}`);
    await ensureDatabase(databaseUrl, { recreate: true });
    await migrateAll(databaseUrl);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PII_HASH_SECRET: 'bench-only-pii-hash-secret-0123456789',
      ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      KAFKA_BROKERS: brokers.join(','),
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      INGEST_PORT: String(PORTS.ingest),
      MODERATION_PORT: String(PORTS.moderation),
      ARTICLES_PORT: String(PORTS.articles),
      // Capacity is measured here, not the abuse limits: the load comes from few addresses and one site.
      INGEST_RATE_LIMIT_PER_IP: '1000000',
      INGEST_RATE_LIMIT_PER_SITE: '100000000',
      MODERATION_RATE_LIMIT_PER_MIN: '1000000',
    };
    return { brokers, databaseUrl, env };
  })();
  return infra;
}

/** `nest build` of the three services and the baseline, once per run (BENCH_SKIP_BUILD=1 skips). */
export function buildAll(): void {
  if (built || process.env.BENCH_SKIP_BUILD) return;
  const nest = join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
  const builds: string[][] = [
    ['build', 'ingest'],
    ['build', 'moderation'],
    ['build', 'articles'],
    ['build', '-c', 'bench/baseline/nest-cli.json'],
  ];
  for (const args of builds) {
    log(`nest ${args.join(' ')}`);
    const result = spawnSync(process.execPath, [nest, ...args], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`nest ${args.join(' ')} failed`);
  }
  built = true;
}

export function serviceUrl(name: ServiceName): string {
  return `http://127.0.0.1:${PORTS[name]}`;
}

/**
 * Starts a built service as its own process, as in production: each service gets its own event
 * loop, and the load generator in this process does not share one with what it measures. Its
 * stdout/stderr go to `.cache/bench/<name>.log`.
 */
export async function startService(name: ServiceName, extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
  const { env } = await benchInfra();
  const main = join(ROOT, 'dist/apps', name, 'apps', name, 'src/main.js');
  return spawnAndWait(
    name,
    [main],
    { ...env, ...extraEnv },
    `${serviceUrl(name)}/health/ready`,
    serviceUrl(name),
  );
}

export async function startBaseline(port = 3190): Promise<string> {
  const main = join(ROOT, 'dist/bench/baseline/bench/baseline/baseline.main.js');
  const url = `http://127.0.0.1:${port}`;
  return spawnAndWait('baseline', [main, String(port)], process.env, null, url);
}

async function spawnAndWait(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyUrl: string | null,
  url: string,
): Promise<string> {
  if (running.has(name)) return url;
  const logDir = join(ROOT, PORT_BASE === 3100 ? '.cache/bench' : `.cache/bench-${PORT_BASE}`);
  mkdirSync(logDir, { recursive: true });
  const out = openSync(join(logDir, `${name}.log`), 'w');
  // BENCH_CPU_PROF_DIR=<dir>: every process writes a V8 CPU profile there when it stops.
  const profDir = process.env.BENCH_CPU_PROF_DIR;
  const prof = profDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profDir)}`] : [];
  const child = spawn(process.execPath, ['--enable-source-maps', ...prof, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, out],
  });
  running.set(name, child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited during start-up; see the .cache/bench* folder's ${name}.log`);
    try {
      const res = await fetch(readyUrl ?? `${url}/`, { signal: AbortSignal.timeout(1000) });
      if (readyUrl ? res.ok : true) return url;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} was not ready within 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The pid of a broker given by KAFKA_BROKERS that `npm run kafka -- start --port <port>` started on
 * this machine (its pid file), so that side-by-side runs on one warm broker still read its CPU.
 */
function localBrokerPid(brokers: string[]): number | undefined {
  const port = brokers.length === 1 ? /^(?:127\.0\.0\.1|localhost):(\d+)$/.exec(brokers[0])?.[1] : undefined;
  if (!port) return undefined;
  try {
    const pid = Number(readFileSync(join(ROOT, '.cache/kafka', `run-${port}`, 'broker.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) used so far by a process this harness started, or by the broker,
 * from /proc (Linux). Differences over a load phase give CPU per comment: a figure that holds on
 * a shared, noisy machine where throughput alone does not.
 */
export function cpuSeconds(name: string): number | undefined {
  const pid = name === 'kafka' ? brokerPid : running.get(name)?.pid;
  return pid ? procCpuSeconds(pid) : undefined;
}

function procCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by the Postgres backends serving the bench database (same /proc reading). */
export async function postgresCpuSeconds(): Promise<number | undefined> {
  const { databaseUrl } = await benchInfra();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    let total = 0;
    for (const { pid } of rows) total += procCpuSeconds(pid) ?? 0;
    return total;
  } finally {
    await db.end();
  }
}

/**
 * Gathers planner statistics once the first rows are in, as autovacuum does on a default
 * PostgreSQL. Without them a table filled from empty during the run is planned as if it were
 * tiny; on a server with autovacuum off (like the shared development machines) that lasts all
 * run. Returns the server's autovacuum setting, for the log.
 */
export async function analyzeBenchDatabase(): Promise<string> {
  const { databaseUrl } = await benchInfra();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ autovacuum: string }>('SHOW autovacuum');
    await db.query('ANALYZE');
    return rows[0]?.autovacuum ?? 'unknown';
  } finally {
    await db.end();
  }
}

/** Stops one process this harness started (SIGTERM, then SIGKILL after 10 s). */
export async function stopProcess(name: string): Promise<void> {
  const child = running.get(name);
  running.delete(name);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Stops every process and the broker this harness started, and nothing else. */
export async function stopBenchInfra(): Promise<void> {
  for (const name of [...running.keys()]) await stopProcess(name);
  if (stopBroker) await stopBroker();
  stopBroker = undefined;
  brokerPid = undefined;
  infra = undefined;
}
