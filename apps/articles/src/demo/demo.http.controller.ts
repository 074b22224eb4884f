import {
  Controller,
  Get,
  Headers,
  Inject,
  Logger,
  NotFoundException,
  Param,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { buildThreadV2 } from '../comments/get-thread/build-thread';
import { ThreadParamsV1 } from '../comments/get-thread/thread.params';
import { PublishedCommentsRepository } from '../comments/published-comments.repository';
import { articlesConfig } from '../config/articles.config';
import { type DemoAsset, loadDemoAssets } from './demo-assets';
import { demoArticle } from './demo-article';
import { renderDemoPage } from './render-page';
import { sendStaticAsset } from '../web/static-assets';

/** Without its script the page still shows the article and thread, and the form posts as a plain form. */
function loadAssets(): Map<string, DemoAsset> {
  try {
    return loadDemoAssets();
  } catch (error) {
    new Logger(DemoHttpController.name).error(
      `the demo page's script and styles are not served: ${(error as Error).message}`,
    );
    return new Map();
  }
}

/**
 * A news article page with its thread and a "Leave a Reply" form posting to ingest: how a website
 * uses Replyguard. Server-rendered from thread v2 (a taken-down comment with replies stays as a
 * placeholder); the form posts to ingest's WordPress-compatible endpoint, and demo.mjs, when it runs,
 * posts it as JSON instead and follows the thread.
 */
@ApiExcludeController()
@Controller('demo')
export class DemoHttpController {
  private readonly assets = loadAssets();
  private readonly contentSecurityPolicy: string;

  constructor(
    private readonly comments: PublishedCommentsRepository,
    @Inject(articlesConfig.KEY) private readonly config: ConfigType<typeof articlesConfig>,
  ) {
    // Own scripts and styles only, and the form may talk to ingest (by fetch, or posted without
    // JavaScript): a comment that slipped through as markup still could not run.
    const ingestOrigin = new URL(config.ingestPublicUrl).origin;
    this.contentSecurityPolicy = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self' ${ingestOrigin}`,
      `form-action 'self' ${ingestOrigin}`,
      "base-uri 'none'",
      "frame-ancestors 'self'",
    ].join('; ');
  }

  // Site ids never start with "_", so this path cannot hide a site's page.
  @Get('_assets/:file')
  asset(
    @Param('file') name: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`No demo asset ${name}`);
    sendStaticAsset(reply, asset, ifNoneMatch, { 'cache-control': 'no-cache' });
  }

  @Get(':siteId/:articleId')
  async page(
    @Param() params: ThreadParamsV1,
    @Query('unapproved') unapproved: unknown,
    @Query('replytocom') replytocom: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const flat = await this.comments.listWithRemoved(params.siteId, params.articleId);
    const path = `/demo/${encodeURIComponent(params.siteId)}/${encodeURIComponent(params.articleId)}`;
    const html = renderDemoPage({
      siteId: params.siteId,
      articleId: params.articleId,
      article: demoArticle(params.articleId),
      thread: buildThreadV2(params.siteId, params.articleId, flat),
      ingestUrl: this.config.ingestPublicUrl,
      // As the browser reached us. Ingest follows it only to one of the site's allowedOrigins.
      pageUrl: `${req.protocol}://${req.host}${path}`,
      unapproved: typeof unapproved === 'string' ? unapproved : null,
      replyTo: typeof replytocom === 'string' ? replytocom : null,
    });
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', this.contentSecurityPolicy)
      // Not the services' no-referrer: under it a form post goes out with `Origin: null`, which
      // ingest refuses (403). The web's default sends other origins only this page's origin.
      .header('referrer-policy', 'strict-origin-when-cross-origin')
      .status(200)
      .send(html);
  }
}
