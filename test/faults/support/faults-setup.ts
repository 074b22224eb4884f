import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stopLeftovers } from './leftovers';
import { localKafka, SHARED_BROKER_PORT } from './local-kafka';

declare global {
  var __replyguardFaultsKafka: { stop(): Promise<void> } | undefined;
}

const ROOT = resolve(__dirname, '../../..');
const SERVICES = ['ingest', 'moderation', 'articles'] as const;

/** Newest modification time of the TypeScript sources under `dir` (specs excluded). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(service: string): number {
  try {
    return statSync(join(ROOT, 'dist/apps', service, 'apps', service, 'src/main.js')).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Once per run of the faults project: the services built into `dist/` (they run as real processes)
 * and a broker of its own on other ports than the test run's, shared by the tests that do not kill
 * it. The broker-kill test starts yet another one, which it may kill.
 */
export default async function faultsGlobalSetup(): Promise<void> {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  stopLeftovers();
  buildServices();
  if (globalThis.__replyguardFaultsKafka || process.env.FAULTS_KAFKA_BROKERS) return;
  const broker = await localKafka.startLocalKafka({
    port: SHARED_BROKER_PORT,
    controllerPort: SHARED_BROKER_PORT + 1,
    dataDir: join(ROOT, '.cache/kafka/faults-shared'),
    log: (line) => process.stderr.write(`[faults kafka] ${line}\n`),
  });
  globalThis.__replyguardFaultsKafka = broker;
  process.env.FAULTS_KAFKA_BROKERS = broker.brokers.join(',');
}

/** Builds a service unless its build is newer than every source file (FAULTS_SKIP_BUILD=1 skips). */
function buildServices(): void {
  if (process.env.FAULTS_SKIP_BUILD) return;
  const sources = Math.max(newestSource(join(ROOT, 'apps')), newestSource(join(ROOT, 'libs')));
  const nest = join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
  for (const service of SERVICES) {
    if (builtAt(service) > sources) continue;
    process.stderr.write(`[faults] nest build ${service}\n`);
    const result = spawnSync(process.execPath, [nest, 'build', service], { cwd: ROOT, stdio: 'inherit' });
    if (result.status === 0) continue;
    // The build of a tree others are editing may fail for a moment; an earlier build still serves.
    if (builtAt(service) === 0) throw new Error(`nest build ${service} failed (exit ${result.status})`);
    process.stderr.write(`[faults] nest build ${service} failed; running the previous build\n`);
  }
}
