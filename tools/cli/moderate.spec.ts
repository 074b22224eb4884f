import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface OutputLine {
  id: unknown;
  action?: string;
  spam?: number;
  toxicity?: number;
  reasons?: { code: string; message: string; signals?: string[] }[];
  error?: string;
}

/** `npm run moderate` as a user runs it: JSON lines on stdin, one JSON line out per line in. */
function moderate(lines: string[]): { status: number | null; out: OutputLine[]; stderr: string } {
  const result = spawnSync(TSX, ['tools/cli/moderate.ts'], {
    cwd: ROOT,
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    timeout: 60_000,
  });
  const out = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as OutputLine);
  return { status: result.status, out, stderr: result.stderr };
}

describe('npm run moderate', () => {
  const run = moderate([
    JSON.stringify({ id: 'a', content: 'Thanks for the clear explanation of the trade figures.' }),
    JSON.stringify({
      id: 'b',
      content: 'I will find you and kill you.',
      authorName: 'Sam',
      authorEmail: 'sam@example.org',
    }),
    'not json',
    JSON.stringify({
      id: 'd',
      content:
        'Cheap meds <a href="http://pills.example/">buy now</a> <a href="http://pills.example/2">here</a> http://bit.ly/x',
    }),
  ]);

  it('answers every line in order, with scores in [0, 1], and reports its rate on stderr', () => {
    expect(run.status).toBe(0);
    expect(run.out.map((o) => o.id)).toEqual(['a', 'b', null, 'd']);
    for (const o of [run.out[0], run.out[1], run.out[3]]) {
      expect(o.spam).toBeGreaterThanOrEqual(0);
      expect(o.spam).toBeLessThanOrEqual(1);
      expect(o.toxicity).toBeGreaterThanOrEqual(0);
      expect(o.toxicity).toBeLessThanOrEqual(1);
    }
    expect(run.out[2].error).toBeDefined();
    expect(run.stderr).toMatch(/4 comments in [\d.]+ s: \d+ comments\/s, 1 unreadable lines/);
  });

  it('approves the ordinary comment, and says what kind of toxicity it saw in the threat', () => {
    expect(run.out[0].action).toBe('approve');
    expect(run.out[1].action).not.toBe('approve');
    const toxicity = run.out[1].reasons?.find((r) => r.code === 'TOXICITY_MODEL');
    expect(toxicity?.signals).toEqual(expect.arrayContaining(['threat', 'threat-to-reader']));
    expect(run.out[3].action).not.toBe('approve');
    const links = run.out[3].reasons?.find((r) => r.code === 'LINKS_OVER_LIMIT');
    expect(links).toBeDefined();
    expect(links?.signals).toBeUndefined();
  });

  it('never writes the email it was given', () => {
    expect(JSON.stringify(run.out)).not.toContain('sam@example.org');
  });
});
