import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv';
import { foreignRows, linkDropRows } from './synthetic-spam';

describe.each([
  ['linkDropRows', linkDropRows],
  ['foreignRows', foreignRows],
] as const)('%s', (_, make) => {
  const rows = make(400, 7);

  it('gives distinct rows, half spam and half genuine, the same for the same seed', () => {
    expect(rows).toHaveLength(400);
    expect(new Set(rows.map((r) => r.text)).size).toBe(400);
    expect(rows.filter((r) => r.label === 1)).toHaveLength(200);
    expect(make(400, 7)).toEqual(rows);
    expect(make(400, 8)).not.toEqual(rows);
  });

  it('puts a site, a handle or a phone number in every spam row', () => {
    for (const r of rows.filter((x) => x.label === 1))
      expect([r.text, /\.[a-z]{2,4}\b|@\w|\+\d/.test(r.text)]).toEqual([r.text, true]);
  });

  it('copies no comment of the committed probe sets', () => {
    const probes = parseCsv(readFileSync(join(__dirname, 'probes', 'comment-spam.csv'), 'utf8'))
      .slice(1)
      .map((cols) => cols[2]);
    const texts = new Set(rows.map((r) => r.text));
    expect(probes.filter((p) => texts.has(p))).toEqual([]);
  });
});
