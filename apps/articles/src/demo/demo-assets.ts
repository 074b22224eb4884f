import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** One file held in memory, with what the HTTP answer needs. */
export interface DemoAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

const RELATIVE = join('apps', 'articles', 'src', 'demo', 'assets');
const FILES: Record<string, string> = {
  'demo.css': 'text/css; charset=utf-8',
  'demo.mjs': 'text/javascript; charset=utf-8',
};

/**
 * The page's script and style sheet, read once at start-up. Found from the sources
 * (`apps/articles/src/demo`) and from `nest build` output (`dist/apps/articles/apps/articles/src/demo`,
 * where tsc copies no .mjs or .css) by walking up to the first ancestor that holds them.
 */
export function loadDemoAssets(from: string = __dirname): Map<string, DemoAsset> {
  const dir = findAssetsDir(from);
  const assets = new Map<string, DemoAsset>();
  for (const [name, contentType] of Object.entries(FILES)) {
    const body = readFileSync(join(dir, name));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(name, { body, contentType, etag });
  }
  return assets;
}

function findAssetsDir(from: string): string {
  const local = join(resolve(from), 'assets');
  if (existsSync(join(local, 'demo.mjs'))) return local;
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(join(candidate, 'demo.mjs'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fallback = resolve(process.cwd(), RELATIVE);
  if (existsSync(join(fallback, 'demo.mjs'))) return fallback;
  throw new Error(`demo page assets not found: no ${RELATIVE} above ${from} or in ${process.cwd()}`);
}
