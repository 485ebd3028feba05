import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/metrics/csv';

describe('toCsv', () => {
  it('writes RFC 4180: CRLF rows, quoting only where needed, doubled quotes', () => {
    expect(toCsv([['metric', 'value'], ['MRR', 1234.5], ['Deals, open', 3], ['He said "hi"', 0], ['two\nlines', -2]])).toBe(
      'metric,value\r\nMRR,1234.5\r\n"Deals, open",3\r\n"He said ""hi""",0\r\n"two\nlines",-2\r\n',
    );
  });

  it('writes raw numbers and ISO dates, never locale formatting', () => {
    expect(toCsv([[1234567.891, new Date(Date.UTC(2026, 10, 23, 9, 30)), null, undefined, true, Number.NaN]])).toBe('1234567.891,2026-11-23T09:30:00.000Z,,,true,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv([['=HYPERLINK("http://evil")', '@SUM(A1)', '+A1', '-2+3', '-5', -5]])).toBe(`"'=HYPERLINK(""http://evil"")",'@SUM(A1),'+A1,'-2+3,-5,-5\r\n`);
  });

  it('keeps leading and trailing spaces by quoting them', () => {
    expect(toCsv([[' padded ']])).toBe('" padded "\r\n');
  });
});

describe('parseCsv', () => {
  it('round-trips what toCsv writes', () => {
    const rows = [['name', 'note', 'value'], ['Ann, Lee', 'said "yes"\r\nthen left', '12.5'], ['', 'é ✓ 😀', '-3']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('reads LF-only files and a last line without a newline', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});
