// CSV cells for the attendee export: RFC 4180 quoting, and cells a spreadsheet would run as formulas defused
// with a leading apostrophe (CSV injection), plus the LIKE escaping the export shares with the search.
import { describe, expect, it } from 'vitest';
import { escapeLike } from '@/lib/like';
import { csvCell, csvRow } from '@/lib/attendees/export';

describe('csvCell', () => {
  it('leaves plain text as it is', () => {
    expect(csvCell('Zoë Ångström')).toBe('Zoë Ångström');
    expect(csvCell('she/her')).toBe('she/her');
    expect(csvCell("O'Neil")).toBe("O'Neil");
    expect(csvCell('')).toBe('');
  });

  it('quotes a cell with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('Smith, Jr')).toBe('"Smith, Jr"');
    expect(csvCell('Mary "Mae" Smith')).toBe('"Mary ""Mae"" Smith"');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('defuses every cell that starts like a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+31 20 123')).toBe("'+31 20 123");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tindented')).toBe("'\tindented");
    expect(csvCell('\rreturn')).toBe('"\'\rreturn"');
    expect(csvCell('=HYPERLINK("http://x.example","go")')).toBe('"\'=HYPERLINK(""http://x.example"",""go"")"');
  });

  it('only looks at the first character', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Jean-Luc')).toBe('Jean-Luc');
    expect(csvCell(' =1')).toBe(' =1');
  });

  it('writes numbers, booleans and missing values', () => {
    expect(csvCell(12)).toBe('12');
    expect(csvCell(-5)).toBe("'-5");
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(false)).toBe('no');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('csvRow', () => {
  it('joins cells with commas and ends the record with CRLF', () => {
    expect(csvRow(['a', 'b, c', '=d', null, true])).toBe('a,"b, c",\'=d,,yes\r\n');
    expect(csvRow([])).toBe('\r\n');
  });
});

describe('escapeLike', () => {
  it('takes %, _ and the escape character literally', () => {
    expect(escapeLike('100%')).toBe('100\\%');
    expect(escapeLike('first_last')).toBe('first\\_last');
    expect(escapeLike('a\\b')).toBe('a\\\\b');
    expect(escapeLike('plain text')).toBe('plain text');
  });
});
