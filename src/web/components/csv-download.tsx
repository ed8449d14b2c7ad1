import { type ReactNode, useEffect, useMemo } from "react";
import { type CsvValue, formatCsvRows } from "../../contracts/csv.ts";

/**
 * A link that saves rows the page already holds as a CSV file, made in the browser (for data the server shows
 * only once, such as invitation codes). The file starts with a byte-order mark so that spreadsheet programs
 * read ä and ö right.
 */
export function CsvDownloadLink({
  filename,
  header,
  rows,
  children,
}: {
  filename: string;
  header: readonly string[];
  rows: readonly (readonly CsvValue[])[];
  children: ReactNode;
}) {
  const href = useMemo(
    () =>
      URL.createObjectURL(
        new Blob([`\uFEFF${formatCsvRows(header, rows)}`], { type: "text/csv;charset=utf-8" }),
      ),
    [header, rows],
  );
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <a href={href} download={filename}>
      {children}
    </a>
  );
}
