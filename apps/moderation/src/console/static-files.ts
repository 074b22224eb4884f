import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

/** One file held in memory, with what the HTTP answer needs. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Finds `relative` (e.g. `apps/moderation/console`) from the sources (`apps/moderation/src/console`)
 * and from `nest build` output (`dist/apps/moderation/apps/moderation/src/console`): walks up from
 * `from` to the first ancestor that holds it, then tries the working directory.
 */
export function findStaticDir(relative: string, from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fallback = resolve(process.cwd(), relative);
  if (existsSync(join(fallback, 'index.html'))) return fallback;
  throw new Error(`static files not found: no ${relative}/index.html above ${from} or in ${process.cwd()}`);
}

/**
 * Reads a folder's servable files once, at start-up: the set is small, and a fixed set of names
 * means a request can never name a path outside it.
 */
export function loadStaticFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(dir)) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (!contentType) continue;
    const body = readFileSync(join(dir, name));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    files.set(name, { body, contentType, etag });
  }
  return files;
}
