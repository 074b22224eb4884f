import { createHash, timingSafeEqual } from 'node:crypto';
import {
  Controller,
  Get,
  Header,
  Headers,
  Inject,
  Ip,
  type OnApplicationShutdown,
  Res,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { AuthFailures, refuseIfBlocked } from '../http/auth-failures';
import { metricsConfig } from './metrics.config';
import { MetricsRegistry } from './metrics.registry';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Scrape tokens that fail to verify, per client network per minute; past it, 429 for a minute. */
const SCRAPE_TOKEN_FAILURES_PER_MIN = 10;

/**
 * Prometheus scrape endpoint. It names routes, rates and, in moderation, every site's queue depth:
 * serve it on an internal network, or set METRICS_TOKEN so that only the scraper reads it.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController implements OnApplicationShutdown {
  private readonly expected: Buffer | null;
  private readonly failures = new AuthFailures(SCRAPE_TOKEN_FAILURES_PER_MIN);

  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(metricsConfig.KEY) config: ConfigType<typeof metricsConfig>,
  ) {
    this.expected = config.token ? digest(config.token) : null;
  }

  @Get()
  @Header('cache-control', 'no-store')
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Ip() ip: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The scheme in any case (RFC 9110), the token compared as digests in constant time; a client
    // that failed too often is not answered whether its next guess is right, so guessing is slow.
    const token = /^Bearer\s+(\S{1,512})$/i.exec(authorization ?? '')?.[1] ?? '';
    if (this.expected) refuseIfBlocked(reply, this.failures.retryAfter(ip));
    if (this.expected && !timingSafeEqual(digest(token), this.expected)) {
      refuseIfBlocked(reply, this.failures.record(ip));
      throw new DomainError(
        'UNAUTHORIZED',
        'the metrics need the scrape token (METRICS_TOKEN) as a bearer token',
      );
    }
    const { contentType, body } = await this.metrics.text();
    await reply.header('content-type', contentType).send(body);
  }

  onApplicationShutdown(): void {
    this.failures.close();
  }
}
