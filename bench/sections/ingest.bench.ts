import autocannon from 'autocannon';
import { buildAll, cpuSeconds, log, startBaseline, startService } from '../support/infra';
import { benignSubmission } from '../support/load';
import type { BenchResult, BenchSection } from '../types';

const SECTION = 'ingest';
const DURATION_S = Number(process.env.BENCH_INGEST_SECONDS ?? 20);
/**
 * Unmeasured load first, the same for both, so neither is measured while its JIT warms up, nor
 * ingest while the broker's JVM (started fresh by the bench) does: in the first 20 s its CPU per
 * request is several times what it is after.
 */
const WARMUP_S = Number(process.env.BENCH_INGEST_WARMUP_SECONDS ?? 15);
const CONCURRENCY = (process.env.BENCH_INGEST_CONNECTIONS ?? '16,64,128').split(',').map(Number);

interface Run {
  accepted: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time of the server process per request answered. */
  cpuMsPerRequest: number;
  /** CPU time of the Kafka broker per request answered (what acks=-1 produces cost it). */
  brokerCpuMsPerRequest: number;
}

/** Closed-loop load: `connections` clients posting valid submissions back to back for `seconds`. */
async function hammer(url: string, connections: number, process: string, seconds = DURATION_S): Promise<Run> {
  // Distinct bodies are not needed to measure intake; a pool of them keeps request building cheap.
  const requests = Array.from({ length: 512 }, () => {
    const s = benignSubmission('default', 'bench-ingest');
    return {
      method: 'POST' as const,
      path: '/v1/comments',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': s.ip },
      body: s.body,
    };
  });
  const cpuBefore = cpuSeconds(process) ?? NaN;
  const brokerBefore = cpuSeconds('kafka') ?? NaN;
  const result = await autocannon({ url, connections, duration: seconds, requests, timeout: 10 });
  const cpu = (cpuSeconds(process) ?? NaN) - cpuBefore;
  const brokerCpu = (cpuSeconds('kafka') ?? NaN) - brokerBefore;
  const perRequest = (seconds: number): number =>
    Math.round((seconds * 1000 * 100) / Math.max(1, result.requests.total)) / 100;
  const accepted = result['2xx'] / seconds;
  return {
    accepted: Math.round(accepted),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: perRequest(cpu),
    brokerCpuMsPerRequest: perRequest(brokerCpu),
  };
}

export const ingestBench: BenchSection = {
  name: SECTION,
  description: `POST /v1/comments at rising concurrency (${CONCURRENCY.join(', ')}) for ${DURATION_S} s each after a ${WARMUP_S} s warm-up, against a bare NestJS+Fastify+ValidationPipe baseline`,
  async run(): Promise<BenchResult[]> {
    buildAll();
    // Ingest runs alone (no consumers): what is measured is intake up to Kafka's acks=-1.
    const ingest = await startService('ingest', { TRUSTED_PROXIES: '127.0.0.1' });
    const baseline = await startBaseline();
    if (WARMUP_S > 0) {
      log(`ingest: warming up both for ${WARMUP_S} s`);
      await hammer(baseline, CONCURRENCY[0], 'baseline', WARMUP_S);
      await hammer(ingest, CONCURRENCY[0], 'ingest', WARMUP_S);
    }
    const rows: BenchResult[] = [];
    let best = { ratio: 0, accepted: 0, p99: Infinity, c: 0 };
    for (const c of CONCURRENCY) {
      log(`ingest: baseline at ${c} connections`);
      const base = await hammer(baseline, c, 'baseline');
      log(`ingest: ingest at ${c} connections`);
      const ours = await hammer(ingest, c, 'ingest');
      const ratio = ours.accepted / Math.max(1, base.accepted);
      const meets = ours.accepted >= 3000 && ours.p99 < 50;
      if (meets && ours.accepted > best.accepted) best = { ratio, accepted: ours.accepted, p99: ours.p99, c };
      rows.push(
        {
          section: SECTION,
          name: `baseline, ${c} connections`,
          value: base.accepted,
          unit: 'req/s',
          note: `p50 ${base.p50} ms, p99 ${base.p99} ms, ${base.cpuMsPerRequest} ms CPU/request`,
        },
        {
          section: SECTION,
          name: `ingest, ${c} connections`,
          value: ours.accepted,
          unit: 'accepted/s',
          target: '≥ 3000 with p99 < 50 ms',
          pass: meets,
          note: `p50 ${ours.p50} ms, p99 ${ours.p99} ms, ${ours.cpuMsPerRequest} ms CPU/request (broker ${ours.brokerCpuMsPerRequest}), non-202/errors ${ours.errors}`,
        },
        {
          section: SECTION,
          name: `ingest / baseline, ${c} connections`,
          value: Math.round(ratio * 100) / 100,
          unit: 'ratio',
          target: '≥ 0.7',
          pass: ratio >= 0.7,
        },
      );
    }
    return rows;
  },
};
