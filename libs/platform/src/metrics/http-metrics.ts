import type { FastifyInstance } from 'fastify';
import type { MetricsRegistry } from './metrics.registry';

/**
 * Request rate and latency by method, route template and status, from Fastify's own hooks (so
 * 4xx answered by Fastify itself, e.g. bad JSON or a body too large, are counted too). Unmatched
 * URLs share one route label, so a scanner cannot blow up the number of series.
 */
export function installHttpMetrics(fastify: FastifyInstance, metrics: MetricsRegistry): void {
  const labels = ['method', 'route', 'status'] as const;
  const requests = metrics.counter('replyguard_http_requests_total', 'HTTP requests answered', labels);
  const duration = metrics.histogram(
    'replyguard_http_request_duration_seconds',
    'Time from request received to response sent',
    labels,
  );
  // Fastify times every request itself (reply.elapsedTime, from its arrival): no hook on the way in.
  fastify.addHook('onResponse', (request, reply, done) => {
    const l = {
      method: request.method,
      route: request.routeOptions?.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    requests.inc(l);
    duration.observe(l, reply.elapsedTime / 1000);
    done();
  });
}
