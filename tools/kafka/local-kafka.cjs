#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * A real single-node Apache Kafka broker (KRaft: broker and controller in one JVM) started from the
 * Maven Central jars, for machines without Docker. Used by `npm start`, by Jest's global setup and by CI.
 *
 * Plain CommonJS on purpose: it must be `require()`-able from a Jest globalSetup compiled to CJS and
 * runnable with `node` before anything is built.
 *
 *   node tools/kafka/local-kafka.cjs ensure                 # resolve the jars into .cache/kafka/<version>/libs
 *   node tools/kafka/local-kafka.cjs start [--port 9092]    # start in the background, print KAFKA_BROKERS=...
 *   node tools/kafka/local-kafka.cjs stop  [--port 9092]    # stop the broker started by `start` (pid file)
 *   node tools/kafka/local-kafka.cjs run   [--port 9092]    # start in the foreground, Ctrl-C stops it
 *
 * Flags: --port <n> (default 9092), --controller-port <n> (default port + 1), --data-dir <dir>
 * (default .cache/kafka/run-<port>), --keep-data (start on the existing data instead of a fresh log).
 * Environment: REPLYGUARD_KAFKA_VERSION overrides the Kafka version (default below).
 *
 * Requirements: `java` (17+) and `mvn` on the PATH; Maven Central (or a mirror in ~/.m2/settings.xml)
 * reachable the first time; ~/.m2 makes every later resolution fast.
 */

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const net = require('node:net');
const path = require('node:path');

/** Kafka version. 4.1.x is the line the notes were written against; kafkajs 2.2.4 is proven against it. */
const KAFKA_VERSION = process.env.REPLYGUARD_KAFKA_VERSION || '4.1.2';
/** SLF4J 1.7 -> log4j2 binding. Kafka's POMs do not bring one; without it the broker logs nothing. */
const LOG4J_SLF4J_IMPL_VERSION = '2.24.3';
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE_ROOT = path.join(REPO_ROOT, '.cache', 'kafka');

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
const PID_FILE = 'broker.pid';
const DEFAULT_LOG_FILE = 'broker.log';

/**
 * @typedef {(message: string) => void} Logger
 *
 * @typedef {object} StartOptions
 * @property {number} [port]            Client (PLAINTEXT) port on 127.0.0.1. Default 9092.
 * @property {number} [controllerPort]  KRaft controller port on 127.0.0.1. Default `port + 1` (9093).
 * @property {string} [dataDir]         Config, pid file, broker log and the Kafka log dirs (`<dataDir>/data`).
 *                                      Default `<repo>/.cache/kafka/run-<port>`.
 * @property {Logger} [log]             Progress messages. Default: stderr with a `[local-kafka]` prefix.
 * @property {string} [logFile]         File that receives the JVM's stdout/stderr. Default `<dataDir>/broker.log`.
 * @property {boolean} [keepData]       Start on the existing data (same ports!) instead of wiping `<dataDir>/data`.
 * @property {boolean} [detached]       Spawn the JVM detached and unref it so this process may exit and leave
 *                                      the broker running (the CLI `start`). Default false.
 * @property {boolean} [ownProcessGroup] Run the JVM in a process group of its own, still stopped when this
 *                                      process exits: a terminal's Ctrl-C then reaches the caller and its
 *                                      services, not the broker, so they shut down while it still answers
 *                                      (`npm start`). Default false.
 * @property {number} [readyTimeoutMs]  How long to wait for the broker to answer. Default 90 000.
 *
 * @typedef {object} LocalKafka
 * @property {string[]} brokers         `['127.0.0.1:<port>']`, for kafkajs `brokers`.
 * @property {number} pid               JVM process id (also in `<dataDir>/broker.pid`).
 * @property {string} dataDir
 * @property {string} logFile
 * @property {string} kafkaVersion
 * @property {Promise<string>} exited Resolves (with "code N" / "signal S") when the JVM exits, for whatever reason.
 * @property {() => Promise<void>} stop SIGTERM, wait up to 15 s, then SIGKILL. Idempotent.
 *
 * @typedef {object} TopicSpec
 * @property {string} topic
 * @property {number} [numPartitions]        Default 1.
 * @property {number} [replicationFactor]    Default 1.
 * @property {{ name: string, value: string }[]} [configEntries]
 */

/** @type {Logger} */
const defaultLog = (message) => {
  process.stderr.write(`[local-kafka] ${message}\n`);
};

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} file */
async function exists(file) {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} cmd */
function assertCommand(cmd) {
  const res = spawnSync(cmd, ['-version'], { stdio: 'ignore' });
  if (res.error) {
    throw new Error(
      `local-kafka: \`${cmd}\` was not found on the PATH (${res.error.message}); install it first`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// Jars
// ---------------------------------------------------------------------------------------------------

function pomXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Throwaway POM written by tools/kafka/local-kafka.cjs; only used to copy the broker's jars. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.replyguard</groupId>
  <artifactId>local-kafka-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>${KAFKA_VERSION}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>${LOG4J_SLF4J_IMPL_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/**
 * Resolves the broker's jars into `<repo>/.cache/kafka/<version>/libs` (git-ignored) with a throwaway
 * POM and maven-dependency-plugin. Skipped when a previous run completed (marker file). The copy goes
 * to a temporary directory that is renamed into place, so an interrupted or concurrent run never
 * leaves a half-filled `libs`.
 *
 * @param {{ log?: Logger }} [options]
 * @returns {Promise<string>} the libs directory
 */
async function ensureKafkaJars({ log = defaultLog } = {}) {
  const versionDir = path.join(CACHE_ROOT, KAFKA_VERSION);
  const libsDir = path.join(versionDir, 'libs');
  const marker = path.join(versionDir, 'libs.complete');
  const expected = JSON.stringify({ kafka: KAFKA_VERSION, log4jSlf4jImpl: LOG4J_SLF4J_IMPL_VERSION });

  const markerContent = await fsp.readFile(marker, 'utf8').catch(() => null);
  if (markerContent === expected && (await exists(libsDir))) return libsDir;

  assertCommand('mvn');
  await fsp.mkdir(versionDir, { recursive: true });
  const tmpSuffix = `tmp-${process.pid}-${Date.now()}`;
  const pom = path.join(versionDir, `pom.${tmpSuffix}.xml`);
  await fsp.writeFile(pom, pomXml());
  const tmpLibs = path.join(versionDir, `libs.${tmpSuffix}`);

  log(
    `resolving Kafka ${KAFKA_VERSION} jars with Maven into ${display(libsDir)} (first time can take minutes)`,
  );
  const started = Date.now();
  const args = [
    '-B',
    '-q',
    '-f',
    pom,
    `${DEPENDENCY_PLUGIN}:copy-dependencies`,
    '-DincludeScope=runtime',
    `-DoutputDirectory=${tmpLibs}`,
  ];
  const { code, output } = await new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { cwd: versionDir, stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, output: Buffer.concat(chunks).toString('utf8') }));
  });
  await fsp.rm(pom, { force: true });
  if (code !== 0) {
    await fsp.rm(tmpLibs, { recursive: true, force: true });
    throw new Error(`local-kafka: mvn copy-dependencies failed (exit ${code}):\n${tail(output, 60)}`);
  }
  const jars = (await fsp.readdir(tmpLibs)).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f.startsWith(`kafka_2.13-${KAFKA_VERSION}`))) {
    throw new Error(
      `local-kafka: Maven finished but kafka_2.13-${KAFKA_VERSION}.jar is missing from ${tmpLibs}`,
    );
  }

  // Another process (say `npm start` and Jest at once) may have finished first: keep its copy, which
  // may be in use already, and drop ours.
  if ((await fsp.readFile(marker, 'utf8').catch(() => null)) === expected && (await exists(libsDir))) {
    await fsp.rm(tmpLibs, { recursive: true, force: true });
    return libsDir;
  }
  // Swap into place: move a stale or half-finished libs dir aside, rename ours in, then mark complete.
  await fsp.rm(marker, { force: true });
  const stale = path.join(versionDir, `libs.stale-${tmpSuffix}`);
  await fsp.rename(libsDir, stale).catch(() => {});
  try {
    await fsp.rename(tmpLibs, libsDir);
  } catch (err) {
    await fsp.rm(tmpLibs, { recursive: true, force: true });
    if (!(await exists(libsDir))) throw err;
  }
  await fsp.rm(stale, { recursive: true, force: true });
  await fsp.writeFile(marker, expected);
  log(`resolved ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return libsDir;
}

// ---------------------------------------------------------------------------------------------------
// Broker
// ---------------------------------------------------------------------------------------------------

/** @param {{ port: number, controllerPort: number, logDir: string }} p */
function serverProperties({ port, controllerPort, logDir }) {
  return `# Written by tools/kafka/local-kafka.cjs; rewritten on every start.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${logDir}
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# After an unclean stop (SIGKILL) the controller refuses the restarted broker's registration
# (DUPLICATE_BROKER_REGISTRATION) until the old session expires: 9 s by default. Shorter for restart tests;
# still many heartbeats of slack on a busy 2-core machine.
broker.session.timeout.ms=4000
broker.heartbeat.interval.ms=500
auto.create.topics.enable=true
`;
}

const LOG4J2_PROPERTIES = `# Written by tools/kafka/local-kafka.cjs. Console (-> broker.log) at WARN, startup/shutdown at INFO.
status = warn
name = local-kafka
# Keep logging alive while Kafka's own shutdown hook runs (log4j's hook would stop it first).
shutdownHook = disable
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stdout.ref = STDOUT
logger.raftserver.name = kafka.server.KafkaRaftServer
logger.raftserver.level = INFO
logger.kafka.name = kafka.Kafka$
logger.kafka.level = INFO
`;

/**
 * Fails with a clear message if something already listens on 127.0.0.1:port.
 * @param {number} port
 * @param {string} what
 * @param {string} hint
 */
async function assertPortFree(port, what, hint) {
  await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ err) => {
      if (err.code === 'EADDRINUSE') {
        reject(new Error(`local-kafka: ${what} port ${port} on 127.0.0.1 is already in use${hint}`));
      } else {
        reject(err);
      }
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(resolve));
  });
}

/**
 * The command line of a live process, or null if it is gone (or a zombie).
 * @param {number} pid
 * @returns {string | null}
 */
function commandLineOf(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ESRCH') return null;
  }
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw ? raw.split('\0').join(' ') : null; // empty for a zombie
  } catch {
    const res = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    const out = (res.stdout || '').trim();
    return res.status === 0 && out && !out.includes('<defunct>') ? out : null;
  }
}

/**
 * True when pid is a live broker JVM started by this script on this data dir (guards against pid reuse
 * and against touching anybody else's java process).
 * @param {number} pid
 * @param {string} dataDir
 */
function isOurBroker(pid, dataDir) {
  const cmd = commandLineOf(pid);
  return cmd !== null && cmd.includes('kafka.Kafka') && cmd.includes(path.join(dataDir, 'server.properties'));
}

/** @param {string} dataDir @returns {Promise<number | null>} */
async function readPidFile(dataDir) {
  const text = await fsp.readFile(path.join(dataDir, PID_FILE), 'utf8').catch(() => null);
  const pid = text ? Number.parseInt(text.trim(), 10) : NaN;
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** @param {number} pid */
function isAlive(pid) {
  return commandLineOf(pid) !== null;
}

/**
 * SIGTERM, wait up to `timeoutMs`, then SIGKILL and wait for it to go.
 * @param {number} pid
 * @param {() => boolean} gone
 * @param {Logger} log
 */
async function terminate(pid, gone, log, timeoutMs = STOP_TIMEOUT_MS) {
  if (gone()) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (!gone() && Date.now() < deadline) await sleep(100);
  if (gone()) return;
  log(`broker pid ${pid} did not stop within ${timeoutMs / 1000} s, sending SIGKILL`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  const killDeadline = Date.now() + 5_000;
  while (!gone() && Date.now() < killDeadline) await sleep(50);
}

/** @param {string} file a path, shown relative to the repo when inside it */
function display(file) {
  const rel = path.relative(REPO_ROOT, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** @param {string} text @param {number} lines */
function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n').trimEnd();
}

/** @param {string} file */
async function logTail(file, lines = 40) {
  const text = await fsp.readFile(file, 'utf8').catch(() => '');
  return text ? `--- last lines of ${file} ---\n${tail(text, lines)}` : `(${file} is empty)`;
}

function newClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * @param {string[]} cmd
 * @param {string} cwd
 * @returns {Promise<{ code: number | null, output: string }>}
 */
function runCollect(cmd, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/**
 * Waits until the broker answers `describeCluster()` with at least one broker and its group
 * coordinator answers.
 * @param {string[]} brokers
 * @param {() => string | null} failed returns a reason once waiting is pointless (process exited)
 * @param {number} timeoutMs
 */
async function waitReady(brokers, failed, timeoutMs) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'local-kafka-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  });
  const deadline = Date.now() + timeoutMs;
  /** @type {unknown} */
  let lastError = null;
  for (;;) {
    const reason = failed();
    if (reason) throw new Error(reason);
    const admin = kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0) {
        // Also wait for the group coordinator: on a fresh broker the first group join creates and
        // loads __consumer_offsets, and kafkajs consumers crash-restart on COORDINATOR_LOAD_IN_PROGRESS.
        await admin.describeGroups(['local-kafka-ready']);
        return cluster;
      }
    } catch (err) {
      lastError = err;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for the broker to answer${detail}`);
    }
    await sleep(250);
  }
}

/**
 * Starts a single-node KRaft broker on 127.0.0.1 and resolves once it answers `describeCluster()`.
 * Fresh data every time unless `keepData` (then it restarts on the existing log, same ports required).
 *
 * @param {StartOptions} [options]
 * @returns {Promise<LocalKafka>}
 */
async function startLocalKafka({
  port = 9092,
  controllerPort = port + 1,
  dataDir,
  log = defaultLog,
  logFile,
  keepData = false,
  detached = false,
  ownProcessGroup = false,
  readyTimeoutMs = READY_TIMEOUT_MS,
} = {}) {
  if (port === controllerPort) throw new Error('local-kafka: port and controllerPort must differ');
  const dir = path.resolve(dataDir || path.join(CACHE_ROOT, `run-${port}`));
  const logDir = path.join(dir, 'data');
  const outFile = path.resolve(logFile || path.join(dir, DEFAULT_LOG_FILE));
  const propsFile = path.join(dir, 'server.properties');
  const log4jFile = path.join(dir, 'log4j2.properties');
  const pidFile = path.join(dir, PID_FILE);

  // Refuse to run twice on one data dir, and say why a port is busy when it is our own broker.
  const oldPid = await readPidFile(dir);
  const ours = oldPid !== null && isOurBroker(oldPid, dir);
  if (ours) {
    throw new Error(
      `local-kafka: a broker started earlier is still running on ${dir} (pid ${oldPid}); ` +
        `stop it first: node tools/kafka/local-kafka.cjs stop --port ${port}${dataDir ? ` --data-dir ${dir}` : ''}`,
    );
  }
  const hint =
    ' (another Kafka or another program); stop it or choose other ports with --port/--controller-port';
  await assertPortFree(port, 'Kafka client', hint);
  await assertPortFree(controllerPort, 'Kafka controller', hint);

  assertCommand('java');
  const libsDir = await ensureKafkaJars({ log });
  const classpath = path.join(libsDir, '*');

  await fsp.mkdir(dir, { recursive: true });
  if (!keepData) await fsp.rm(logDir, { recursive: true, force: true });
  await fsp.rm(pidFile, { force: true });
  await fsp.writeFile(propsFile, serverProperties({ port, controllerPort, logDir }));
  await fsp.writeFile(log4jFile, LOG4J2_PROPERTIES);
  await fsp.mkdir(path.dirname(outFile), { recursive: true });

  if (!(await exists(path.join(logDir, 'meta.properties')))) {
    const clusterId = newClusterId();
    const fmt = await runCollect(
      [
        'java',
        '-Xmx256m',
        '-XX:+UseSerialGC',
        `-Dlog4j2.configurationFile=${log4jFile}`,
        '-cp',
        classpath,
        'kafka.tools.StorageTool',
        'format',
        '--standalone',
        '-t',
        clusterId,
        '-c',
        propsFile,
      ],
      dir,
    );
    if (fmt.code !== 0) {
      throw new Error(
        `local-kafka: formatting ${logDir} failed (exit ${fmt.code}):\n${tail(fmt.output, 40)}`,
      );
    }
    log(`formatted ${display(logDir)} (cluster id ${clusterId})`);
  } else {
    log(`reusing formatted data in ${display(logDir)}`);
  }

  const started = Date.now();
  const outFd = fs.openSync(outFile, keepData ? 'a' : 'w');
  const child = spawn(
    'java',
    [
      '-Xms256m',
      '-Xmx768m',
      '-XX:+UseSerialGC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${log4jFile}`,
      `-Dkafka.logs.dir=${dir}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      propsFile,
    ],
    { cwd: dir, detached: detached || ownProcessGroup, stdio: ['ignore', outFd, outFd] },
  );
  fs.closeSync(outFd);
  /** @type {string | null} */
  let exited = null;
  /** @type {Promise<string>} */
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = signal ? `signal ${signal}` : `code ${code}`;
      resolve(exited);
    });
    child.once('error', (err) => {
      exited = `spawn error: ${err.message}`;
      resolve(exited);
    });
  });
  const pid = /** @type {number} */ (child.pid);
  if (pid === undefined) {
    await exitPromise;
    throw new Error(`local-kafka: could not start java (${exited})`);
  }
  await fsp.writeFile(pidFile, `${pid}\n`);

  // A non-detached broker must not outlive this process (e.g. Jest dying before its teardown).
  const onExit = () => {
    if (!exited) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  if (!detached) process.on('exit', onExit);

  /** @type {Promise<void> | null} */
  let stopping = null;
  const stop = () => {
    if (!stopping) {
      stopping = (async () => {
        process.removeListener('exit', onExit);
        await terminate(pid, () => exited !== null || !isAlive(pid), log);
        await Promise.race([exitPromise, sleep(2_000)]);
        if ((await readPidFile(dir)) === pid) await fsp.rm(pidFile, { force: true });
        log(`broker on 127.0.0.1:${port} stopped`);
      })();
    }
    return stopping;
  };

  const brokers = [`127.0.0.1:${port}`];
  try {
    await waitReady(
      brokers,
      () => (exited ? `the broker process exited (${exited}) before it was ready` : null),
      readyTimeoutMs,
    );
  } catch (err) {
    await stop();
    throw new Error(`local-kafka: ${/** @type {Error} */ (err).message}\n${await logTail(outFile)}`);
  }
  if (detached) child.unref();
  log(
    `Kafka ${KAFKA_VERSION} ready on ${brokers[0]} in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${pid})`,
  );
  return {
    brokers,
    pid,
    dataDir: dir,
    logFile: outFile,
    kafkaVersion: KAFKA_VERSION,
    exited: exitPromise,
    stop,
  };
}

/**
 * Stops a broker started earlier (e.g. by the CLI `start`) through `<dataDir>/broker.pid`. Only signals the
 * process if it is still the `kafka.Kafka` JVM of that data dir. Resolves quietly when nothing runs.
 *
 * @param {{ port?: number, dataDir?: string, log?: Logger }} [options]
 * @returns {Promise<boolean>} true if a running broker was stopped
 */
async function stopLocalKafka({ port = 9092, dataDir, log = defaultLog } = {}) {
  const dir = path.resolve(dataDir || path.join(CACHE_ROOT, `run-${port}`));
  const pidFile = path.join(dir, PID_FILE);
  const pid = await readPidFile(dir);
  if (pid === null) {
    log(`no pid file in ${dir}; nothing to stop`);
    return false;
  }
  if (!isOurBroker(pid, dir)) {
    log(`pid ${pid} from ${pidFile} is not running (or is not this broker); removing the stale pid file`);
    await fsp.rm(pidFile, { force: true });
    return false;
  }
  await terminate(pid, () => !isOurBroker(pid, dir), log);
  if (isOurBroker(pid, dir)) throw new Error(`local-kafka: broker pid ${pid} survived SIGKILL`);
  await fsp.rm(pidFile, { force: true });
  log(`stopped broker pid ${pid} (${dir})`);
  return true;
}

/**
 * Creates topics if they do not exist yet (existing ones are left alone) and waits until every
 * partition of every listed topic has a leader.
 *
 * @param {string[]} brokers
 * @param {TopicSpec[]} topics
 * @returns {Promise<void>}
 */
async function createTopics(brokers, topics) {
  // kafkajs refuses duplicate names in one request; the first spec of a name wins.
  const seen = new Set();
  const unique = topics.filter((t) => !seen.has(t.topic) && seen.add(t.topic));
  if (unique.length === 0) return;
  const { Kafka, logLevel } = require('kafkajs');
  // NOTHING: kafkajs logs an expected TOPIC_ALREADY_EXISTS as an error; real failures are thrown anyway.
  const kafka = new Kafka({ clientId: 'local-kafka-admin', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    try {
      await admin.createTopics({
        waitForLeaders: true,
        timeout: 10_000,
        topics: unique.map((t) => ({
          topic: t.topic,
          numPartitions: t.numPartitions ?? 1,
          replicationFactor: t.replicationFactor ?? 1,
          configEntries: t.configEntries,
        })),
      });
    } catch (err) {
      // kafkajs already returns false when all errors are TOPIC_ALREADY_EXISTS; be lenient for mixes.
      /** @type {any} */
      const e = err;
      const errors = Array.isArray(e?.errors) ? e.errors : [e];
      if (!errors.every((/** @type {any} */ x) => x?.type === 'TOPIC_ALREADY_EXISTS')) throw err;
    }
    // createTopics skips waitForLeaders when some topic already existed: wait explicitly.
    const names = unique.map((t) => t.topic);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const { topics: meta } = await admin.fetchTopicMetadata({ topics: names });
        const ready =
          meta.length === names.length &&
          meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
        if (ready) return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
      if (Date.now() > deadline)
        throw new Error(`local-kafka: topics ${names.join(', ')} have no leaders after 30 s`);
      await sleep(200);
    }
  } finally {
    await admin.disconnect();
  }
}

module.exports = { ensureKafkaJars, startLocalKafka, stopLocalKafka, createTopics };

// ---------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ command?: string, port?: number, controllerPort?: number, dataDir?: string, keepData: boolean }} */
  const out = { keepData: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`missing value for ${flag}`);
      return v;
    };
    const int = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`bad port for ${flag}`);
      return n;
    };
    if (flag === '--port') out.port = int();
    else if (flag === '--controller-port') out.controllerPort = int();
    else if (flag === '--data-dir') out.dataDir = value();
    else if (flag === '--keep-data') out.keepData = true;
    else if (!flag.startsWith('-') && !out.command) out.command = flag;
    else throw new Error(`unknown argument ${arg}`);
  }
  return out;
}

async function main() {
  const usage =
    'usage: node tools/kafka/local-kafka.cjs ensure|start|stop|run [--port 9092] [--controller-port 9093] [--data-dir DIR] [--keep-data]';
  const args = parseArgs(process.argv.slice(2));
  const port = args.port ?? 9092;
  const controllerPort = args.controllerPort ?? port + 1;
  const common = { port, controllerPort, dataDir: args.dataDir, keepData: args.keepData };
  switch (args.command) {
    case 'ensure': {
      const libs = await ensureKafkaJars();
      process.stdout.write(`${libs}\n`);
      return;
    }
    case 'start': {
      const kafka = await startLocalKafka({ ...common, detached: true });
      defaultLog(
        `running in the background; stop with: node tools/kafka/local-kafka.cjs stop --port ${port}` +
          (args.dataDir ? ` --data-dir ${kafka.dataDir}` : '') +
          ` (log: ${kafka.logFile})`,
      );
      process.stdout.write(`KAFKA_BROKERS=${kafka.brokers.join(',')}\n`);
      return;
    }
    case 'stop':
      await stopLocalKafka({ port, dataDir: args.dataDir });
      return;
    case 'run': {
      const kafka = await startLocalKafka(common);
      process.stdout.write(`KAFKA_BROKERS=${kafka.brokers.join(',')}\n`);
      defaultLog('running in the foreground; Ctrl-C stops it');
      let stopping = false;
      await new Promise((resolve) => {
        const onSignal = (/** @type {NodeJS.Signals} */ signal) => {
          stopping = true;
          defaultLog(`${signal} received, stopping`);
          process.removeListener('SIGINT', onSignal);
          process.removeListener('SIGTERM', onSignal);
          kafka.stop().then(resolve, resolve);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        kafka.exited.then((how) => {
          if (stopping) return;
          defaultLog(`the broker exited on its own (${how}); see ${kafka.logFile}`);
          process.exitCode = 1;
          process.removeListener('SIGINT', onSignal);
          process.removeListener('SIGTERM', onSignal);
          resolve(undefined);
        });
      });
      return;
    }
    default:
      process.stderr.write(`${usage}\n`);
      process.exitCode = 2;
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
