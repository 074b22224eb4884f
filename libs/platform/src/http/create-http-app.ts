import { isIPv4 } from 'node:net';
import { type INestApplication, ParseUUIDPipe, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { flattenValidationErrors } from '@replyguard/contracts';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { installRequestLog } from '../logging/request-log';
import { installHttpMetrics } from '../metrics/http-metrics';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { installBodyParsers } from './body-parsers';
import { answerClientError, frameworkErrorAnswer, MAX_PARAM_LENGTH } from './fastify-errors';
import { DEFAULT_CONSUMES, installRouteBodyLimits } from './route-body';
import { helmetHeaders, installSecurityHeaders } from './security-headers';
import { validationFailed } from './validation-failed';

/** The API answers JSON; the pages that serve HTML set their own Content-Security-Policy. */
const API_HELMET_OPTIONS = { contentSecurityPolicy: false } as const;

const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export interface HttpAppOptions {
  /** Shown in the OpenAPI document. */
  title: string;
  description: string;
  /** Proxies whose X-Forwarded-For is believed (IPs or CIDRs); empty: none. */
  trustedProxies?: string[];
  /** Largest accepted body; larger ones get 413. A route may take more (`RouteBody`). */
  bodyLimitBytes?: number;
}

/**
 * Fastify's `trustProxy` for the configured proxies. Plain IPv4 addresses (the usual case) become a
 * set lookup: the list form has proxy-addr parse every hop's address on each `request.ip`, which the
 * rate limit and the handler read for every submission. CIDRs, IPv6 and names keep the list form.
 */
export function trustProxyOption(proxies: string[] = []): false | string[] | ((address: string) => boolean) {
  if (proxies.length === 0) return false;
  if (!proxies.every((p) => isIPv4(p))) return proxies;
  const trusted = new Set(proxies);
  // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; proxy-addr trusts that form too.
  return (address) =>
    trusted.has(address) || (address.startsWith('::ffff:') && trusted.has(address.slice(7)));
}

/**
 * A path parameter that must be a UUID (a comment, ban or moderator id): a malformed one is a
 * VALIDATION_FAILED naming the parameter, like a body field, not Nest's bare "Validation failed".
 */
export function ParseIdPipe(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      validationFailed([{ field, rules: ['isUuid'], messages: [`${field} must be a UUID`] }]),
  });
}

/** ValidationPipe that refuses unknown fields and names every failing field and its rule. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

/**
 * Creates a service's HTTP application on Fastify with the shared edge: validation, the error
 * filter, security headers, structured logs, OpenAPI at /docs and graceful shutdown.
 */
export async function createHttpApp(
  module: Parameters<typeof NestFactory.create>[0],
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(options.trustedProxies),
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // What Fastify answers on its own, before Nest's filters could, in the shape of every error answer.
    frameworkErrors: frameworkErrorAnswer(helmetHeaders(API_HELMET_OPTIONS)),
    clientErrorHandler: answerClientError,
  });
  installBodyParsers(adapter);
  installRouteBodyLimits(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true });
  const fastify = app.getHttpAdapter().getInstance();
  installHttpMetrics(fastify, app.get(MetricsRegistry, { strict: false }));
  installRequestLog(fastify);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  installSecurityHeaders(fastify, API_HELMET_OPTIONS);
  // Signals are handled by each service's main (enableGracefulShutdown): Nest's shutdown hooks would
  // close in the wrong order and end the process by the signal instead of exit code 0.
  setupOpenApi(app, options);
  return app;
}

export function setupOpenApi(app: INestApplication, options: HttpAppOptions): void {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  documentBodyLimit(document, options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES);
  documentBodyTypes(document);
  documentParameterErrors(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}

/**
 * Every route that takes a body refuses one of a type it does not read, before any handler runs
 * (installRouteBodyLimits), so every such operation lists the 415 with the types it reads (unless it
 * describes its own), as generated clients expect of a documented answer.
 */
export function documentBodyTypes(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.post, item.put, item.patch, item.delete]) {
      const body = operation?.requestBody;
      if (!operation || !body || operation.responses['415']) continue;
      const types = 'content' in body ? Object.keys(body.content) : [...DEFAULT_CONSUMES];
      operation.responses['415'] = {
        description: `UNSUPPORTED_MEDIA_TYPE: a body that is not ${types.join(' or ')} (\`details.expected\` names the types)`,
      };
    }
  }
}

/**
 * Every path and query parameter is validated (a site id's pattern, a UUID, a query class that refuses
 * unknown names), so every operation that has one lists the 400 (unless it describes its own).
 */
export function documentParameterErrors(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation || operation.responses['400']) continue;
      const parameters = (operation.parameters ?? []) as { in?: string }[];
      if (parameters.some((p) => p.in === 'path' || p.in === 'query')) {
        operation.responses['400'] = {
          description: 'VALIDATION_FAILED: a path or query parameter breaks its rule (`fields` names it)',
        };
      }
    }
  }
}

/**
 * Fastify refuses a body over the limit on every route that takes one, before any handler runs, so
 * every operation with a request body lists the 413 (unless it describes its own, as an HTML form's).
 */
export function documentBodyLimit(document: OpenAPIObject, limitBytes: number): void {
  const limit = limitBytes % 1024 === 0 ? `${limitBytes / 1024} KiB` : `${limitBytes} bytes`;
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.post, item.put, item.patch, item.delete]) {
      if (operation?.requestBody && !operation.responses['413']) {
        operation.responses['413'] = { description: `PAYLOAD_TOO_LARGE: a body over ${limit}` };
      }
    }
  }
}
