import { join, resolve } from 'node:path';
import { findStaticDir, loadStaticFiles } from './static-files';

const ROOT = resolve(__dirname, '../../../..');
const CONSOLE = join(ROOT, 'apps/moderation/console');

describe(findStaticDir.name, () => {
  it('finds the console from the sources and from nest build output', () => {
    expect(findStaticDir('apps/moderation/console', __dirname)).toBe(CONSOLE);
    const built = join(ROOT, 'dist/apps/moderation/apps/moderation/src/console');
    expect(findStaticDir('apps/moderation/console', built)).toBe(CONSOLE);
  });
});

describe(loadStaticFiles.name, () => {
  it('serves only the known kinds of file, each with its type and an ETag', () => {
    const files = loadStaticFiles(CONSOLE);
    expect([...files.keys()].sort()).toEqual(['console.css', 'console.mjs', 'index.html']);
    expect(files.get('console.mjs')).toMatchObject({
      contentType: 'text/javascript; charset=utf-8',
      etag: expect.stringMatching(/^"[\w-]{22}"$/),
    });
  });
});
