import { join } from 'node:path';
import { loadStaticAssets, type StaticAsset } from '../web/static-assets';

/** One file held in memory, with what the HTTP answer needs. */
export type DemoAsset = StaticAsset;

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
  return loadStaticAssets(RELATIVE, FILES, from);
}
