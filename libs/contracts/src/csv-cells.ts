/**
 * A cell a spreadsheet would run as a formula: starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, after any single quotes (see `defuseCsvCell`).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const DEFUSED = /^'+[=+\-@\t\r]/;

/**
 * Defuses spreadsheet formula injection in a CSV cell meant to be opened (OWASP, "CSV Injection"):
 * a cell that starts as a formula gets a leading single quote, which spreadsheets read as "text".
 * A cell already starting with quotes before such a character gets one more, so that
 * `restoreCsvCell` can undo exactly this: `restoreCsvCell(defuseCsvCell(x)) === x` for every `x`.
 */
export function defuseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The cell `defuseCsvCell` was given: one leading quote fewer where it added one. */
export function restoreCsvCell(value: string): string {
  return DEFUSED.test(value) ? value.slice(1) : value;
}
