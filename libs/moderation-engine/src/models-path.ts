import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const RELATIVE = join('libs', 'moderation-engine', 'models');

/**
 * The committed models folder. Works from the TypeScript sources (`libs/moderation-engine/src`), from
 * tsc output (`dist/libs/moderation-engine/...` or `dist/apps/<app>/...`) and from a bundle: walks up from
 * this file to the first ancestor holding `libs/moderation-engine/models`, then falls back to the working
 * directory. Callers that ship models elsewhere pass their own folder to `ModerationEngine.load(dir)`.
 */
export function defaultModelsDir(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'models', 'manifest.json')) && dir.endsWith(join('libs', 'moderation-engine'))) {
      return join(dir, 'models');
    }
    const candidate = join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return resolve(process.cwd(), RELATIVE);
}
