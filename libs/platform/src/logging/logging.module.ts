import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { destination, type DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { runtimeConfig } from '../config/common.config';

/**
 * Structured JSON logs. Request lines (see `installRequestLog`) carry method, route, status and the
 * request id, and nothing that identifies a commenter: no headers, no remote address, no body. A
 * request that started something (a submission) carries its `correlationId`, the id every later log
 * line about it has.
 *
 * nestjs-pino gives Nest's Logger a pino root; its pino-http middleware is not mounted (no routes):
 * it made two child loggers and an AsyncLocalStorage scope per request, for one line.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [runtimeConfig.KEY],
      useFactory: (runtime: ConfigType<typeof runtimeConfig>) => ({
        forRoutes: [],
        pinoHttp: withDestination(runtime.logFile, {
          level: runtime.logLevel,
          autoLogging: false,
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
