import { CsvParser, parseCsv, parseCsvRecords } from './csv';

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
    expect(rows).toEqual([['id', 'text'], ['1', 'a\nb"c'], ['2', 'd']]);
  });

  it('maps records by header', () => {
    expect(parseCsvRecords('id,label\nx,1\n')).toEqual([{ id: 'x', label: '1' }]);
  });
});
