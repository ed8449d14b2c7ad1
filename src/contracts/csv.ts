/**
 * CSV as spreadsheets read it (RFC 4180: comma, CRLF, quotes doubled), shared by the server's downloads and
 * files the browser makes itself. A cell that starts with =, +, - or @ gets a leading apostrophe, because
 * spreadsheet programs would run it as a formula (CSV injection); numbers are written as they are.
 */
export type CsvValue = string | number | null | undefined;

/** One cell: empty for null/undefined, quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole file: the header row, then each row, every line ending in CRLF. */
export function formatCsvRows(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
