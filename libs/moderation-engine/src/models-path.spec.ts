import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultModelsDir } from './models-path';

describe(defaultModelsDir.name, () => {
  const repo = resolve(__dirname, '..', '..', '..');
  const expected = join(repo, 'libs', 'moderation-engine', 'models');

  it('finds the committed models from the sources', () => {
    expect(defaultModelsDir()).toBe(expected);
    expect(existsSync(join(expected, 'manifest.json'))).toBe(true);
  });

  it.each([
    join(repo, 'dist', 'libs', 'moderation-engine'),
    join(repo, 'dist', 'apps', 'moderation', 'libs', 'moderation-engine', 'src'),
  ])('finds them from compiled output in %s', (from) => {
    expect(defaultModelsDir(from)).toBe(expected);
  });
});
