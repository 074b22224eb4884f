import { CsvParser, formatCsvRow, parseCsv, parseCsvRecords } from './csv';

describe(CsvParser.name, () => {
  it('parses quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,b\n"x, y","he said ""hi""\nagain"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"\nagain'],
    ]);
  });

  it('handles CRLF, a missing final newline and empty fields', () => {
    expect(parseCsv('a,,c\r\n1,2,')).toEqual([
      ['a', '', 'c'],
      ['1', '2', ''],
    ]);
  });

  it('keeps state across chunks', () => {
    const p = new CsvParser();
    const rows = [...p.push('id,text\n1,"a\n'), ...p.push('b""c"\n2,d'), ...p.end()];
    expect(rows).toEqual([
      ['id', 'text'],
      ['1', 'a\nb"c'],
      ['2', 'd'],
    ]);
  });

  it('maps records by header', () => {
    expect(parseCsvRecords('id,label\nx,1\n')).toEqual([{ id: 'x', label: '1' }]);
  });

  it('reads a cell defused against spreadsheet formulas as it was before, quoted or not, across chunks', () => {
    expect(parseCsv(`id,text\n1,'=1+1\n2,"'@x, y"\n3,''-z\n4,'\t=1\n`)).toEqual([
      ['id', 'text'],
      ['1', '=1+1'],
      ['2', '@x, y'],
      ['3', "'-z"],
      ['4', '\t=1'],
    ]);
    const p = new CsvParser();
    expect([...p.push("a,'"), ...p.push('+1\n'), ...p.end()]).toEqual([['a', '+1']]);
    // A quote no defusing could have added is the text's own.
    expect(parseCsv("'hello,',x,'\n")).toEqual([["'hello", "'", 'x', "'"]]);
  });

  it('keeps every cell as written for files nobody defused (the published datasets)', () => {
    const wiki = "'''-Comment''' I was thinking the same thing.";
    expect(parseCsvRecords(`id,text\nw1,${wiki}\n`, { restoreDefused: false })).toEqual([
      { id: 'w1', text: wiki },
    ]);
  });
});

describe(formatCsvRow.name, () => {
  const texts = [
    '=HYPERLINK("https://evil.example","x")',
    '+1',
    '-1',
    '@a',
    '\tb',
    '\r\nc',
    "'=already quoted",
    "'''-Comment''' in wiki markup",
    'plain, "quoted" \'text\'',
    '',
  ];

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(formatCsvRow(['=1+1', '-a,b', 'ok', "'@x"])).toBe(`'=1+1,"'-a,b",ok,''@x`);
  });

  it('writes what parseCsv reads back exactly', () => {
    const csv = texts.map((t, i) => formatCsvRow([String(i), t])).join('\n');
    expect(parseCsv(csv).map((r) => r[1])).toEqual(texts);
  });
});
