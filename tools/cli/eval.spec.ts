import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface EvalJson {
  policy: { hold: number; reject: number };
  results: { group: string; n: number; positives: number; recall: number; fpr: number }[];
}

/** `npm run eval` as a user runs it: the CLI in its own process, on a CSV and an optional policy file. */
function runEval(
  dir: string,
  extra: string[],
  task = 'toxicity',
  input = 'rows.csv',
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    TSX,
    ['tools/cli/eval.ts', '--task', task, '--input', join(dir, input), ...extra],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run eval --policy', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rg-eval-'));
    const rows = [
      ['1', 'test', 'You are a worthless idiot and everyone here hates you', '1'],
      ['2', 'test', 'Shut up you stupid moron, nobody asked for your garbage opinion', '1'],
      ['3', 'test', 'Thanks for the clear write-up, the chart on page two helped a lot', '0'],
      ['4', 'test', 'I visited the library mentioned here last week and it was lovely', '0'],
      ['5', 'test', 'Could you share the source for the second figure?', '0'],
    ];
    writeFileSync(
      join(dir, 'rows.csv'),
      ['id,source,text,label', ...rows.map((r) => r.map((c) => `"${c}"`).join(','))].join('\n'),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('evaluates at the thresholds of a partial site policy instead of the defaults', () => {
    const defaults = runEval(dir, ['--json']);
    expect(defaults.status).toBe(0);
    const atDefault = JSON.parse(defaults.stdout) as EvalJson;

    // Hold everything: every comment scores above 0.0001, so every clean one is a false positive.
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ thresholds: { toxicity: { hold: 0.0001 } } }));
    const strict = runEval(dir, ['--policy', join(dir, 'policy.json'), '--json']);
    expect(strict.status).toBe(0);
    const atStrict = JSON.parse(strict.stdout) as EvalJson;

    expect(atStrict.policy.hold).toBe(0.0001);
    expect(atStrict.policy.reject).toBe(atDefault.policy.reject);
    const all = (r: EvalJson) => r.results.find((g) => g.group === 'all')!;
    expect(all(atStrict)).toMatchObject({ n: 5, positives: 2, recall: 1, fpr: 1 });
    expect(all(atDefault).fpr).toBeLessThan(1);
  });

  it("reads the reply form's author fields from optional columns", () => {
    // The same bland comment twice: only the author fields tell the link-building spam from the reader.
    const text = 'Thanks for sharing this useful information.';
    writeFileSync(
      join(dir, 'authors.csv'),
      [
        'id,source,text,label,kind,authorName,authorUrl',
        `s1,test,"${text}",1,spam,Buy Cheap Viagra Online,http://cheap-pills-24.xyz/buy`,
        `h1,test,"${text}",0,ham,Helen,`,
      ].join('\n'),
    );
    const run = runEval(dir, ['--json'], 'spam', 'authors.csv');
    expect(run.status).toBe(0);
    const all = (JSON.parse(run.stdout) as EvalJson).results.find((g) => g.group === 'all')!;
    expect(all).toMatchObject({ n: 2, positives: 1, recall: 1, fpr: 0 });
  });

  it('keeps only the rows whose id matches --ids', () => {
    const run = runEval(dir, ['--ids', '^[12]$', '--json']);
    expect(run.status).toBe(0);
    const all = (JSON.parse(run.stdout) as EvalJson).results.find((g) => g.group === 'all')!;
    expect(all).toMatchObject({ n: 2, positives: 2 });
  });

  it('names the field and the rule of an invalid policy, and exits 2', () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ thresholds: { toxicity: { hold: 0.9, reject: 0.5 } } }),
    );
    const bad = runEval(dir, ['--policy', join(dir, 'bad.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/POLICY_INVALID_THRESHOLD at thresholds\.toxicity/);
  });
});
