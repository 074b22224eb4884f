import { Controller, Get, Headers, Inject, Logger, NotFoundException, Param, Res } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { articlesConfig } from '../config/articles.config';
import { sendStaticAsset, type StaticAsset } from '../web/static-assets';
import { loadEmbedAssets } from './embed-assets';
import { embedConfigDocument } from './embed-config';

/**
 * A few minutes: a site's readers pick up a new widget soon after a deploy, and a browser asks again
 * only with If-None-Match (a 304) after that.
 */
export const EMBED_CACHE_CONTROL = 'public, max-age=300';

/** Without its files the service still serves threads; the widget's URLs answer 404. */
function loadAssets(): Map<string, StaticAsset> {
  try {
    return loadEmbedAssets();
  } catch (error) {
    new Logger(EmbedHttpController.name).error(
      `the comments widget is not served: ${(error as Error).message}`,
    );
    return new Map();
  }
}

/**
 * The embeddable comments widget: `<script src="…/embed/v1/comments.js" async>` on a site's page
 * shows an article's thread and its "Leave a Reply" form. The script runs on the site's page, under
 * the site's CSP; these answers only have to be loadable from any origin (CORS `*`, and
 * `Cross-Origin-Resource-Policy: cross-origin` where helmet says `same-origin`).
 */
@ApiExcludeController()
@Controller('embed/v1')
export class EmbedHttpController {
  private readonly assets = loadAssets();
  private readonly config: { body: string; etag: string };

  constructor(@Inject(articlesConfig.KEY) config: ConfigType<typeof articlesConfig>) {
    this.config = embedConfigDocument(config);
  }

  @Get('config.json')
  configDocument(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    send(reply, { contentType: 'application/json; charset=utf-8', ...this.config }, ifNoneMatch);
  }

  @Get(':file')
  asset(
    @Param('file') name: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`No widget file ${name}`);
    send(reply, asset, ifNoneMatch);
  }
}

/** The widget's files and config: cached a few minutes, and loadable by a page of any origin. */
const EMBED_HEADERS = {
  'cache-control': EMBED_CACHE_CONTROL,
  'cross-origin-resource-policy': 'cross-origin',
} as const;

function send(
  reply: FastifyReply,
  file: { contentType: string; etag: string; body: Buffer | string },
  ifNoneMatch: string | undefined,
): void {
  sendStaticAsset(reply, file, ifNoneMatch, EMBED_HEADERS);
}
