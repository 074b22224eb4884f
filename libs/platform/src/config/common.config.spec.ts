import { IsTrustedProxyList, databaseConfig, kafkaConfig } from './common.config';
import { ConfigError, loadConfig } from './validate-config';

const load = (area: { envClass: new () => object }, env: Record<string, string>) =>
  loadConfig(area.envClass, (e) => e, env);

describe('databaseConfig', () => {
  it('takes a postgres connection string, the socket form included', () => {
    for (const url of [
      'postgres://postgres@127.0.0.1:5432/replyguard',
      'postgresql://rg:secret@db.internal/replyguard?sslmode=require',
      'postgresql:///replyguard?host=/var/run/postgresql',
    ]) {
      expect(() => load(databaseConfig, { DATABASE_URL: url })).not.toThrow();
    }
  });

  it('refuses what is no connection string at start-up, naming DATABASE_URL', () => {
    for (const url of ['not-a-url', 'db.internal:5432', 'mysql://db/replyguard']) {
      expect(() => load(databaseConfig, { DATABASE_URL: url })).toThrow(ConfigError);
      expect(() => load(databaseConfig, { DATABASE_URL: url })).toThrow(/DATABASE_URL/);
    }
  });
});

describe('kafkaConfig', () => {
  it('takes host:port pairs, comma-separated', () => {
    for (const brokers of ['127.0.0.1:9092', 'kafka-1:9092, kafka-2:9092', 'kafka:9092,']) {
      expect(() => load(kafkaConfig, { KAFKA_BROKERS: brokers })).not.toThrow();
    }
  });

  it('refuses a broker without a port, or no broker at all, naming KAFKA_BROKERS', () => {
    for (const brokers of ['127.0.0.1', 'kafka:9092,kafka-2', ',', 'kafka:port']) {
      expect(() => load(kafkaConfig, { KAFKA_BROKERS: brokers })).toThrow(/KAFKA_BROKERS/);
    }
  });
});

describe(IsTrustedProxyList.name, () => {
  class ProxiesEnv {
    @IsTrustedProxyList()
    TRUSTED_PROXIES = '';
  }
  const area = { envClass: ProxiesEnv };

  it('takes IPs, CIDRs and the names proxy-addr knows, comma-separated, or nothing', () => {
    for (const list of [
      '',
      '127.0.0.1',
      '10.0.0.0/8, 192.168.0.0/255.255.0.0',
      '::1,fd00::/8',
      'loopback, uniquelocal',
    ]) {
      expect(() => load(area, { TRUSTED_PROXIES: list })).not.toThrow();
    }
  });

  it('refuses a host name or a bad range at start-up, naming TRUSTED_PROXIES', () => {
    for (const list of [
      'proxy.internal',
      '10.0.0.0/33',
      '127.0.0.1,lb',
      '::1/129',
      '10.0.0.1/',
      // proxy-addr refuses these too ("invalid range on address"), stopping Fastify at start-up.
      '0.0.0.0/0',
      '::/0',
      '10.0.0.0/255.0.255.0',
      '10.0.0.0/0.0.0.0',
    ]) {
      expect(() => load(area, { TRUSTED_PROXIES: list })).toThrow(/TRUSTED_PROXIES/);
    }
  });
});
