import { Controller, Get, Headers, Logger, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { findStaticDir, loadStaticFiles, type StaticFile } from './static-files';

/**
 * The page allows only its own scripts, styles and API: a comment that slipped through as markup
 * still could not run or load anything.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A deployment that left the files out (an image that copies only dist/) keeps its API and logs why
 * /console answers 404, rather than failing to start.
 */
function loadConsole(): Map<string, StaticFile> {
  try {
    return loadStaticFiles(findStaticDir('apps/moderation/console'));
  } catch (error) {
    new Logger(ConsoleHttpController.name).error(
      `the moderator console is not served: ${(error as Error).message}; ship apps/moderation/console beside dist/`,
    );
    return new Map();
  }
}

/** The moderator console: static files from `apps/moderation/console`, held in memory. */
@ApiExcludeController()
@Controller('console')
export class ConsoleHttpController {
  private readonly files = loadConsole();

  @Get()
  index(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    this.send('index.html', ifNoneMatch, reply);
  }

  @Get(':file')
  file(
    @Param('file') name: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    this.send(name === '' ? 'index.html' : name, ifNoneMatch, reply);
  }

  private send(name: string, ifNoneMatch: string | undefined, reply: FastifyReply): void {
    const file = this.files.get(name);
    if (!file) throw new NotFoundException(`No console file ${name}`);
    void reply
      .header('content-type', file.contentType)
      .header('etag', file.etag)
      // Revalidate every time: a deploy must not leave an old script talking to a new API.
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('referrer-policy', 'no-referrer');
    if (ifNoneMatch === file.etag) {
      void reply.status(304).send();
      return;
    }
    void reply.status(200).send(file.body);
  }
}
