import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  IsNotEmpty,
  Matches,
  ValidateBy,
} from 'class-validator';
import { isIP } from 'node:net';
import { configArea } from './validate-config';

const toInt = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value,
);

class DatabaseEnv {
  /** PostgreSQL connection string. */
  @IsString()
  @Matches(/^postgres(ql)?:\/\/\S*$/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// connection string',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/replyguard';

  @toInt
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /**
   * The hot-path statements run as named prepared statements, parsed and planned once per
   * connection. `false` for a pooler in transaction mode that cannot keep them (PgBouncer before
   * 1.21, or with max_prepared_statements = 0).
   */
  @IsIn(['true', 'false'])
  DATABASE_PREPARED_STATEMENTS: 'true' | 'false' = 'true';
}

export const databaseConfig = configArea('database', DatabaseEnv, (env) => ({
  url: env.DATABASE_URL,
  poolSize: env.DATABASE_POOL_SIZE,
  preparedStatements: env.DATABASE_PREPARED_STATEMENTS === 'true',
}));

class KafkaEnv {
  /** Comma-separated bootstrap brokers, each host:port (kafkajs reads no default port). */
  @IsString()
  @IsNotEmpty()
  @Matches(/^\s*[^\s,:]+:\d{1,5}\s*(,\s*([^\s,:]+:\d{1,5})?\s*)*$/, {
    message: 'KAFKA_BROKERS must be comma-separated host:port pairs',
  })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** How long a produce may wait for all in-sync replicas before the request fails. */
  @toInt
  @IsInt()
  @Min(100)
  @Max(60000)
  KAFKA_ACK_TIMEOUT_MS = 5000;

  /** Attempts for a consumed message before it goes to the dead-letter topic. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(20)
  KAFKA_HANDLER_ATTEMPTS = 5;

  /** Prefix of consumer group ids (lets tests and several deployments share a cluster). */
  @IsOptional()
  @IsString()
  KAFKA_GROUP_PREFIX = 'replyguard';

  /** How long a produced message may wait for others to share its batch (0: same tick only). */
  @toInt
  @IsInt()
  @Min(0)
  @Max(100)
  KAFKA_PRODUCE_LINGER_MS = 0;

  /** Most messages per produce batch. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(10000)
  KAFKA_PRODUCE_MAX_BATCH = 1000;

  /**
   * Partitions a consumer handles at once (kafkajs partitionsConsumedConcurrently). Messages of one
   * partition, hence of one article, are still handled in order; more than the partitions it owns
   * gains nothing, and each one in flight holds a database connection.
   */
  @toInt
  @IsInt()
  @Min(1)
  @Max(64)
  KAFKA_CONSUMER_CONCURRENCY = 6;

  /**
   * Most messages a batch handler receives at once (one database transaction for all of them),
   * gathered from the partitions of one fetch; handlers that take one message at a time are not
   * affected.
   */
  @toInt
  @IsInt()
  @Min(1)
  @Max(5000)
  KAFKA_CONSUMER_MAX_BATCH = 200;

  /**
   * How often a consumer commits the offsets it has handled, in the background. A crash redelivers
   * what was handled since the last commit, which the handlers recognise and skip. 0: commit after
   * every batch, before the partition's next fetch (one more broker round trip per batch).
   */
  @toInt
  @IsInt()
  @Min(0)
  @Max(60000)
  KAFKA_CONSUMER_COMMIT_INTERVAL_MS = 100;
}

export const kafkaConfig = configArea('kafka', KafkaEnv, (env) => ({
  brokers: env.KAFKA_BROKERS.split(',')
    .map((b) => b.trim())
    .filter(Boolean),
  ackTimeoutMs: env.KAFKA_ACK_TIMEOUT_MS,
  handlerAttempts: env.KAFKA_HANDLER_ATTEMPTS,
  groupPrefix: env.KAFKA_GROUP_PREFIX,
  produceLingerMs: env.KAFKA_PRODUCE_LINGER_MS,
  produceMaxBatch: env.KAFKA_PRODUCE_MAX_BATCH,
  consumerConcurrency: env.KAFKA_CONSUMER_CONCURRENCY,
  consumerMaxBatch: env.KAFKA_CONSUMER_MAX_BATCH,
  consumerCommitIntervalMs: env.KAFKA_CONSUMER_COMMIT_INTERVAL_MS,
}));

class RuntimeEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Append logs to this file instead of writing them to stdout (empty: stdout). */
  @IsOptional()
  @IsString()
  LOG_FILE = '';

  /**
   * Log lines are gathered into writes of at least this many bytes, written in the background,
   * flushed at least every 200 ms and on exit: one write per line cost a system call for every
   * request and every event. A crash that kills the process outright (SIGKILL, power) loses what is
   * buffered. 0: one synchronous write per line. Below 16384, pino's largest single write.
   */
  @toInt
  @IsInt()
  @Min(0)
  @Max(16383)
  LOG_BUFFER_BYTES = 4096;

  /** Interface the HTTP servers bind to; containers set 0.0.0.0. */
  @IsString()
  HTTP_HOST = '127.0.0.1';

  /**
   * After SIGTERM, how long the HTTP server keeps answering, each response asking its client to
   * close the connection, before it stops: keep-alive clients leave instead of sending on a
   * connection that is being closed, and a load balancer has time to stop sending new ones.
   */
  @toInt
  @IsInt()
  @Min(0)
  @Max(8000)
  SHUTDOWN_DRAIN_MS = 1000;
}

export const runtimeConfig = configArea('runtime', RuntimeEnv, (env) => ({
  nodeEnv: env.NODE_ENV,
  production: env.NODE_ENV === 'production',
  logLevel: env.LOG_LEVEL,
  logFile: env.LOG_FILE || undefined,
  logBufferBytes: env.LOG_BUFFER_BYTES,
  httpHost: env.HTTP_HOST,
  shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
}));

export { toInt };

/** The names proxy-addr (Fastify's `trustProxy`) reads as address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One `TRUSTED_PROXIES` entry: an IP, a CIDR (prefix or IPv4 netmask) or a range name. */
function isTrustedProxy(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry) || isIP(entry)) return true;
  const [ip = '', range, ...rest] = entry.split('/');
  const family = isIP(ip);
  if (!family || range === undefined || rest.length > 0) return false;
  // proxy-addr refuses a /0 ("invalid range on address"), and a netmask whose ones are not contiguous.
  if (/^\d{1,3}$/.test(range)) return Number(range) >= 1 && Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4 && isNetmask(range);
}

/** A non-zero IPv4 netmask: ones, then zeros (255.255.0.0, not 255.0.255.0). */
function isNetmask(mask: string): boolean {
  const bits = mask.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const zeros = 2 ** 32 - 1 - bits;
  return bits !== 0 && (zeros & (zeros + 1)) === 0;
}

/**
 * Comma-separated IPs, CIDRs or proxy-addr's range names (`loopback`, …), or empty. Checked at
 * start-up: Fastify would otherwise stop the service with "invalid IP address", naming no variable.
 */
export function IsTrustedProxyList(): PropertyDecorator {
  return ValidateBy({
    name: 'isTrustedProxyList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        value
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
          .every(isTrustedProxy),
      defaultMessage: (args) =>
        `${args?.property ?? 'the value'} must be comma-separated IP addresses or CIDR ranges (no host names)`,
    },
  });
}

class OutboxEnv {
  @toInt
  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE = 200;

  /** How often an idle relay looks for new rows (a local commit wakes it at once). */
  @toInt
  @IsInt()
  @Min(5)
  @Max(60000)
  OUTBOX_POLL_MS = 100;

  /** Partitions of the topics a service creates when they are missing. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS = 6;

  @toInt
  @IsInt()
  @Min(1)
  @Max(10)
  KAFKA_REPLICATION_FACTOR = 1;

  /** Retention of the topics that carry personal data (the submissions), in hours. */
  @toInt
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  KAFKA_PII_RETENTION_HOURS = 72;
}

export const outboxConfig = configArea('outbox', OutboxEnv, (env) => ({
  batchSize: env.OUTBOX_BATCH_SIZE,
  pollIntervalMs: env.OUTBOX_POLL_MS,
  topicPartitions: env.KAFKA_TOPIC_PARTITIONS,
  replicationFactor: env.KAFKA_REPLICATION_FACTOR,
  personalDataRetentionHours: env.KAFKA_PII_RETENTION_HOURS,
}));

/** The areas every service validates at start-up, before its own. */
export const SHARED_CONFIG_AREAS = [runtimeConfig, databaseConfig, kafkaConfig, outboxConfig] as const;
