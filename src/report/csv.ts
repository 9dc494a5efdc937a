import { usageError } from '../errors.js';
import { describe } from '../model/messages.js';

/** Line ending of every record, as RFC 4180 prescribes. */
const CRLF = '\r\n';

/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that oblige a field to be quoted. */
const NEEDS_QUOTES = /[",\r\n]|^ | $/;

/**
 * Neutralises a cell against spreadsheet formula injection: a cell starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a single quote `'`
 * in front, so that a spreadsheet shows it as text instead of evaluating it.
 *
 * @example
 * neutraliseFormula('=1+1'); // => "'=1+1"
 * neutraliseFormula('3.667 kWh'); // => '3.667 kWh'
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A cell that needs neither neutralising nor quoting matches none of this: the common case, tested once. */
const SPECIAL = /^[=+\-@\t\r ]|[",\r\n]| $/;

function field(cell: unknown, where: (column: number) => string, column: number, soleField: boolean): string {
  if (typeof cell !== 'string') {
    throw usageError([], `${where(column)} is ${cell === null ? 'null' : `a ${typeof cell}`}; format every cell to a string first`);
  }
  if (!SPECIAL.test(cell)) return cell === '' && soleField ? '""' : cell;
  const text = neutraliseFormula(cell);
  // A record made of one empty field would be a blank line, which many readers skip.
  if (NEEDS_QUOTES.test(text) || (soleField && text === '')) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One record: its cells, neutralised and quoted where needed, and CRLF. `where` names a cell for an error message. */
export function csvRecord(cells: readonly string[], where: (column: number) => string = cellName): string {
  let text = '';
  const sole = cells.length === 1;
  for (let column = 0; column < cells.length; column++) {
    if (column > 0) text += ',';
    text += field(cells[column], where, column, sole);
  }
  return text + CRLF;
}

const cellName = (column: number) => `cell ${column}`;

/**
 * Writes a table as CSV text per RFC 4180.
 *
 * - Every record, the last included, ends with CRLF (`"\r\n"`).
 * - A field is quoted when it contains a comma, a double quote, CR or LF, or
 *   starts or ends with a space; double quotes inside are doubled. A record
 *   that is a single empty field is written `""` so that it is not a blank line.
 * - Formula injection: every cell, header included, that starts with `=`,
 *   `+`, `-`, `@`, a tab or a carriage return gets a single quote `'` prefixed,
 *   and is then quoted if needed. This also
 *   applies to negative numbers and durations: "-0:01:00" is written
 *   "'-0:01:00".
 * - No byte order mark is written; prepend "\uFEFF" for spreadsheets that need one.
 *
 * @param header - the column names
 * @param rows - the records, each with exactly one cell per column
 * @returns the CSV text
 * @throws {ConfigError} when the header is empty, a row is missing or its
 *   length differs from the header's, or a cell is not a string
 * @example
 * toCsv(['Energy', 'Note'], [['3.667 kWh', 'a, b'], ['=SUM(A1)', '']]); // => 'Energy,Note\r\n3.667 kWh,"a, b"\r\n\'=SUM(A1),\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (!Array.isArray(header) || header.length === 0) throw usageError(['header'], 'toCsv needs at least one header column');
  if (!Array.isArray(rows)) throw usageError(['rows'], `toCsv needs a list of rows, received ${describe(rows)}`);
  const columnName = (column: number): string => JSON.stringify(header[column]);
  let text = csvRecord(header, (column) => `toCsv: header[${column}]`);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (!Array.isArray(row) || row.length !== header.length) {
      throw usageError(
        ['rows', index],
        `toCsv: rows[${index}] has ${Array.isArray(row) ? `${row.length} cells` : `no cells (${describe(row)})`} but the header has ${header.length} columns; give every row one cell per column`,
      );
    }
    text += csvRecord(row, (column) => `toCsv: rows[${index}][${column}] (column ${columnName(column)})`);
  }
  return text;
}
