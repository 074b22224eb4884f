import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject, Res } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { metricsConfig } from './metrics.config';
import { MetricsRegistry } from './metrics.registry';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Prometheus scrape endpoint. It names routes, rates and, in moderation, every site's queue depth:
 * serve it on an internal network, or set METRICS_TOKEN so that only the scraper reads it.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly expected: Buffer | null;

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
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The scheme in any case (RFC 9110), the token compared as digests in constant time.
    const token = /^Bearer\s+(\S{1,512})$/i.exec(authorization ?? '')?.[1] ?? '';
    if (this.expected && !timingSafeEqual(digest(token), this.expected)) {
      throw new DomainError(
        'UNAUTHORIZED',
        'the metrics need the scrape token (METRICS_TOKEN) as a bearer token',
      );
    }
    const { contentType, body } = await this.metrics.text();
    await reply.header('content-type', contentType).send(body);
  }
}
