#!/usr/bin/env node
// `npm start`: the whole system on one machine. Starts a local Kafka broker unless KAFKA_BROKERS
// names one, creates and migrates the database, builds and starts the four services, waits until
// each is ready and prints their URLs. Ctrl-C (or SIGTERM) stops everything it started.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const path = require('node:path');
const { startLocalKafka } = require('../kafka/local-kafka.cjs');
const { defaultSiteOrigins, servicePorts } = require('./local-defaults.cjs');

const root = path.resolve(__dirname, '../..');
const ports = servicePorts(process.env);
const services = [
  { name: 'ingest', port: ports.ingest },
  { name: 'moderation', port: ports.moderation },
  { name: 'articles', port: ports.articles },
  { name: 'webhooks', port: ports.webhooks },
];
const children = [];
let broker;
let stopping = false;

function say(line) {
  process.stderr.write(`[replyguard] ${line}\n`);
}

function runStep(title, command, args, env) {
  say(title);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
}

async function waitReady(service, timeoutMs = 60000) {
  const url = `http://127.0.0.1:${service.port}/health/ready`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.exited) throw new Error(`${service.name} exited during start-up`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs / 1000} s`);
}

/**
 * The migrations seed the `default` site with the demo page's origins on port 3002; on another
 * ARTICLES_PORT its form would be refused. Moves them to the port in use, through the admin API (so
 * ingest learns it from sites.configured as from any change), and waits until ingest allows it.
 * Origins someone set stay as they are.
 */
async function alignDefaultSite(adminToken) {
  const site = `http://127.0.0.1:${ports.moderation}/v1/admin/sites/default`;
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const current = await fetch(site, { headers });
  if (!current.ok) return; // no default site (removed, or another database's): nothing to align
  const origins = defaultSiteOrigins((await current.json()).allowedOrigins, ports.articles);
  if (!origins) return;
  const changed = await fetch(site, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ allowedOrigins: origins }),
  });
  if (!changed.ok) throw new Error(`could not set the default site's origins (${changed.status})`);
  say(`default site: allowed origins now ${origins.join(', ')} (ARTICLES_PORT)`);
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    const preflight = await fetch(`http://127.0.0.1:${ports.ingest}/v1/comments`, {
      method: 'OPTIONS',
      headers: {
        origin: origins[0],
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    if (preflight.headers.get('access-control-allow-origin') === origins[0]) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  say(
    "ingest has not taken the default site's new origins yet; the demo page's form may be refused for a moment",
  );
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (broker) await broker.stop();
  say('stopped');
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const env = { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1' };
  env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/replyguard';
  // The four services share this terminal: one write per line keeps their lines whole (a buffered
  // write can exceed what a pipe writes atomically and interleave with another service's).
  env.LOG_BUFFER_BYTES ??= '0';
  // Without an administrator token nobody can sign in to the console or create a moderator; a local
  // run gets one of its own, printed below (never logged by the services), unless ADMIN_TOKEN is set.
  const generatedAdminToken = env.ADMIN_TOKEN ? undefined : crypto.randomBytes(24).toString('base64url');
  if (generatedAdminToken) env.ADMIN_TOKEN = generatedAdminToken;
  if (!env.KAFKA_BROKERS) {
    // Its own process group: Ctrl-C reaches the services, which shut down while the broker still
    // answers; stopAll stops the broker after them.
    // On the data of the last run, as the database keeps its own: a comment accepted but not yet
    // moderated when the last run stopped is moderated now, not lost. LOCAL_KAFKA_FRESH=1 starts empty.
    broker = await startLocalKafka({
      port: Number(env.LOCAL_KAFKA_PORT ?? 9092),
      log: say,
      ownProcessGroup: true,
      keepData: env.LOCAL_KAFKA_FRESH !== '1',
    });
    env.KAFKA_BROKERS = broker.brokers.join(',');
  } else {
    say(`using the Kafka cluster at ${env.KAFKA_BROKERS}`);
  }
  runStep('creating the database if missing and applying migrations', process.execPath, [
    path.join(root, 'node_modules/tsx/dist/cli.mjs'),
    'tools/run/migrate.ts',
  ], env);
  if (!env.REPLYGUARD_SKIP_BUILD) {
    for (const s of services) {
      runStep(`building ${s.name}`, process.execPath, [path.join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', s.name], env);
    }
  }
  for (const s of services) {
    const main = path.join(root, 'dist/apps', s.name, 'apps', s.name, 'src/main.js');
    const child = spawn(process.execPath, ['--enable-source-maps', main], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      s.exited = true;
      if (!stopping) {
        say(`${s.name} exited (${code ?? signal}); stopping the rest`);
        void stopAll(1);
      }
    });
    children.push(child);
  }
  await Promise.all(services.map((s) => waitReady(s)));
  await alignDefaultSite(env.ADMIN_TOKEN);
  say('ready:');
  say(`  ingest      http://127.0.0.1:${services[0].port}  (POST /v1/comments, docs at /docs)`);
  say(`  moderation  http://127.0.0.1:${services[1].port}  (GET /v1/comments/{id}, docs at /docs)`);
  say(`  articles    http://127.0.0.1:${services[2].port}  (GET /v1/sites/{siteId}/articles/{articleId}/comments)`);
  say(`  webhooks    http://127.0.0.1:${services[3].port}  (POST /v1/admin/webhooks, docs at /docs)`);
  say(`  kafka       ${env.KAFKA_BROKERS}`);
  say(`  console     http://127.0.0.1:${services[1].port}/console  (moderator console)`);
  say(`  demo page   http://127.0.0.1:${services[2].port}/demo/default/china-russia-ties`);
  say(`  widget      http://127.0.0.1:${services[2].port}/embed/v1/comments.js  (comments on any site: README, "Embedding comments on your site")`);
  if (generatedAdminToken) {
    say(`  admin token for this run: ${generatedAdminToken}  (sign in to the console with it; set ADMIN_TOKEN to choose your own)`);
  }
  say('Ctrl-C stops everything.');
}

main().catch((error) => {
  say(error instanceof Error ? error.message : String(error));
  void stopAll(1);
});
