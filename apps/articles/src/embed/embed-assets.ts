import { join } from 'node:path';
import { loadStaticAssets, type StaticAsset } from '../web/static-assets';

const RELATIVE = join('apps', 'articles', 'src', 'embed', 'assets');
const JAVASCRIPT = 'text/javascript; charset=utf-8';

/**
 * The widget's files, by the name they are served under at `/embed/v1/`: `comments.js`, the classic
 * script sites embed, loads `widget.mjs`, which imports the others (the demo page imports
 * `comment-dom.mjs` too).
 */
export const EMBED_FILES: Readonly<Record<string, string>> = {
  'comments.js': JAVASCRIPT,
  'widget.mjs': JAVASCRIPT,
  'widget-styles.mjs': JAVASCRIPT,
  'widget-strings.mjs': JAVASCRIPT,
  'comment-dom.mjs': JAVASCRIPT,
};

/** The widget's files, read once at start-up from the sources or from `nest build` output. */
export function loadEmbedAssets(from: string = __dirname): Map<string, StaticAsset> {
  return loadStaticAssets(RELATIVE, EMBED_FILES, from);
}
