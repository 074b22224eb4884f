/**
 * `npm run held-out -- --task spam|toxicity --output <file.csv> [--data <dir>]`: writes the rows of
 * `../shared/datasets` that `npm run train` holds out (never trains on) as one CSV in the datasets'
 * format, for `npm run eval`; with `--policy`, eval then shows what a threshold change does on text
 * the models never saw (the threshold table in the README comes from it).
 */
import { writeFileSync } from 'node:fs';
import { fail, flag } from '../cli/args';
import { formatCsvRow } from './csv';
import { datasetsDir, isHeldOut, loadDatasets, type Row } from './datasets';

function main(): void {
  const task = flag(process.argv, '--task');
  const output = flag(process.argv, '--output');
  if ((task !== 'spam' && task !== 'toxicity') || !output) {
    fail('usage: npm run held-out -- --task spam|toxicity --output <file.csv> [--data <dir>]');
  }
  const data = loadDatasets(datasetsDir());
  const rows: Row[] = task === 'spam' ? data.spam : [...data.offensive, ...data.fox, ...data.wiki];
  const held = rows.filter((r) => isHeldOut(r.text));
  const lines = [
    'id,source,text,label,kind',
    ...held.map((r) => formatCsvRow([r.id, r.source, r.text, String(r.label), r.kind ?? ''])),
  ];
  writeFileSync(output, lines.join('\n') + '\n');
  process.stderr.write(`${held.length} of ${rows.length} ${task} rows are held out: ${output}\n`);
}

main();
