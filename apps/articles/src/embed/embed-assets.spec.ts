import { join, resolve } from 'node:path';
import { EMBED_FILES, loadEmbedAssets } from './embed-assets';

describe(loadEmbedAssets.name, () => {
  it('finds the widget from the sources and from nest build output', () => {
    const root = resolve(__dirname, '../../../..');
    for (const from of [__dirname, join(root, 'dist/apps/articles/apps/articles/src/embed')]) {
      const assets = loadEmbedAssets(from);
      expect([...assets.keys()]).toEqual(Object.keys(EMBED_FILES));
      for (const asset of assets.values()) expect(asset.contentType).toBe('text/javascript; charset=utf-8');
    }
  });

  it('serves every module the widget imports, so a site page needs nothing else from us', () => {
    const assets = loadEmbedAssets();
    for (const [name, asset] of assets) {
      const imports = [...asset.body.toString('utf8').matchAll(/from '\.\/([^']+)'/g)].map((m) => m[1]);
      for (const imported of imports)
        expect({ name, imported, served: assets.has(imported) }).toMatchObject({ served: true });
    }
  });
});
