import { Controller, Get, Headers, Inject, Logger, NotFoundException, Param, Res } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { buildThread } from '../comments/get-thread/build-thread';
import { ThreadParamsV1 } from '../comments/get-thread/thread.params';
import { PublishedCommentsRepository } from '../comments/published-comments.repository';
import { articlesConfig } from '../config/articles.config';
import { type DemoAsset, loadDemoAssets } from './demo-assets';
import { demoArticle } from './demo-article';
import { renderDemoPage } from './render-page';

/** Without its script the page still shows the article and thread; the form then cannot post. */
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
 * uses Replyguard. Server-rendered; demo.mjs only submits the form and follows the thread.
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
    // Own scripts and styles only, and the form may talk to ingest: a comment that slipped through
    // as markup still could not run.
    this.contentSecurityPolicy = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self' ${new URL(config.ingestPublicUrl).origin}`,
      "form-action 'self'",
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
    void reply
      .header('content-type', asset.contentType)
      .header('etag', asset.etag)
      .header('cache-control', 'no-cache');
    if (ifNoneMatch === asset.etag) void reply.status(304).send();
    else void reply.status(200).send(asset.body);
  }

  @Get(':siteId/:articleId')
  async page(@Param() params: ThreadParamsV1, @Res() reply: FastifyReply): Promise<void> {
    const flat = await this.comments.listForArticle(params.siteId, params.articleId);
    const html = renderDemoPage({
      siteId: params.siteId,
      articleId: params.articleId,
      article: demoArticle(params.articleId),
      thread: buildThread(params.siteId, params.articleId, flat),
      ingestUrl: this.config.ingestPublicUrl,
    });
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', this.contentSecurityPolicy)
      .status(200)
      .send(html);
  }
}
