import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { destination, type DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { runtimeConfig } from '../config/common.config';
import { requestCorrelationId } from './correlation';

/**
 * Structured JSON logs. Request lines carry method, route, status and the request id, and nothing
 * that identifies a commenter: no headers, no remote address, no body. A request that started
 * something (a submission) carries its `correlationId`, the id every later log line about it has.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [runtimeConfig.KEY],
      useFactory: (runtime: ConfigType<typeof runtimeConfig>) => ({
        pinoHttp: withDestination(runtime.logFile, {
          level: runtime.logLevel,
          // Under Fastify `req.url` is rewritten by the time this runs; the path is in `originalUrl`.
          autoLogging: {
            ignore: (req) =>
              /^\/(health|metrics)(\/|\?|$)/.test(
                (req as { originalUrl?: string }).originalUrl ?? req.url ?? '',
              ),
          },
          customProps: (req) => {
            const correlationId = requestCorrelationId(req);
            return correlationId ? { correlationId } : {};
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
        }),
      }),
    }),
  ],
})
export class LoggingModule {}

/** pino-http options, with a synchronous file destination when LOG_FILE is set. */
function withDestination(file: string | undefined, options: Options): Options | [Options, DestinationStream] {
  return file ? [options, destination({ dest: file, sync: true, mkdir: true, append: true })] : options;
}
