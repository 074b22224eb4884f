import { defuseCsvCell, restoreCsvCell } from './csv-cells';

describe(defuseCsvCell.name, () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Click")', `'=HYPERLINK("https://evil.example","Click")`],
    ['+1+cmd|/c calc!A0', `'+1+cmd|/c calc!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    // Already quoted by its author: one quote more, or the reader would take theirs away.
    ["'=1+1", "''=1+1"],
  ])('prefixes a quote to %j', (cell, defused) => {
    expect(defuseCsvCell(cell)).toBe(defused);
  });

  it.each(['Great article.', '', 'a = b', "'quoted'", "it's -1 degrees", '1e3', ' =not first'])(
    'leaves %j as it is',
    (cell) => {
      expect(defuseCsvCell(cell)).toBe(cell);
    },
  );
});

describe(restoreCsvCell.name, () => {
  it('undoes exactly what defuseCsvCell did, for every cell', () => {
    const cells = [
      '=1+1',
      "'=1+1",
      "''-x",
      "'",
      "''",
      "'a",
      '-',
      '@',
      '\t',
      '\r\n',
      'plain',
      '',
      "'+",
      "x'=1",
    ];
    for (const cell of cells) {
      expect(restoreCsvCell(defuseCsvCell(cell))).toBe(cell);
    }
  });

  it('keeps quotes that defuseCsvCell could not have added', () => {
    expect(restoreCsvCell("'hello")).toBe("'hello");
    expect(restoreCsvCell("'")).toBe("'");
    expect(restoreCsvCell("'=1")).toBe('=1');
  });
});
