import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FastifyReply } from 'fastify';

/** One file held in memory, with what the HTTP answer needs. */
export interface StaticAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

/**
 * Files of one assets folder (`relative`, from the repository root), read once at start-up. Found
 * from the sources and from `nest build` output (`dist/apps/articles/apps/articles/src/…`, where tsc
 * copies no .mjs, .js or .css) by walking up from `from` to the first ancestor that holds them, then
 * from the working directory.
 */
export function loadStaticAssets(
  relative: string,
  files: Readonly<Record<string, string>>,
  from: string,
): Map<string, StaticAsset> {
  const marker = Object.keys(files)[0];
  const dir = findAssetsDir(relative, marker, from);
  const assets = new Map<string, StaticAsset>();
  for (const [name, contentType] of Object.entries(files)) {
    const body = readFileSync(join(dir, name));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(name, { body, contentType, etag });
  }
  return assets;
}

function findAssetsDir(relative: string, marker: string, from: string): string {
  const local = join(resolve(from), 'assets');
  if (existsSync(join(local, marker))) return local;
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(join(candidate, marker))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fallback = resolve(process.cwd(), relative);
  if (existsSync(join(fallback, marker))) return fallback;
  throw new Error(`assets not found: no ${relative} above ${from} or in ${process.cwd()}`);
}

/**
 * Sends a file held in memory with its ETag (a 304 when the client holds it), its content type and
 * the caching and other headers its folder wants.
 */
export function sendStaticAsset(
  reply: FastifyReply,
  file: { contentType: string; etag: string; body: Buffer | string },
  ifNoneMatch: string | undefined,
  headers: Readonly<Record<string, string>>,
): void {
  void reply.header('content-type', file.contentType).header('etag', file.etag).headers(headers);
  if (ifNoneMatch === file.etag) void reply.status(304).send();
  else void reply.status(200).send(file.body);
}
