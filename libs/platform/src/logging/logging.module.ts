import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { runtimeConfig } from '../config/common.config';

/**
 * Structured JSON logs. Request lines carry method, route, status and the request id, and nothing
 * that identifies a commenter: no headers, no remote address, no body.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [runtimeConfig.KEY],
      useFactory: (runtime: ConfigType<typeof runtimeConfig>) => ({
        pinoHttp: {
          level: runtime.logLevel,
          // Under Fastify `req.url` is rewritten by the time this runs; the path is in `originalUrl`.
          autoLogging: {
            ignore: (req) =>
              ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').startsWith('/health'),
          },
          serializers: {
            req: (req: { id?: unknown; method?: string; url?: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
          },
          redact: { paths: ['*.authorEmail', '*.email', '*.ip', '*.remoteAddress'], censor: '[redacted]' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
