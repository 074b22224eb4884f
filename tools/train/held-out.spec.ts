import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatCsvRow, parseCsvRecords } from './csv';
import { isHeldOut } from './datasets';

const ROOT = resolve(__dirname, '../..');

describe('npm run held-out', () => {
  let dir: string;
  // Texts with commas, quotes and line breaks, enough of them that both sides of the split occur.
  const texts = Array.from({ length: 40 }, (_, i) => `comment ${i}, with "quotes"\nand a second line`);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rg-held-out-'));
    const csv = (kind: string) =>
      [
        'id,source,text,label,kind',
        ...texts.map((t, i) => formatCsvRow([`${kind}-${i}`, `${kind}-source`, t, String(i % 2), kind])),
      ].join('\n');
    mkdirSync(join(dir, 'spam'));
    mkdirSync(join(dir, 'toxicity'));
    writeFileSync(join(dir, 'spam', 'train.csv'), csv('spam'));
    writeFileSync(join(dir, 'toxicity', 'train.csv'), csv('offensive'));
    writeFileSync(join(dir, 'toxicity', 'fox-news-train.csv'), csv('hate'));
    writeFileSync(join(dir, 'toxicity', 'wikipedia-talk-train.csv'), csv('toxic'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the rows npm run train holds out, and they read back unchanged', () => {
    const output = join(dir, 'out.csv');
    const run = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['tools/train/held-out.ts', '--task', 'toxicity', '--output', output, '--data', dir],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(0);
    const rows = parseCsvRecords(readFileSync(output, 'utf8'));
    const expected = texts.flatMap((t, i) => (isHeldOut(t) ? [i] : []));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(texts.length);
    // The three toxicity files, each with the same held-out texts.
    expect(rows.map((r) => r.id)).toEqual(
      ['offensive', 'hate', 'toxic'].flatMap((kind) => expected.map((i) => `${kind}-${i}`)),
    );
    expect(rows[0]).toEqual({
      id: `offensive-${expected[0]}`,
      source: 'offensive-source',
      text: texts[expected[0]],
      label: String(expected[0] % 2),
      kind: 'offensive',
    });
  });
});
