import { describe, expect, it } from 'vitest';
import { csvDisposition, guardFormula, toCsv } from './csv-export.js';

const body = (csv: string) => csv.slice(1).split('\r\n');

describe('csv-export', () => {
  it('starts with a UTF-8 BOM, separates by semicolons and ends lines with CRLF', () => {
    const csv = toCsv(['School', 'Totaal'], [['De Regenboog', 12.5]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(body(csv)).toEqual(['School;Totaal', 'De Regenboog;12,5', '']);
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['  =1+1', "'  =1+1"],
    ['Basisschool = fijn', 'Basisschool = fijn'],
    ['e-mail', 'e-mail'],
  ])('guards %j against formula injection', (input, expected) => {
    expect(guardFormula(input)).toBe(expected);
  });

  it('guards text cells in the file but leaves numbers alone', () => {
    const [, row] = body(toCsv(['a', 'b', 'c'], [['=HYPERLINK("http://x")', -12.5, '-3']]));
    expect(row).toBe(`"'=HYPERLINK(""http://x"")";-12,5;'-3`);
  });

  it('quotes cells with the separator, quotes, line breaks or edge spaces', () => {
    const [, row] = body(toCsv(['a', 'b', 'c', 'd', 'e'], [['Noord; Zuid', 'De "Regenboog"', 'regel 1\nregel 2', ' rand', 'gewoon']]));
    expect(row).toBe('"Noord; Zuid";"De ""Regenboog""";"regel 1\nregel 2";" rand";gewoon');
  });

  it('writes empty cells for missing values and a dot as decimal when asked', () => {
    const [, row] = body(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, 1234.56, Number.NaN]], { decimal: '.' }));
    expect(row).toBe(';;1234.56;');
  });

  it('makes a safe ASCII file name', () => {
    expect(csvDisposition('arrangementkosten 2026/2027')).toBe('attachment; filename="arrangementkosten-2026-2027.csv"');
  });
});
