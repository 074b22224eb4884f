import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { destination, type DestinationStream } from 'pino';
import { runtimeConfig } from '../config/common.config';
import { errorWithoutQueryValues } from './error-serializer';
import { loggableUrl } from './request-log';

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
        pinoHttp: [
          {
            level: runtime.logLevel,
            autoLogging: false,
            serializers: {
              req: (req: { id?: unknown; method?: string; url?: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url === undefined ? undefined : loggableUrl(req.url),
              }),
              res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
              err: errorWithoutQueryValues,
            },
            redact: { paths: ['*.authorEmail', '*.email', '*.ip', '*.remoteAddress'], censor: '[redacted]' },
          },
          logDestination(runtime.logFile, runtime.logBufferBytes),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}

function openForAppend(file: string): number {
  mkdirSync(dirname(file), { recursive: true });
  return openSync(file, 'a');
}

/** How often buffered log lines are written at the latest, so a quiet service's lines still show. */
export const LOG_FLUSH_INTERVAL_MS = 200;

/**
 * Where the lines go: stdout, or the LOG_FILE. With a buffer, lines are written in the background
 * in chunks of `bufferBytes` or more, every LOG_FLUSH_INTERVAL_MS at the latest, and synchronously
 * when the process exits (pino registers that for asynchronous destinations).
 */
export function logDestination(file: string | undefined, bufferBytes: number): DestinationStream {
  // Opened here, synchronously, so that even a process exiting in its first tick writes its lines.
  const dest = file ? openForAppend(file) : 1;
  if (bufferBytes === 0) return destination({ dest, sync: true });
  const stream = destination({ dest, sync: false, minLength: bufferBytes });
  const timer = setInterval(() => {
    try {
      stream.flush();
    } catch {
      clearInterval(timer); // ended at exit: nothing left to flush
    }
  }, LOG_FLUSH_INTERVAL_MS).unref();
  stream.once('close', () => clearInterval(timer));
  return stream;
}
