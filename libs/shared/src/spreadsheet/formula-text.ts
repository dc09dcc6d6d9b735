/** A cell beginning like this could run as a formula in a spreadsheet program (OWASP "CSV injection"). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** For CSV, where every cell is text to the reader: an apostrophe makes Excel show it as text. */
export function csvSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
