import { join, resolve } from 'node:path';
import { loadDemoAssets } from './demo-assets';

describe(loadDemoAssets.name, () => {
  it('finds the assets from the sources and from nest build output', () => {
    const root = resolve(__dirname, '../../../..');
    for (const from of [__dirname, join(root, 'dist/apps/articles/apps/articles/src/demo')]) {
      const assets = loadDemoAssets(from);
      expect([...assets.keys()]).toEqual(['demo.css', 'demo.mjs']);
      expect(assets.get('demo.css')?.contentType).toBe('text/css; charset=utf-8');
    }
  });
});
